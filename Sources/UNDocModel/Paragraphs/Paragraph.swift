/// A numbered paragraph: "17. At its 1st meeting, …". Lists printed inside it (lettered
/// items, an agenda numbered 1-11) are its children, not paragraphs of the report.
public struct Paragraph: Codable, Sendable, Hashable {
    public var id: String
    /// Number as printed.
    public var number: String
    public var text: String
    public var span: SourceSpan
    public var children: [Clause]
    /// The section it sits in.
    public var section: String?

    public init(id: String, number: String, text: String, span: SourceSpan, section: String?) {
        self.init(id: id, number: number, text: text, span: span, children: [], section: section)
    }

    /// With its children: a parser builds a paragraph in one go rather than copying it to set them.
    public init(id: String, number: String, text: String, span: SourceSpan, children: [Clause], section: String?) {
        self.id = id
        self.number = number
        self.text = text
        self.span = span
        self.children = children
        self.section = section
    }
}
