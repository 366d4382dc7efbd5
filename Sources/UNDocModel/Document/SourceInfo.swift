/// The input a document was parsed from.
public struct SourceInfo: Codable, Sendable, Hashable {
    /// The path as given on the command line (or a name chosen by the caller).
    public var file: String
    /// The input format that was read: `text`, `markdown`, `pdf`, `html`, `docx`.
    public var format: String
    /// Size of the decoded UTF-8 text, in bytes; spans index into this text.
    public var bytes: Int
    public var lines: Int

    public init(file: String, format: String, bytes: Int, lines: Int) {
        self.file = file
        self.format = format
        self.bytes = bytes
        self.lines = lines
    }
}
