/// An annex: "Annex I  List of documents before the Conference…". A list of documents
/// becomes `documents`; a numbered agenda becomes `agenda`.
public struct Annex: Codable, Sendable, Hashable {
    public var id: String
    /// Number as printed: "I"; nil for a single unnumbered "Annex".
    public var number: String?
    public var title: String?
    public var span: SourceSpan
    public var documents: [DocumentListing]
    public var agenda: [Clause]
    /// Numbered paragraphs of the annex (not paragraphs of the report).
    public var paragraphs: [Paragraph]
    /// Ids of other content (text blocks, paragraphs) in order.
    public var content: [String]

    public init(id: String, number: String?, title: String?, span: SourceSpan) {
        self.id = id
        self.number = number
        self.title = title
        self.span = span
        documents = []
        agenda = []
        paragraphs = []
        content = []
    }
}
