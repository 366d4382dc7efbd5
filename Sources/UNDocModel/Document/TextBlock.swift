/// Unnumbered running text that belongs to no numbered paragraph, kept so nothing printed
/// is lost: an unnumbered report paragraph, a note after a list, a line of a table.
public struct TextBlock: Codable, Sendable, Hashable {
    public var id: String
    public var text: String
    public var span: SourceSpan
    /// The section (or annex) it sits in.
    public var section: String?

    public init(id: String, text: String, span: SourceSpan, section: String?) {
        self.id = id
        self.text = text
        self.span = span
        self.section = section
    }
}
