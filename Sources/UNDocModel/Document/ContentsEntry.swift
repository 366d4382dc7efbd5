/// One row of a printed table of contents: "III. Organization of the session . . . 4-34  13".
public struct ContentsEntry: Codable, Sendable, Hashable {
    /// Number as printed: "III", "A", "3/1"; nil for unnumbered rows such as "Annexes".
    public var label: String?
    public var title: String
    /// Paragraph range as printed, e.g. "4-34".
    public var paragraphs: String?
    public var page: String?
    public var span: SourceSpan

    public init(label: String?, title: String, paragraphs: String?, page: String?, span: SourceSpan) {
        self.label = label
        self.title = title
        self.paragraphs = paragraphs
        self.page = page
        self.span = span
    }
}
