/// A parsed UN document: its symbol and masthead, its structure, the facts found in it
/// and the problems met while reading it. This is the `undoc.document/1` JSON contract
/// (see `Schemas/undoc.document-1.schema.json`).
public struct Document: Codable, Sendable {
    /// The JSON contract's name and version.
    public static let schemaVersion = "undoc.document/1"

    public var schema: String
    public var source: SourceInfo
    /// The document's own symbol, as printed or as supplied by the caller.
    public var symbol: String?
    public var metadata: Metadata
    /// The table of contents as printed.
    public var contents: [ContentsEntry]
    /// Chapters, sections and subsections, nested; each lists the ids of its content.
    public var sections: [Section]
    /// The document's own numbered paragraphs, in order.
    public var paragraphs: [Paragraph]
    public var decisions: [Decision]
    /// Every recommendation, flattened: "1", "2", "2(a)" or "6(c)" as cited.
    public var recommendations: [Recommendation]
    public var footnotes: [Footnote]
    public var annexes: [Annex]
    /// Unnumbered text outside paragraphs (preambles of reports, notes, list lines).
    public var texts: [TextBlock]
    public var references: [Reference]
    public var diagnostics: [Diagnostic]
    /// The library catalogue's record of the document, when one was given (`--catalog`) and
    /// holds its symbol; omitted otherwise. See `CatalogEnricher`.
    public var catalog: CatalogAnnotation?

    public init(source: SourceInfo) {
        schema = Document.schemaVersion
        self.source = source
        symbol = nil
        metadata = Metadata()
        contents = []
        sections = []
        paragraphs = []
        decisions = []
        recommendations = []
        footnotes = []
        annexes = []
        texts = []
        references = []
        diagnostics = []
    }
}
