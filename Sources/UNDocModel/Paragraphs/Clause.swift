/// A labelled item: a lettered clause "(a)", a roman sub-clause "(i)", or an item of a
/// numbered list printed inside a paragraph or an annex ("1. Organizational matters:").
public struct Clause: Codable, Sendable, Hashable {
    public enum LabelStyle: String, Codable, Sendable {
        case letter
        case roman
        case number
    }

    public var id: String
    /// Label as printed, without brackets: "a", "vii", "1".
    public var label: String
    public var style: LabelStyle
    public var text: String
    public var span: SourceSpan
    public var children: [Clause]

    public init(id: String, label: String, style: LabelStyle, text: String, span: SourceSpan) {
        self.init(id: id, label: label, style: style, text: text, span: span, children: [])
    }

    /// With its children: a parser builds a clause in one go rather than copying it to set them.
    public init(id: String, label: String, style: LabelStyle, text: String, span: SourceSpan, children: [Clause]) {
        self.id = id
        self.label = label
        self.style = style
        self.text = text
        self.span = span
        self.children = children
    }
}
