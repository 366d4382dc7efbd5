import Foundation
import UNDocGrammar
import UNDocIngest

/// Reads each line's shape with the structure grammar (`line` in structure.peg).
struct LineClassifier {
    let grammars: ParserGrammars
    /// Reads the commonest shapes of the built-in grammar by hand (and rules out lines only
    /// `plain` can match) instead of matching them; off in tests that compare the two.
    var byteShortcuts = true

    private static let viewTags: [[UInt8]] = ["<i>", "</i>", "<b>", "</b>", "<u>", "</u>"].map { Array($0.utf8) }

    func classify(_ lines: inout [Line], source: SourceText) {
        var view: [UInt8] = []
        var runs: [(view: Int, source: Int)] = []
        let canRuleOut = grammars.structureIsBuiltIn && byteShortcuts
        source.bytes.withUnsafeBufferPointer { bytes in
            for index in lines.indices {
                // Fields, not the whole line: copying a `Line` retains its kind's strings.
                let start = lines[index].contentStart
                let end = lines[index].contentEnd
                if start >= end {
                    lines[index].kind = .blank
                    continue
                }
                if isRule(bytes, from: lines[index].start, to: end) {
                    lines[index].kind = .rule
                    continue
                }
                // Most lines carry no tags: the grammar then reads the source in place.
                if memchr(bytes.baseAddress! + start, 0x3C, end - start) == nil {
                    if canRuleOut {
                        if let kind = Self.numberedOrLabelled(bytes, start: start, end: end)
                            ?? Self.romanOrLetter(bytes, start: start, end: end)
                            ?? Self.footnoteBody(bytes, start: start, end: end, source: { $0 }) {
                            lines[index].kind = kind
                            continue
                        }
                        if Self.isPlainForBuiltInShapes(bytes, start: start, end: end) {
                            lines[index].kind = .plain
                            continue
                        }
                    }
                    lines[index].kind = kind(of: bytes, start: start, end: end) { $0 }
                    continue
                }
                // Otherwise it sees the content without inline presentation tags; `runs`
                // take view offsets back to the source (each run of text between tags
                // was copied whole).
                view.removeAll(keepingCapacity: true)
                runs.removeAll(keepingCapacity: true)
                var p = start
                while p < end {
                    if bytes[p] == 0x3C, let tag = Self.viewTags.first(where: { starts($0, bytes, p, end) }) {
                        p += tag.count
                        continue
                    }
                    let next = memchr(bytes.baseAddress! + p + 1, 0x3C, end - p - 1)
                        .map { UnsafeRawPointer($0) - UnsafeRawPointer(bytes.baseAddress!) } ?? end
                    runs.append((view.count, p))
                    view.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[p..<next]))
                    p = next
                }
                let viewEnd = view.count
                // The end of the view is the end of the content, tags after it included.
                func sourceOffset(_ offset: Int) -> Int {
                    guard offset < viewEnd, let run = runs.last(where: { $0.view <= offset }) else { return end }
                    return run.source + offset - run.view
                }
                lines[index].kind = view.withUnsafeBufferPointer { viewBytes in
                    if canRuleOut, viewEnd > 0, let note = Self.footnoteBody(viewBytes, start: 0, end: viewEnd, source: sourceOffset) {
                        return note
                    }
                    return kind(of: viewBytes, start: 0, end: viewEnd, source: sourceOffset)
                }
            }
        }
    }

    /// The two commonest shapes of the built-in structure.peg read by hand: `numberedItem`
    /// ("17. At its 1st meeting…") and `labelledItem` ("(a) Welcomes…"). No shape before
    /// them in `line` matches a line that starts with a digit then "." (`jobNumber` wants
    /// a "-" or "." after one or two letters or digits) or with "(". Nil: ask the grammar.
    static func numberedOrLabelled(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> LineKind? {
        let first = bytes[start]
        if isDigit(first) {
            // number:digits "." [ \t]+ text:rest
            var p = start + 1
            while p < end, isDigit(bytes[p]) { p += 1 }
            guard p + 1 < end, bytes[p] == 0x2E, isBlank(bytes[p + 1]) else { return nil }
            let number = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self)
            p += 2
            while p < end, isBlank(bytes[p]) { p += 1 }
            return .numbered(number: number, textStart: p)
        }
        if first == 0x28 {
            // "(" label:([a-z]+ / digits) ")" [ \t]+ text:rest
            var p = start + 1
            if p < end, bytes[p] &- 0x61 < 26 {
                while p < end, bytes[p] &- 0x61 < 26 { p += 1 }
            } else {
                while p < end, isDigit(bytes[p]) { p += 1 }
            }
            guard p > start + 1, p + 1 < end, bytes[p] == 0x29, isBlank(bytes[p + 1]) else { return nil }
            let label = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<p]), as: UTF8.self)
            p += 2
            while p < end, isBlank(bytes[p]) { p += 1 }
            return .labelled(label: label, textStart: p)
        }
        return nil
    }

    /// `footnoteBody` read by hand in its three notations: "<sup>3</sup> Text", "³ Text"
    /// (or "³Text" before a capital or "*") and "** Text". No shape before it in `line`
    /// starts with "<" or a superscript digit, and `jobNumber` ("*0658123*") wants a
    /// digit after its "*". `source` maps an offset of `bytes` to the source. Nil: ask
    /// the grammar.
    static func footnoteBody(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int,
                             source: (Int) -> Int) -> LineKind? {
        var p = start
        let marker: String
        let notation: LineKind.NotationKind
        if bytes[start] == 0x3C {
            // "<sup>" marker:digits "</sup>" _? text:rest
            guard startsWith("<sup>", bytes, start, end) else { return nil }
            p += 5
            let digits = p
            while p < end, isDigit(bytes[p]) { p += 1 }
            guard p > digits, startsWith("</sup>", bytes, p, end) else { return nil }
            marker = String(decoding: UnsafeBufferPointer(rebasing: bytes[digits..<p]), as: UTF8.self)
            notation = .html
            p += 6
        } else if bytes[start] == 0x2A {
            // marker:"*"+ _ text:rest
            while p < end, bytes[p] == 0x2A { p += 1 }
            guard p < end, isBlank(bytes[p]) else { return nil }
            marker = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self)
            notation = .star
        } else {
            // marker:superscript+ (_ / &[A-Z*]) text:rest; the marker in plain digits.
            var digits: [UInt8] = []
            while let (digit, width) = TextCleaner.superscriptDigitWithWidth(bytes, at: p, end: end) {
                digits.append(0x30 + digit)
                p += width
            }
            guard !digits.isEmpty, p < end, isBlank(bytes[p]) || bytes[p] &- 0x41 < 26 || bytes[p] == 0x2A else { return nil }
            marker = String(decoding: digits, as: UTF8.self)
            notation = .unicode
        }
        while p < end, isBlank(bytes[p]) { p += 1 }
        return .footnoteBody(marker: marker, notation: notation, textStart: source(p))
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// Whether a line of the built-in structure.peg can only match `plain`: every other
    /// shape needs a tab or dot leaders (a contents row), or starts with a digit, "(", "*",
    /// a superscript, a keyword, a numbering letter followed by ".", or ends with a year or
    /// "session". Most running text fails all of these tests at its first bytes, and the
    /// grammar would try a dozen shapes and scan the line for leaders first.
    static func isPlainForBuiltInShapes(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        let first = bytes[start]
        let isUpper = first &- 0x41 < 26
        let isLower = first &- 0x61 < 26
        guard isUpper || isLower || (first < 0x80 && !isDigit(first) && first != 0x28 && first != 0x2A && first != 0x3C)
        else { return false }
        if isLower, first == 0x69 || first == 0x61 {
            // "item 6 of the agenda", "agenda item 4" (matched without case).
            if startsWithoutCase("item", bytes, start, end) || startsWithoutCase("agenda item", bytes, start, end) { return false }
        }
        if isUpper {
            // "A. …", "V.06-58123 (E)" and "IV. …" (a run of roman digits before the dot).
            if start + 1 < end, bytes[start + 1] == 0x2E { return false }
            if start + 2 < end, bytes[start + 2] == 0x2E { return false }
            var p = start
            while p < end, isRomanDigit(bytes[p]) { p += 1 }
            if p > start, p < end, bytes[p] == 0x2E { return false }
            // Dates and places end in a year, session lines in "session".
            if isDigit(bytes[end - 1]) || endsWith("session", bytes, start, end) { return false }
            for keyword in uppercaseKeywords where startsWith(keyword, bytes, start, end) { return false }
            if startsWithoutCase("item", bytes, start, end) || startsWithoutCase("agenda item", bytes, start, end) { return false }
        }
        return !mayBeContentsRow(bytes, start: start, end: end)
    }

    /// Whether `contentsRow` may match: its title ends at dot leaders, or at a tab after
    /// which come only the columns (tabs, digits, ranges, spaces). So a line without
    /// leaders needs a tab after its last byte that no column can hold; a document row
    /// ("CTOC/COP/2006/2<TAB>Implementation of …") has none.
    static func mayBeContentsRow(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        let base = bytes.baseAddress!
        var p = start
        while p + 4 < end, let dot = memchr(base + p, 0x2E, end - 4 - p) {
            let q = UnsafeRawPointer(dot) - UnsafeRawPointer(base)
            if bytes[q + 1] == 0x20, bytes[q + 2] == 0x2E, bytes[q + 3] == 0x20, bytes[q + 4] == 0x2E { return true }
            p = q + 1
        }
        guard memchr(base + start, 0x09, end - start) != nil else { return false }
        // The columns' bytes: tab, space, digits, "-" and the bytes of "–".
        var last = end - 1
        while last >= start {
            let b = bytes[last]
            guard b == 0x09 || b == 0x20 || isDigit(b) || b == 0x2D || b == 0xE2 || b == 0x80 || b == 0x93 else { break }
            last -= 1
        }
        guard last >= start else { return true }
        return memchr(base + last, 0x09, end - last) != nil
    }

    /// `romanItem` ("IV. Review…") and `letterItem` ("A. Opening…") read by hand, where no
    /// shape before them in `line` can match: none of those starts with capitals then ". "
    /// except a contents row (ruled out by `mayBeContentsRow`) and a place and dates line
    /// (which ends in a year). Nil: ask the grammar.
    static func romanOrLetter(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> LineKind? {
        guard bytes[start] &- 0x41 < 26, !isDigit(bytes[end - 1]) else { return nil }
        var p = start
        while p < end, isRomanDigit(bytes[p]) { p += 1 }
        // roman <- [IVXLC]+ !wordChar, then "." [ \t]+; else upper "." [ \t]+.
        let isRoman = p > start && p + 1 < end && bytes[p] == 0x2E && isBlank(bytes[p + 1])
        if !isRoman {
            p = start + 1
            guard p + 1 < end, bytes[p] == 0x2E, isBlank(bytes[p + 1]) else { return nil }
        }
        guard !mayBeContentsRow(bytes, start: start, end: end) else { return nil }
        let number = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self)
        p += 2
        while p < end, isBlank(bytes[p]) { p += 1 }
        return isRoman ? .roman(number: number, textStart: p) : .letter(number: number, textStart: p)
    }

    private static let uppercaseKeywords: [StaticString] = [
        "Distr", "Original", "United Nations", "Contents", "Notes", "Draft", "Decision", "Annex",
    ]

    private static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    private static func isRomanDigit(_ b: UInt8) -> Bool {
        b == 0x49 || b == 0x56 || b == 0x58 || b == 0x4C || b == 0x43
    }

    private static func startsWith(_ word: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - start >= count else { return false }
        return memcmp(bytes.baseAddress! + start, word.utf8Start, count) == 0
    }

    private static func endsWith(_ word: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - start >= count else { return false }
        return memcmp(bytes.baseAddress! + end - count, word.utf8Start, count) == 0
    }

    /// `word` is lower case; ASCII letters of the line are folded as the grammar's `"…"i` does.
    private static func startsWithoutCase(_ word: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - start >= count else { return false }
        let pattern = word.utf8Start
        for k in 0..<count {
            var c = bytes[start + k]
            if c &- 0x41 < 26 { c |= 0x20 }
            if c != pattern[k] { return false }
        }
        return true
    }

    /// The line types of structure.peg that the classifier reads ("Distribution" is
    /// `.distribution`). A switch over strings costs a failing string compare per case, and
    /// a dictionary hashes the name; `lineType(named:)` keys them by length and first bytes.
    private enum LineType: CaseIterable {
        case distribution, originalLanguage, jobNumber, unitedNations, dateLine, placeAndDates, sessionLine
        case agendaLine, contentsHeading, notesHeading, decisionHeading, annexHeading, footnoteBody
        case contentsRow, romanItem, letterItem, numberedItem, labelledItem
    }

    /// Each type's name and key (`key(of:)`); the name is still compared, so two names that
    /// shared a key would only cost a compare more.
    private static let lineTypeNames: [(key: Int, name: String, type: LineType)] = LineType.allCases.map { type in
        let described = String(describing: type)
        let name = described.prefix(1).uppercased() + described.dropFirst()
        return (key(of: name), name, type)
    }

    /// Length, first and second byte of a type name.
    private static func key(of name: String) -> Int {
        var bytes = name.utf8.makeIterator()
        let first = Int(bytes.next() ?? 0)
        let second = Int(bytes.next() ?? 0)
        return name.utf8.count << 16 | first << 8 | second
    }

    private static func lineType(named name: String) -> LineType? {
        let key = key(of: name)
        for entry in lineTypeNames where entry.key == key && entry.name == name { return entry.type }
        return nil
    }

    /// Matches `line` on `view[start..<end]`; `source` maps a view offset to a source offset.
    private func kind(of view: UnsafeBufferPointer<UInt8>, start: Int, end: Int, source: (Int) -> Int) -> LineKind {
        guard let match = grammars.structure.match(grammars.line, in: view, at: start, end: end),
              let node = match.root ?? match.nodes.first, let type = node.type
        else { return .plain }
        func text(_ label: String) -> String? {
            node.firstDescendant(label: label).map { $0.text(in: view) }
        }
        func offset(_ label: String) -> Int {
            source(node.firstDescendant(label: label)?.range.lowerBound ?? start)
        }
        switch Self.lineType(named: type) {
        case .distribution: return .distribution(text("value") ?? "")
        case .originalLanguage: return .originalLanguage(text("value") ?? "")
        case .jobNumber: return .jobNumber(text("number"))
        case .unitedNations: return .unitedNations
        case .dateLine:
            return .date(iso: DateText.iso(day: text("day"), month: text("month"), year: text("year")) ?? "")
        case .placeAndDates:
            let days = (text("days") ?? "").split(whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
            let month = text("month")
            let year = text("year")
            return .placeAndDates(
                place: text("place") ?? "", dates: text("dates") ?? "",
                start: DateText.iso(day: days.first, month: month, year: year),
                end: DateText.iso(day: days.last, month: month, year: year))
        case .sessionLine: return .session(match.text(in: view))
        case .agendaLine:
            return .agenda(number: text("number") ?? "", title: text("title"),
                           provisional: node.firstDescendant(label: "provisional") != nil)
        case .contentsHeading: return .contentsHeading
        case .notesHeading: return .notesHeading
        case .decisionHeading: return .decisionHeading(number: text("number") ?? "", title: text("title"), draft: text("draft"))
        case .annexHeading: return .annexHeading(number: text("number"), title: text("title"))
        case .footnoteBody:
            let marker = text("marker") ?? ""
            let first = marker.utf8.first ?? 0
            let notation: LineKind.NotationKind = view[start] == 0x3C ? .html : first == 0x2A ? .star : .unicode
            return .footnoteBody(marker: notation == .unicode ? DateText.plainDigits(marker) : marker,
                                 notation: notation, textStart: offset("text"))
        case .contentsRow:
            // The title without the spaces and dots before its leaders, trimmed in the view
            // rather than as a string.
            var title = node.firstDescendant(label: "title")?.range ?? start..<start
            while let last = title.last, view[last] == 0x20 || view[last] == 0x09 || view[last] == 0x2E { title.removeLast() }
            while let first = title.first, view[first] == 0x20 || view[first] == 0x09 || view[first] == 0x2E { title.removeFirst() }
            return .contentsRow(label: text("label"), title: String(decoding: UnsafeBufferPointer(rebasing: view[title]), as: UTF8.self),
                                paragraphs: text("paragraphs"), page: text("page"))
        case .romanItem: return .roman(number: text("number") ?? "", textStart: offset("text"))
        case .letterItem: return .letter(number: text("number") ?? "", textStart: offset("text"))
        case .numberedItem: return .numbered(number: text("number") ?? "", textStart: offset("text"))
        case .labelledItem: return .labelled(label: text("label") ?? "", textStart: offset("text"))
        default: return .plain
        }
    }

    private func isRule(_ bytes: UnsafeBufferPointer<UInt8>, from lineStart: Int, to end: Int) -> Bool {
        guard end - lineStart >= 3 else { return false }
        for p in lineStart..<end where bytes[p] != 0x2D && bytes[p] != 0x5F && bytes[p] != 0x2A {
            return false
        }
        return true
    }

    private func starts(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Bool {
        guard p + pattern.count <= end else { return false }
        for k in 0..<pattern.count where bytes[p + k] != pattern[k] { return false }
        return true
    }
}

/// Dates as UN documents print them ("22 December 2006") turned into ISO 8601.
enum DateText {
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    static func iso(day: String?, month: String?, year: String?) -> String? {
        guard let day, let dayValue = Int(day), (1...31).contains(dayValue), let month,
              let monthIndex = months.firstIndex(of: month.lowercased()), let year, let yearValue = Int(year)
        else { return nil }
        // By hand: String(format:) costs more than the rest of the line's classification.
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(yearValue, 4) + "-" + padded(monthIndex + 1, 2) + "-" + padded(dayValue, 2)
    }

    /// "²⁴" as "24".
    static func plainDigits(_ superscripts: String) -> String {
        var out = ""
        for scalar in superscripts.unicodeScalars {
            switch scalar {
            case "⁰": out += "0"
            case "¹": out += "1"
            case "²": out += "2"
            case "³": out += "3"
            case "⁴": out += "4"
            case "⁵": out += "5"
            case "⁶": out += "6"
            case "⁷": out += "7"
            case "⁸": out += "8"
            case "⁹": out += "9"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
