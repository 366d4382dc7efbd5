/// Where an element or fact came from: byte offsets into the input (UTF-8, after
/// decoding) and the 1-based lines they start and end on.
public struct SourceSpan: Codable, Sendable, Hashable {
    /// Offset of the first byte.
    public var start: Int
    /// Offset one past the last byte.
    public var end: Int
    /// Line of the first byte, counting from 1.
    public var line: Int
    /// Line of the last byte, counting from 1.
    public var endLine: Int

    public init(start: Int, end: Int, line: Int, endLine: Int) {
        self.start = start
        self.end = end
        self.line = line
        self.endLine = endLine
    }

    /// The smallest span covering both spans.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(
            start: min(start, other.start), end: max(end, other.end),
            line: min(line, other.line), endLine: max(endLine, other.endLine))
    }
}
