import UNDocIngest
import UNDocModel

/// Builds `CleanText` from source ranges in one pass over the bytes.
///
/// What it takes out: HTML inline tags (`<i>`, `<b>`, `<sup>N</sup>` becomes a marker),
/// markdown emphasis (`*Treaty Series*`, `**bold**`, found as pairs), footnote markers
/// in Unicode superscript digits (`Protocol,¹`) and stars after a word (`agenda*`).
/// Runs of white space become one space.
enum TextCleaner {
    static func clean(_ segments: [Range<Int>], in source: SourceText) -> CleanText {
        var buffer: [UInt8] = []
        return clean(segments, in: source, buffer: &buffer)
    }

    /// `clean(_:in:)` building the bytes in `buffer`, which is handed back emptied for the
    /// next text: one growing buffer for all the texts of a document, not one array each.
    static func clean(_ segments: [Range<Int>], in source: SourceText, buffer: inout [UInt8]) -> CleanText {
        var out = CleanText()
        buffer.removeAll(keepingCapacity: true)
        swap(&out.bytes, &buffer)
        out.bytes.reserveCapacity(segments.reduce(0) { $0 + $1.count } + segments.count)
        source.bytes.withUnsafeBufferPointer { bytes in
            for segment in segments {
                // A word hyphenated across a page break ("money-" / "laundering") is joined.
                let joinsWord = out.bytes.count >= 2 && out.bytes.last == 0x2D
                    && isLetter(out.bytes[out.bytes.count - 2]) && startsLowercase(segment, bytes)
                if !out.bytes.isEmpty, !joinsWord { out.appendSeparator() }
                cleanSegment(segment, bytes: bytes, into: &out)
                out.trimTrailingSpace()
            }
        }
        out.finish(returningBytesTo: &buffer)
        return out
    }

    private static let inlineTags: [[UInt8]] = [
        "<i>", "</i>", "<b>", "</b>", "<u>", "</u>", "<em>", "</em>", "<strong>", "</strong>", "<br>", "<br/>",
        "<sub>", "</sub>",
    ].map { Array($0.utf8) }

    private static func cleanSegment(_ segment: Range<Int>, bytes: UnsafeBufferPointer<UInt8>, into out: inout CleanText) {
        ordinaryTable.withUnsafeBufferPointer { ordinary in
            cleanSegment(segment, bytes: bytes, ordinary: ordinary, into: &out)
        }
    }

    private static func cleanSegment(_ segment: Range<Int>, bytes: UnsafeBufferPointer<UInt8>,
                                     ordinary: UnsafeBufferPointer<UInt8>, into out: inout CleanText) {
        var i = segment.lowerBound
        let end = segment.upperBound
        // Offsets of the closing marks of emphasis pairs; pairs are rare, so a small array.
        var skipStars: [Int] = []
        var pendingSpace = false

        func emit(_ byte: UInt8, at offset: Int) {
            if pendingSpace {
                if !out.bytes.isEmpty, out.bytes.last != 0x20 { out.appendSeparator() }
                pendingSpace = false
            }
            out.append(byte, source: offset)
        }

        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                // A single space between words is copied as part of the run, so a run
                // covers a stretch of text rather than one word (the map stays small).
                if b == 0x20, !pendingSpace, i + 1 < end, isOrdinary(bytes[i + 1]), let last = out.bytes.last, last != 0x20 {
                    out.append(bytes, i..<(i + 1))
                } else {
                    pendingSpace = !out.bytes.isEmpty
                }
                i += 1
                continue
            }
            if b == 0x3C {  // '<'
                if let (marker, next) = supMarker(bytes, at: i, end: end) {
                    out.markers.append(FootnoteMarker(marker: marker, notation: .htmlSuperscript, sourceStart: i, sourceEnd: next))
                    i = next
                    continue
                }
                if let tag = inlineTags.first(where: { matches($0, bytes, at: i, end: end) }) {
                    i += tag.count
                    continue
                }
            }
            if b == 0x2A {  // '*'
                if skipStars.contains(i) {
                    i += 1
                    continue
                }
                var run = i
                while run < end, bytes[run] == 0x2A { run += 1 }
                let count = run - i
                let before: UInt8 = i > segment.lowerBound ? bytes[i - 1] : 0x20
                let after: UInt8 = run < end ? bytes[run] : 0x20
                let opensEmphasis = isSpaceOrOpen(before) && !isSpace(after)
                if opensEmphasis, let close = closingStars(count: count, bytes, from: run, end: end) {
                    skipStars.append(contentsOf: close..<(close + count))
                    i = run
                    continue
                }
                if !isSpace(before), count <= 3, isSpace(after) || isClosingPunctuation(after) {
                    out.markers.append(FootnoteMarker(
                        marker: String(repeating: "*", count: count), notation: .star, sourceStart: i, sourceEnd: run))
                    i = run
                    continue
                }
                for k in i..<run { emit(0x2A, at: k) }
                i = run
                continue
            }
            if b == 0xC2 || b == 0xE2, superscriptDigitWithWidth(bytes, at: i, end: end) != nil {
                var marker = ""
                var j = i
                while j < end, let (digit, width) = superscriptDigitWithWidth(bytes, at: j, end: end) {
                    marker.append(Character(Unicode.Scalar(48 + digit)))
                    j += width
                }
                out.markers.append(FootnoteMarker(marker: marker, notation: .unicodeSuperscript, sourceStart: i, sourceEnd: j))
                i = j
                continue
            }
            // Ordinary bytes go over as one run, single spaces between words included.
            var j = i + 1
            // Eight bytes at a time where they are all ordinary or single spaces between
            // ordinary bytes, else a byte (or a space and the byte after it).
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            while j < end {
                if j &+ 8 <= end, Self.isPlainRun(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))) {
                    j &+= 8
                } else if ordinary[Int(bytes[j])] != 0 {
                    j += 1
                } else if bytes[j] == 0x20, j + 1 < end, ordinary[Int(bytes[j + 1])] != 0 {
                    j += 2
                } else {
                    break
                }
            }
            if pendingSpace {
                if !out.bytes.isEmpty, out.bytes.last != 0x20 { out.appendSeparator() }
                pendingSpace = false
            }
            out.append(bytes, i..<j)
            i = j
        }
    }

    /// `<sup>12</sup>` at `i`: the marker and the offset after it.
    private static func supMarker(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (String, Int)? {
        let open = Array("<sup>".utf8)
        guard matches(open, bytes, at: i, end: end) else { return nil }
        var j = i + open.count
        var marker = ""
        while j < end, bytes[j] != 0x3C {
            if bytes[j] != 0x20 { marker.append(Character(Unicode.Scalar(bytes[j]))) }
            j += 1
            if j - i > 16 { return nil }
        }
        let close = Array("</sup>".utf8)
        guard !marker.isEmpty, matches(close, bytes, at: j, end: end) else { return nil }
        return (marker, j + close.count)
    }

    private static func closingStars(count: Int, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        var j = start
        while j < end {
            let b = bytes[j]
            if b == 0x0A { return nil }
            if b == 0x2A {
                var run = j
                while run < end, bytes[run] == 0x2A { run += 1 }
                if run - j >= count, j > start, !isSpace(bytes[j - 1]) {
                    return run - count
                }
                j = run
                continue
            }
            j += 1
        }
        return nil
    }

    /// Superscript digits: ¹ ² ³ are C2 B9, C2 B2, C2 B3; ⁰ and ⁴-⁹ are E2 81 B0, B4-B9.
    static func superscriptDigitWithWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (UInt8, Int)? {
        guard i + 1 < end else { return nil }
        if bytes[i] == 0xC2 {
            switch bytes[i + 1] {
            case 0xB9: return (1, 2)
            case 0xB2: return (2, 2)
            case 0xB3: return (3, 2)
            default: return nil
            }
        }
        if bytes[i] == 0xE2, i + 2 < end, bytes[i + 1] == 0x81 {
            let b = bytes[i + 2]
            if b == 0xB0 { return (0, 3) }
            if (0xB4...0xB9).contains(b) { return (b - 0xB0, 3) }
        }
        return nil
    }

    /// Compares ASCII case-insensitively, so `<I>` and `<SUP>` are tags too.
    private static func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        guard i + pattern.count <= end else { return false }
        for k in 0..<pattern.count where lower(bytes[i + k]) != lower(pattern[k]) { return false }
        return true
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private static func startsLowercase(_ segment: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = segment.lowerBound
        while p < segment.upperBound, isSpace(bytes[p]) { p += 1 }
        return p < segment.upperBound && bytes[p] >= 0x61 && bytes[p] <= 0x7A
    }

    /// Bytes that never start markup, a marker or white space.
    /// Whether eight bytes (byte 0 lowest) are all ordinary or spaces, no space followed by a
    /// space and the last not a space: exact per-byte tests in 64-bit arithmetic (SWAR).
    @inline(__always)
    static func isPlainRun(_ v: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = v & ~high
        // Bytes at most 0x20 (a byte of 0x80 or more is above it).
        let atMostSpace = ~((low7 &+ ones &* 0x5F) | v) & high
        func equal(_ c: UInt8) -> UInt64 {
            let y = v ^ (ones &* UInt64(c))
            return ~(((y & ~high) &+ ones &* 0x7F) | y) & high
        }
        let spaces = equal(0x20)
        let special = (atMostSpace & ~spaces) | equal(0x3C) | equal(0x2A) | equal(0xC2) | equal(0xE2)
        return special == 0 && spaces & (spaces >> 8) == 0 && spaces >> 56 == 0
    }

    private static func isOrdinary(_ b: UInt8) -> Bool {
        b > 0x20 && b != 0x3C && b != 0x2A && b != 0xC2 && b != 0xE2
    }

    /// `isOrdinary` as a table, for the loop that copies runs of text (a load per byte).
    private static let ordinaryTable: [UInt8] = (0...255).map { isOrdinary(UInt8($0)) ? 1 : 0 }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    private static func isSpaceOrOpen(_ b: UInt8) -> Bool { isSpace(b) || b == 0x28 || b == 0x5B || b == 0x22 }
    private static func isClosingPunctuation(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x29 || b == 0x5D
    }
}
