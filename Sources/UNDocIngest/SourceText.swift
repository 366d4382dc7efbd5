import UNDocModel

/// A document's text as UTF-8 bytes, with the line index that turns byte offsets into
/// spans. Every span in the model indexes into `bytes`.
public struct SourceText: Sendable {
    /// The name reported in messages and in `SourceInfo.file`.
    public let name: String
    /// The input format that produced the text.
    public let format: String
    public let bytes: [UInt8]
    /// Offset of the first byte of each line.
    public let lineStarts: [Int]
    /// Problems met while decoding (invalid UTF-8, a byte-order mark, …) or converting.
    public internal(set) var diagnostics: [Diagnostic]
    /// The document's symbol as the input prints it outside its text (a PDF's masthead and
    /// running heads); the text formats leave it nil.
    public internal(set) var printedSymbol: String?
    /// For text converted from pages (PDF): the page each stretch of `bytes` came from.
    public internal(set) var pageMap: PageMap?

    public init(name: String, format: String, bytes: [UInt8], diagnostics: [Diagnostic] = []) {
        self.name = name
        self.format = format
        self.bytes = bytes
        self.diagnostics = diagnostics
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == 0x0A {
                starts.append(index + 1)
            }
        }
        lineStarts = starts
    }

    /// Number of lines; a final line without a newline counts.
    public var lineCount: Int {
        if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 {
            return lineStarts.count - 1
        }
        return lineStarts.count
    }

    /// The 1-based line holding byte `offset`.
    /// (Every span asks twice: a binary search that halves a count, over the buffer.)
    public func line(at offset: Int) -> Int {
        lineStarts.withUnsafeBufferPointer { starts in
            // The last start at or before `offset` lies in `low ..< low + count`.
            var low = 0
            var count = starts.count
            while count > 1 {
                let half = count / 2
                if starts[low + half] <= offset { low += half }
                count -= half
            }
            return low + 1
        }
    }

    /// The span of bytes `start..<end`.
    public func span(_ start: Int, _ end: Int) -> SourceSpan {
        let last = max(start, end - 1)
        let startLine = line(at: start)
        // Most spans end on the line they start on or a few lines below: walk down to the
        // last byte's line before searching for it.
        var endLine = startLine
        while endLine < lineStarts.count, lineStarts[endLine] <= last {
            endLine += 1
            if endLine - startLine == 4 { return SourceSpan(start: start, end: end, line: startLine, endLine: line(at: last)) }
        }
        return SourceSpan(start: start, end: end, line: startLine, endLine: endLine)
    }

    /// The text of bytes `start..<end`.
    public func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public var info: SourceInfo {
        SourceInfo(file: name, format: format, bytes: bytes.count, lines: lineCount)
    }
}
