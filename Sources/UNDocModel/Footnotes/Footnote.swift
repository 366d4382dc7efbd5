/// A footnote or end note and every place its marker occurs.
public struct Footnote: Codable, Sendable, Hashable {
    /// How the marker is printed in the source.
    public enum Notation: String, Codable, Sendable {
        /// `<sup>3</sup>`.
        case htmlSuperscript
        /// `¹`, `²⁴`.
        case unicodeSuperscript
        /// `*`, `**`.
        case star
    }

    public var id: String
    /// The marker as a plain string: "3", "24", "*".
    public var marker: String
    public var notation: Notation
    public var text: String
    public var span: SourceSpan
    public var anchors: [FootnoteAnchor]

    public init(id: String, marker: String, notation: Notation, text: String, span: SourceSpan) {
        self.id = id
        self.marker = marker
        self.notation = notation
        self.text = text
        self.span = span
        anchors = []
    }
}

/// One occurrence of a footnote marker in the text.
public struct FootnoteAnchor: Codable, Sendable, Hashable {
    /// The element the marker sits in.
    public var element: String
    public var span: SourceSpan

    public init(element: String, span: SourceSpan) {
        self.element = element
        self.span = span
    }
}
