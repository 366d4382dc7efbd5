/// A footnote printed at the foot of a page.
struct PageFootnote {
    var marker: String
    var text: String
    var page: Int
}

/// Finds the footnotes at the foot of each page and the markers in the text that point to
/// them. pdftotext flattens a raised marker into a digit glued to the word or punctuation
/// before it ("Protocol,1 not"); the footnotes of the same page say which numbers to look
/// for, and in which order, so a number that merely ends a word ("L.1", "2006/12") is left alone.
struct PageFootnotes {
    /// The number the next numbered footnote should carry (footnotes run on across pages).
    private var next = 1

    /// Takes the footnote region off the foot of `lines` (one page) and marks the glued
    /// markers in the rest as `<sup>N</sup>`. Returns the page's footnotes.
    mutating func extract(_ lines: inout [LayoutLine]) -> [PageFootnote] {
        guard let start = regionStart(lines) else { return [] }
        var notes: [PageFootnote] = []
        var parts: [String] = []
        let indent = lines[start].indent
        for line in lines[start...] {
            if let (marker, text) = LayoutShapes.footnoteStart(line.text), line.indent <= indent + 1,
               isNextMarker(marker, after: notes.last?.marker) {
                if var last = notes.popLast() {
                    last.text = LineJoiner.join(parts)
                    notes.append(last)
                }
                notes.append(PageFootnote(marker: marker, text: "", page: line.page))
                parts = [String(text)]
            } else {
                parts.append(line.text)
            }
        }
        if var last = notes.popLast() {
            last.text = LineJoiner.join(parts)
            notes.append(last)
        }
        lines.removeSubrange(start...)
        for note in notes where note.marker.first != "*" {
            next = (Int(note.marker) ?? next) + 1
        }
        let numbered = notes.map(\.marker).filter { $0.first != "*" }
        GluedMarkers.mark(numbered, in: &lines)
        return notes
    }

    /// The first line of the page's footnote region: a footnote start that is set off from
    /// the text above by a gap, carries the expected number (or a star), is followed only
    /// by the next footnotes and their wrapped lines, and whose marker occurs above it.
    private func regionStart(_ lines: [LayoutLine]) -> Int? {
        for index in lines.indices where index > 0 && lines[index].blankBefore > 0 {
            guard let (marker, _) = LayoutShapes.footnoteStart(lines[index].text) else { continue }
            // The expected number, a restart at 1, or a little further on when an earlier
            // page's notes were missed (the marker found above still vouches for it).
            let expected = marker.first == "*" ? marker == "*"
                : Int(marker).map { $0 == 1 || ($0 >= next && $0 <= next + 20) } ?? false
            guard expected, followsAsFootnotes(lines, from: index, first: marker) else { continue }
            let above = lines[..<index]
            let found = marker.first == "*"
                ? above.contains { Self.holdsStar(marker, in: $0.text) }
                : GluedMarkers.occurs(marker, in: above)
            if found { return index }
        }
        return nil
    }

    /// Whether `text` holds the star marker before a space or at its end, compared bytewise.
    private static func holdsStar(_ marker: String, in text: String) -> Bool {
        let needle = Array(marker.utf8)
        let bytes = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        if bytes.suffix(needle.count).elementsEqual(needle) { return true }
        guard bytes.count > needle.count else { return false }
        for start in 0..<(bytes.count - needle.count) where bytes[start + needle.count] == 0x20 {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Every later line is the next footnote or a wrapped line of the current one.
    private func followsAsFootnotes(_ lines: [LayoutLine], from start: Int, first: String) -> Bool {
        var marker = first
        let indent = lines[start].indent
        for line in lines[(start + 1)...] {
            if let (candidate, _) = LayoutShapes.footnoteStart(line.text), line.indent <= indent + 1,
               isNextMarker(candidate, after: marker) {
                marker = candidate
                continue
            }
            // A wrapped footnote line sits at or right of the marker.
            if line.indent + 2 < indent { return false }
        }
        return true
    }

    private func isNextMarker(_ marker: String, after previous: String?) -> Bool {
        guard let previous else { return true }
        if previous.first == "*" { return marker.first == "*" ? marker.count == previous.count + 1 : marker == String(next) || marker == "1" }
        guard let p = Int(previous), let m = Int(marker) else { return false }
        return m == p + 1
    }
}
