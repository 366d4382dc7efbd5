/// A chapter, section or subsection. Its level comes from UN numbering (roman chapter,
/// capital-letter section, unnumbered subheading), never from markdown heading marks.
public struct Section: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// "I. Decisions taken by the Conference of the Parties".
        case chapter
        /// "A. Opening of the session".
        case section
        /// An unnumbered heading: "Deliberations", "Action taken by the Conference".
        case subsection
        /// A numbered heading that groups recommendations: "1. Victims of trafficking".
        case recommendationGroup
        /// The end notes list: "Notes".
        case notes
    }

    public var id: String
    public var kind: Kind
    /// Number as printed: "I", "A", "1"; nil when unnumbered.
    public var number: String?
    public var heading: String
    public var span: SourceSpan
    /// Ids of the paragraphs, decisions, recommendations and text blocks it holds, in order.
    public var content: [String]
    public var children: [Section]

    public init(id: String, kind: Kind, number: String?, heading: String, span: SourceSpan) {
        self.id = id
        self.kind = kind
        self.number = number
        self.heading = heading
        self.span = span
        content = []
        children = []
    }
}
