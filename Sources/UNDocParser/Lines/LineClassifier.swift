import Foundation
import UNDocGrammar
import UNDocIngest

/// Reads each line's shape with the structure grammar (`line` in structure.peg).
struct LineClassifier {
    let grammars: ParserGrammars

    private static let viewTags: [[UInt8]] = ["<i>", "</i>", "<b>", "</b>", "<u>", "</u>"].map { Array($0.utf8) }

    func classify(_ lines: inout [Line], source: SourceText) {
        var view: [UInt8] = []
        var map: [Int] = []
        source.bytes.withUnsafeBufferPointer { bytes in
            for index in lines.indices {
                let line = lines[index]
                if line.contentStart >= line.contentEnd {
                    lines[index].kind = .blank
                    continue
                }
                if isRule(bytes, line) {
                    lines[index].kind = .rule
                    continue
                }
                // Most lines carry no tags: the grammar then reads the source in place.
                if memchr(bytes.baseAddress! + line.contentStart, 0x3C, line.contentEnd - line.contentStart) == nil {
                    lines[index].kind = kind(of: bytes, start: line.contentStart, end: line.contentEnd) { $0 }
                    continue
                }
                // Otherwise it sees the content without inline presentation tags; `map`
                // takes each view offset back to the source.
                view.removeAll(keepingCapacity: true)
                map.removeAll(keepingCapacity: true)
                var p = line.contentStart
                while p < line.contentEnd {
                    if bytes[p] == 0x3C, let tag = Self.viewTags.first(where: { starts($0, bytes, p, line.contentEnd) }) {
                        p += tag.count
                        continue
                    }
                    view.append(bytes[p])
                    map.append(p)
                    p += 1
                }
                map.append(line.contentEnd)
                lines[index].kind = view.withUnsafeBufferPointer { viewBytes in
                    kind(of: viewBytes, start: 0, end: viewBytes.count) { map[$0] }
                }
            }
        }
    }

    /// The line types of structure.peg that the classifier reads ("Distribution" is
    /// `.distribution`). Looked up in a dictionary: a switch over strings costs a failing
    /// string compare per case, more than matching the line.
    private enum LineType: CaseIterable {
        case distribution, originalLanguage, jobNumber, unitedNations, dateLine, placeAndDates, sessionLine
        case agendaLine, contentsHeading, notesHeading, decisionHeading, annexHeading, footnoteBody
        case contentsRow, romanItem, letterItem, numberedItem, labelledItem
    }

    private static let lineTypes = Dictionary(uniqueKeysWithValues: LineType.allCases.map { type in
        let name = String(describing: type)
        return (name.prefix(1).uppercased() + name.dropFirst(), type)
    })

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
        switch Self.lineTypes[type] {
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
            return .contentsRow(label: text("label"), title: (text("title") ?? "").trimmingCharacters(in: " \t."),
                                paragraphs: text("paragraphs"), page: text("page"))
        case .romanItem: return .roman(number: text("number") ?? "", textStart: offset("text"))
        case .letterItem: return .letter(number: text("number") ?? "", textStart: offset("text"))
        case .numberedItem: return .numbered(number: text("number") ?? "", textStart: offset("text"))
        case .labelledItem: return .labelled(label: text("label") ?? "", textStart: offset("text"))
        default: return .plain
        }
    }

    private func isRule(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        guard line.contentEnd - line.start >= 3 else { return false }
        for p in line.start..<line.contentEnd where bytes[p] != 0x2D && bytes[p] != 0x5F && bytes[p] != 0x2A {
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
