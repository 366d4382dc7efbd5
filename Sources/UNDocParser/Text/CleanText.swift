import UNDocIngest
import UNDocModel

/// The readable text of an element, built from one or more source ranges with markup
/// taken out (`<i>`, `<b>`, markdown emphasis) and footnote markers lifted out into
/// `markers`. `sourceOffset(_:)` maps any offset in the clean text back to the source,
/// so every fact found in clean text keeps its exact source span.
struct CleanText {
    /// UTF-8 bytes of the clean text while it is built; `finish(returningBytesTo:)` makes
    /// them `string`, so that the model's text and the text references are read from are
    /// one copy.
    var bytes: [UInt8] = []
    /// The clean text, once finished.
    private(set) var string = ""
    /// Runs copied verbatim: clean offset, source offset, length. Sorted by clean offset.
    private(set) var runs: [(clean: Int, source: Int, length: Int)] = []
    /// Footnote markers found, with their source ranges.
    var markers: [FootnoteMarker] = []

    /// Ends building: the bytes become `string`, and the byte buffer goes to `buffer` for
    /// the next text.
    mutating func finish(returningBytesTo buffer: inout [UInt8]) {
        string = String(decoding: bytes, as: UTF8.self)
        swap(&bytes, &buffer)
        bytes = []
    }

    var isEmpty: Bool { string.utf8.isEmpty }

    /// Calls `body` with the UTF-8 of the finished text (in place: no copy).
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = string
        return text.withUTF8(body)
    }

    /// The source offset of clean offset `offset` (an end offset maps to the end of its run).
    func sourceOffset(_ offset: Int, isEnd: Bool = false) -> Int {
        guard !runs.isEmpty else { return 0 }
        var low = 0
        var high = runs.count - 1
        let probe = isEnd ? max(offset - 1, 0) : offset
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].clean <= probe { low = mid } else { high = mid - 1 }
        }
        let run = runs[low]
        let delta = min(max(probe - run.clean, 0), max(run.length - (isEnd ? 1 : 0), 0))
        return run.source + delta + (isEnd ? 1 : 0)
    }

    /// The source span of clean range `range`.
    func sourceSpan(_ range: Range<Int>, in source: SourceText) -> SourceSpan {
        var start = sourceOffset(range.lowerBound)
        let end = max(start, sourceOffset(range.upperBound, isEnd: true))
        // A span that holds the closing mark of emphasis opened just before it ("*Ibid.*,
        // vol. …") takes in the opening mark, so its source text is balanced.
        let stars = source.bytes[start..<end].reduce(0) { $0 + ($1 == 0x2A ? 1 : 0) }
        if stars % 2 == 1, start > 0, source.bytes[start - 1] == 0x2A, runStarts(at: range.lowerBound) {
            start -= 1
        }
        return source.span(start, end)
    }

    /// Whether a copied run begins at clean offset `offset` (markup may lie just before it).
    private func runStarts(at offset: Int) -> Bool {
        var low = 0
        var high = runs.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if runs[mid].clean == offset { return true }
            if runs[mid].clean < offset { low = mid + 1 } else { high = mid - 1 }
        }
        return false
    }

    mutating func append(_ byte: UInt8, source: Int) {
        if let last = runs.last, last.clean + last.length == bytes.count, last.source + last.length == source {
            runs[runs.count - 1].length += 1
        } else {
            runs.append((bytes.count, source, 1))
        }
        bytes.append(byte)
    }

    /// Appends source bytes `range` verbatim, as one run.
    mutating func append(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = runs.last, last.clean + last.length == bytes.count, last.source + last.length == range.lowerBound {
            runs[runs.count - 1].length += range.count
        } else {
            runs.append((bytes.count, range.lowerBound, range.count))
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
    }

    /// Appends a separator that stands for no source byte (joins segments).
    mutating func appendSeparator() {
        if let last = bytes.last, last != 0x20 { bytes.append(0x20) }
    }

    mutating func trimTrailingSpace() {
        while let last = bytes.last, last == 0x20 || last == 0x09 {
            bytes.removeLast()
            if var run = runs.last, run.clean + run.length > bytes.count {
                run.length = bytes.count - run.clean
                if run.length <= 0 { runs.removeLast() } else { runs[runs.count - 1] = run }
            }
        }
    }
}

/// A footnote marker in running text.
struct FootnoteMarker: Hashable {
    var marker: String
    var notation: Footnote.Notation
    var sourceStart: Int
    var sourceEnd: Int
}
