#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// Words are split at spaces and read as Unicode scalars, not Characters: grapheme
    /// breaking cost more than all the rest of normalising a page.
    private static func find(_ marker: String, in text: String, from: String.Index) -> Range<String.Index>? {
        let digits = Array(marker.utf8)
        // Most lines do not hold the marker's digits at all.
        guard holds(digits, in: text, from: from) else { return nil }
        let scalars = text.unicodeScalars
        var wordStart = from
        let end = scalars.endIndex
        while wordStart < end {
            while wordStart < end, scalars[wordStart] == " " { wordStart = scalars.index(after: wordStart) }
            var wordEnd = wordStart
            while wordEnd < end, scalars[wordEnd] != " " { wordEnd = scalars.index(after: wordEnd) }
            if wordStart < wordEnd, let range = match(digits, in: scalars, wordStart, wordEnd) { return range }
            wordStart = wordEnd
        }
        return nil
    }

    /// Whether `text` holds `needle` (a few ASCII digits) from `from` on: `memchr` over the
    /// bytes in place (asked for every marker of a page against every line after the last one found).
    private static func holds(_ needle: [UInt8], in text: String, from: String.Index) -> Bool {
        guard !needle.isEmpty else { return false }
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: from)
        var text = text
        return text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard bytes.count - offset >= needle.count, let base = bytes.baseAddress else { return false }
            let first = Int32(needle[0])
            var start = offset
            while bytes.count - start >= needle.count {
                guard let found = memchr(base + start, first, bytes.count - start) else { return false }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard bytes.count - at >= needle.count else { return false }
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                start = at + 1
            }
            return false
        }
    }

    /// Closing punctuation after a marker, and the punctuation a marker may be glued to.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", ";", ":", ")", "]", "\u{201D}", "\u{2019}", "\"", "'": true
        default: false
        }
    }

    /// Whether the word `start..<end` is text, then `digits`, then closing punctuation.
    private static func match(_ digits: [UInt8], in text: String.UnicodeScalarView, _ start: String.Index, _ end: String.Index)
        -> Range<String.Index>?
    {
        var coreEnd = end
        while coreEnd > start, isPunctuation(text[text.index(before: coreEnd)]) { coreEnd = text.index(before: coreEnd) }
        var digitStart = coreEnd
        while digitStart > start, isDigit(text[text.index(before: digitStart)]) {
            digitStart = text.index(before: digitStart)
        }
        guard digitStart < coreEnd else { return nil }
        let run = Array(Substring(text[digitStart..<coreEnd]).utf8)
        let before: Unicode.Scalar = digitStart > start ? text[text.index(before: digitStart)] : " "
        if run == digits {
            guard digitStart > start else { return nil }
            guard isLetter(before) || isPunctuation(before) else { return nil }
            if text[start..<digitStart].contains("/") { return nil }  // a symbol's last part: "L.1", "Add.2"
            if before == ".", isAbbreviation(text[start..<text.index(before: digitStart)]) { return nil }
            return digitStart..<coreEnd
        }
        // A marker glued to a year: "1988" + "3".
        if run.count == 4 + digits.count, run.suffix(digits.count).elementsEqual(digits),
           (run[0] == 0x31 && run[1] == 0x39) || (run[0] == 0x32 && run[1] == 0x30),
           before.properties.numericType == nil {
            let markerStart = text.index(digitStart, offsetBy: 4)
            return markerStart..<coreEnd
        }
        return nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// A letter, or a combining mark (the accent of a decomposed letter).
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark: true
        default: false
        }
    }

    /// Abbreviations printed before a number ("No.", "Add.", "Rev.", "L."): a number after
    /// them is part of a reference, not a marker.
    private static let abbreviations: Set<String> = [
        "No", "Nos", "Add", "Rev", "Corr", "Amend", "Suppl", "Vol", "vol", "Sess", "para", "paras", "art", "Art",
        "WG", "INF", "CRP", "PV", "SR", "RES", "DEC", "PRST", "Misc", "Ser", "p", "pp", "chap", "sect",
    ]

    /// Whether the letters that end `head` are an abbreviation, or a single capital ("L.1", "A.5").
    private static func isAbbreviation(_ head: Substring.UnicodeScalarView) -> Bool {
        var start = head.endIndex
        while start > head.startIndex, isLetter(head[head.index(before: start)]) { start = head.index(before: start) }
        let letters = head[start...]
        if letters.count == 1, let only = letters.first, only.properties.isUppercase { return true }
        return abbreviations.contains(String(Substring(letters)))
    }
}
