import Foundation
import UNDocModel

/// One data field of a MARC record as read: its tag, first indicator and subfields in order.
struct MARCDataField: Sendable {
    var tag: String
    var indicator1: String
    var subfields: [(code: String, value: String)] = []

    func first(_ code: String) -> String? {
        subfields.first { $0.code == code }.map(\.value)
    }

    func all(_ code: String) -> [String] {
        subfields.filter { $0.code == code }.map(\.value)
    }
}

/// Turns the fields of one record into a `CatalogRecord`, following UNDL's use of MARC
/// (see `CatalogRecord`). Missing fields stay nil or empty; nothing here fails.
enum MARCRecordMapper {
    /// The data fields a catalogue record is made of; the reader drops the others at once.
    static let usedTags: Set<String> = ["089", "191", "245", "246", "269", "650", "710", "856", "989", "991", "992", "993"]

    static func record(id: String?, fields: [MARCDataField], source: CatalogEvidence) -> (CatalogRecord, [CatalogDiagnostic]) {
        var record = CatalogRecord(source: source)
        var diagnostics: [CatalogDiagnostic] = []
        record.id = id.flatMap(clean)
        var seenSymbols = Set<String>()
        func addSymbol(_ raw: String) {
            guard let symbol = CatalogSymbol.clean(raw), seenSymbols.insert(CatalogSymbol.key(symbol)).inserted else { return }
            if record.symbol == nil { record.symbol = symbol } else { record.otherSymbols.append(symbol) }
        }
        var alternatives: [String] = []
        var seenSubjects = Set<String>()

        for field in fields {
            switch field.tag {
            case "191":
                field.all("a").forEach(addSymbol)
                alternatives += field.all("z")
                if record.bodyPrefix == nil, let series = field.first("b").flatMap(CatalogSymbol.clean) {
                    let prefix = series.hasSuffix("/") ? String(series.dropLast()) : series
                    if !prefix.isEmpty { record.bodyPrefix = prefix }
                }
                if record.session == nil { record.session = field.first("c").flatMap(clean) }
            case "245":
                if record.title == nil { record.title = title(of: field) }
            case "246":
                if let variant = field.first("a").flatMap(withoutISBDPunctuation) { record.variantTitles.append(variant) }
            case "269":
                guard record.date == nil, record.dateText == nil, let text = field.first("a").flatMap(clean) else { continue }
                if let date = isoDate(text) {
                    record.date = date
                } else {
                    record.dateText = text
                    diagnostics.append(CatalogDiagnostic(
                        .warning, code: "marc.date",
                        message: "record \(source.record)\(record.symbol.map { " (\($0))" } ?? ""): the date \"\(text)\" (269) is not a full date (YYYY-MM-DD or YYYYMMDD); kept as text",
                        file: source.file, line: source.line, symbol: record.symbol))
                }
            case "992":
                if record.actionDate == nil { record.actionDate = field.first("a").flatMap(clean).flatMap(isoDate) }
            case "991":
                if let item = agendaItem(field) { record.agenda.append(item) }
            case "650":
                for term in field.all("a").compactMap(withoutISBDPunctuation) where seenSubjects.insert(term).inserted {
                    record.subjects.append(term)
                }
            case "993":
                for symbol in field.all("a").compactMap(CatalogSymbol.clean) {
                    let indicator = field.indicator1.trimmingCharacters(in: .whitespaces)
                    record.related.append(CatalogRelatedDocument(
                        symbol: symbol, relation: field.first("2").flatMap(clean), indicator: indicator.isEmpty ? nil : indicator))
                }
            case "710":
                // "UN." + "Secretary-General." → "UN. Secretary-General".
                let parts = (field.all("a") + field.all("b")).compactMap(withoutISBDPunctuation)
                if let first = parts.first {
                    record.authors.append(parts.dropFirst().reduce(first) { $0 + ($0.hasSuffix(".") ? " " : ". ") + $1 })
                }
            case "989":
                if let type = (field.first("c") ?? field.first("b") ?? field.first("a")).flatMap(withoutISBDPunctuation) {
                    record.documentType = type
                }
            case "089":
                if record.documentType == nil {
                    record.documentType = (field.first("a") ?? field.first("b")).flatMap(withoutISBDPunctuation)
                }
            case "856":
                record.links += field.all("u").compactMap(clean)
            default:
                continue
            }
        }
        alternatives.forEach(addSymbol)
        return (record, diagnostics)
    }

    /// 245 $a, then $b after ": ", then part number and name ($n, $p) after ", ", each
    /// without the ISBD punctuation that ends it: "Draft report :" + "addendum" →
    /// "Draft report: addendum".
    static func title(of field: MARCDataField) -> String? {
        var title: String?
        for (code, value) in field.subfields {
            guard let part = withoutISBDPunctuation(value) else { continue }
            switch code {
            case "a": title = title.map { "\($0) \(part)" } ?? part
            case "b": title = title.map { "\($0): \(part)" } ?? part
            case "n", "p": title = title.map { "\($0), \(part)" } ?? part
            default: continue
            }
        }
        return title
    }

    /// One 991 field. Current UNDL records give $a agenda symbol, $b item, $c sub-item and
    /// $d title; older UNBIS records give the title in $c and a subject heading in $d. A $c
    /// of up to three letters or digits is a sub-item.
    static func agendaItem(_ field: MARCDataField) -> CatalogAgendaItem? {
        var item = CatalogAgendaItem(symbol: field.first("a").flatMap(CatalogSymbol.clean), item: field.first("b").flatMap(clean))
        if let third = field.first("c").flatMap(clean) {
            let bare = third.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            if bare.count <= 3, !bare.isEmpty, bare.allSatisfy({ $0.isLetter || $0.isNumber }) {
                item.subitem = bare
            } else {
                item.title = withoutISBDPunctuation(third)
            }
        }
        if let fourth = field.first("d").flatMap(withoutISBDPunctuation) {
            if item.title == nil { item.title = fourth } else { item.subject = fourth }
        }
        guard item.symbol != nil || item.item != nil || item.title != nil else { return nil }
        return item
    }

    // MARK: - Values

    /// Trimmed, runs of white space made one space; nil when empty. Works on the UTF-8
    /// bytes (ASCII white space only): it runs for every subfield of exports of hundreds of
    /// thousands of records.
    static func clean(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(byte)
            }
            return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
        }
    }

    /// A value without the punctuation cataloguers end it with before the next subfield
    /// (" :", " /", " ;", " =", ",") and without a final full stop after a word: "Draft
    /// report :" → "Draft report", "Economic, social and cultural rights." → "…rights".
    /// A full stop after a capital is an abbreviation and stays ("U.N.", "No.").
    static func withoutISBDPunctuation(_ text: String) -> String? {
        guard var value = clean(text) else { return nil }
        while let last = value.last, last == ":" || last == "/" || last == ";" || last == "=" || last == "," {
            value.removeLast()
            while value.last == " " { value.removeLast() }
        }
        if value.hasSuffix("."), value.count > 1 {
            let before = value[value.index(value.endIndex, offsetBy: -2)]
            if before.isLowercase || before.isNumber || before == ")" { value.removeLast() }
        }
        return value.isEmpty ? nil : value
    }

    /// "2010-01-28", "20100128" or "2010-01-28T00:00:00Z" as an ISO date; nil for anything
    /// else, including impossible dates and partial ones ("2005", "2005-03").
    static func isoDate(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let parts: (Int, Int, Int)?
        if bytes.count == 8 {
            parts = number(0..<4).flatMap { year in number(4..<6).flatMap { month in number(6..<8).map { (year, month, $0) } } }
        } else if bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
                  bytes.count == 10 || bytes[10] == 0x54 || bytes[10] == 0x20 {
            parts = number(0..<4).flatMap { year in number(5..<7).flatMap { month in number(8..<10).map { (year, month, $0) } } }
        } else {
            parts = nil
        }
        guard let (year, month, day) = parts, year >= 1000, (1...12).contains(month),
              day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
