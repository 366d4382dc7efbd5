/// Footnote markers that pdftotext glued to the text before them: "Protocol,1" "partners1"
/// "2009.2" "19883" (1988 and marker 3). Each is rewritten as `<sup>N</sup>`, the notation
/// the parser reads.
enum GluedMarkers {
    /// Whether `marker` occurs glued to a word in `lines`.
    static func occurs(_ marker: String, in lines: ArraySlice<LayoutLine>) -> Bool {
        lines.contains { line in find(marker, in: line.text, from: line.text.startIndex) != nil }
    }

    /// Marks `markers`, in order, in `lines`: each is looked for after the previous one; one
    /// that is not found (set as a number pdftotext did not glue) is passed over.
    static func mark(_ markers: [String], in lines: inout [LayoutLine]) {
        var line = 0
        var from = lines.first?.text.startIndex
        for marker in markers {
            var index = line
            var start = from
            while index < lines.count {
                let text = lines[index].text
                if let range = find(marker, in: text, from: start ?? text.startIndex) {
                    let replacement = "<sup>\(marker)</sup>"
                    var changed = text
                    changed.replaceSubrange(range, with: replacement)
                    lines[index].text = changed
                    line = index
                    from = changed.index(changed.startIndex, offsetBy: text.distance(from: text.startIndex, to: range.lowerBound) + replacement.count)
                    break
                }
                index += 1
                start = nil
            }
        }
    }

    /// The range of the marker's digits in the first word after `from` that ends in them glued.
    private static func find(_ marker: String, in text: String, from: String.Index) -> Range<String.Index>? {
        let digits = Array(marker.utf8)
        var wordStart = from
        let end = text.endIndex
        while wordStart < end {
            while wordStart < end, text[wordStart] == " " { wordStart = text.index(after: wordStart) }
            var wordEnd = wordStart
            while wordEnd < end, text[wordEnd] != " " { wordEnd = text.index(after: wordEnd) }
            if wordStart < wordEnd, let range = match(digits, in: text, wordStart, wordEnd) { return range }
            wordStart = wordEnd
        }
        return nil
    }

    private static let trailing: Set<Character> = [",", ".", ";", ":", ")", "]", "\u{201D}", "\u{2019}", "\"", "'"]
    private static let gluable: Set<Character> = [",", ".", ";", ":", ")", "]", "\u{201D}", "\u{2019}", "\"", "'"]

    /// Whether the word `start..<end` is text, then `digits`, then closing punctuation.
    private static func match(_ digits: [UInt8], in text: String, _ start: String.Index, _ end: String.Index) -> Range<String.Index>? {
        var coreEnd = end
        while coreEnd > start, trailing.contains(text[text.index(before: coreEnd)]) { coreEnd = text.index(before: coreEnd) }
        var digitStart = coreEnd
        while digitStart > start, text[text.index(before: digitStart)].isASCII, text[text.index(before: digitStart)].isNumber {
            digitStart = text.index(before: digitStart)
        }
        guard digitStart < coreEnd else { return nil }
        let run = Array(text[digitStart..<coreEnd].utf8)
        let before: Character = digitStart > start ? text[text.index(before: digitStart)] : " "
        if run == digits {
            guard digitStart > start else { return nil }
            guard before.isLetter || gluable.contains(before) else { return nil }
            let head = text[start..<digitStart]
            if head.contains(where: { $0 == "/" }) { return nil }  // a symbol's last part: "L.1", "Add.2"
            if before == ".", isAbbreviation(head.dropLast()) { return nil }
            return digitStart..<coreEnd
        }
        // A marker glued to a year: "1988" + "3".
        if run.count == 4 + digits.count, run.suffix(digits.count).elementsEqual(digits),
           (run[0] == 0x31 && run[1] == 0x39) || (run[0] == 0x32 && run[1] == 0x30),
           !before.isNumber {
            let markerStart = text.index(digitStart, offsetBy: 4)
            return markerStart..<coreEnd
        }
        return nil
    }

    /// Abbreviations printed before a number ("No.", "Add.", "Rev.", "L."): a number after
    /// them is part of a reference, not a marker.
    private static let abbreviations: Set<String> = [
        "No", "Nos", "Add", "Rev", "Corr", "Amend", "Suppl", "Vol", "vol", "Sess", "para", "paras", "art", "Art",
        "WG", "INF", "CRP", "PV", "SR", "RES", "DEC", "PRST", "Misc", "Ser", "p", "pp", "chap", "sect",
    ]

    private static func isAbbreviation(_ head: Substring) -> Bool {
        let letters = String(head.reversed().prefix { $0.isLetter }.reversed())
        if letters.count == 1, letters.first?.isUppercase == true { return true }  // "L.1", "A.5"
        return abbreviations.contains(letters)
    }
}
