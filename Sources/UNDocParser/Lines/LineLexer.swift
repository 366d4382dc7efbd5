import Foundation
import UNDocIngest

/// Splits a document into logical lines and takes off what is presentation rather than
/// structure: indentation, list bullets, markdown heading marks and bold wrappers. Heading
/// levels are recorded but never trusted; the structural parser reads UN numbering instead.
enum LineLexer {
    static func lines(of source: SourceText) -> [Line] {
        var lines: [Line] = []
        // Room for a few fused headings split in two, so the array is never copied to grow.
        lines.reserveCapacity(source.lineStarts.count + source.lineStarts.count / 16 + 8)
        source.bytes.withUnsafeBufferPointer { bytes in
            let starts = source.lineStarts
            for (number, lineStart) in starts.enumerated() {
                var lineEnd = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count
                if lineStart > lineEnd { continue }
                while lineEnd > lineStart, isSpace(bytes[lineEnd - 1]) { lineEnd -= 1 }
                var p = lineStart
                var indent = 0
                while p < lineEnd, isSpace(bytes[p]) {
                    indent += bytes[p] == 0x09 ? 4 : 1
                    p += 1
                }
                var line = Line(number: number, start: p, end: lineEnd, contentStart: p, contentEnd: lineEnd,
                                indent: indent, bulleted: false, headingMarks: 0, bold: false)
                if p == lineEnd {
                    lines.append(fresh(line))
                    continue
                }
                // Markdown heading marks.
                var q = p
                while q < lineEnd, bytes[q] == 0x23 { q += 1 }
                if q > p, q < lineEnd, bytes[q] == 0x20, q - p <= 6 {
                    line.headingMarks = q - p
                    p = q
                    while p < lineEnd, bytes[p] == 0x20 { p += 1 }
                }
                // A list bullet: "- " or "• " (but not "---").
                if p + 1 < lineEnd, bytes[p] == 0x2D, bytes[p + 1] == 0x20 {
                    line.bulleted = true
                    p += 2
                    while p < lineEnd, bytes[p] == 0x20 { p += 1 }
                }
                line.contentStart = p
                line.contentEnd = lineEnd
                splitBold(line, into: &lines, bytes: bytes)
            }
        }
        return lines
    }

    /// Takes off `**…**` or `<b>…</b>` around the whole content, and splits headings fused
    /// on one line (`**A****B**`) into separate logical lines.
    private static func splitBold(_ line: Line, into lines: inout [Line], bytes: UnsafeBufferPointer<UInt8>) {
        let s = line.contentStart
        let e = line.contentEnd
        if e - s > 4, bytes[s] == 0x2A, bytes[s + 1] == 0x2A, bytes[e - 1] == 0x2A, bytes[e - 2] == 0x2A,
           bytes[s + 2] != 0x20 {
            var parts: [Range<Int>] = []
            var partStart = s + 2
            var k = s + 2
            let innerEnd = e - 2
            // From star to star (memchr), not byte by byte: bold headings are long.
            let base = bytes.baseAddress!
            while k + 3 < innerEnd, let star = memchr(base + k, 0x2A, innerEnd - 3 - k) {
                k = UnsafeRawPointer(star) - UnsafeRawPointer(base)
                if bytes[k + 1] == 0x2A, bytes[k + 2] == 0x2A, bytes[k + 3] == 0x2A {
                    parts.append(partStart..<k)
                    k += 4
                    partStart = k
                    continue
                }
                k += 1
            }
            parts.append(partStart..<innerEnd)
            for part in parts where !part.isEmpty {
                lines.append(fresh(line, content: part, bold: true))
            }
            return
        }
        // "<b>" … "</b>", compared in place (this runs for every line).
        if e - s > 7, bytes[s] == 0x3C, bytes[s + 1] == 0x62, bytes[s + 2] == 0x3E,
           bytes[e - 4] == 0x3C, bytes[e - 3] == 0x2F, bytes[e - 2] == 0x62, bytes[e - 1] == 0x3E {
            lines.append(fresh(line, content: (s + 3)..<(e - 4), bold: true))
            return
        }
        lines.append(fresh(line))
    }

    /// A new unclassified line with the fields of `line`: appending it moves it into the
    /// array, where appending `line` itself would copy it through its kind's value witness.
    private static func fresh(_ line: Line, content: Range<Int>? = nil, bold: Bool? = nil) -> Line {
        Line(number: line.number, start: line.start, end: line.end,
             contentStart: content?.lowerBound ?? line.contentStart, contentEnd: content?.upperBound ?? line.contentEnd,
             indent: line.indent, bulleted: line.bulleted, headingMarks: line.headingMarks, bold: bold ?? line.bold)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C }
}
