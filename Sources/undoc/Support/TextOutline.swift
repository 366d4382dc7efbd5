import UNDocModel

/// The readable outline `undoc parse --format text` prints: metadata, the section tree
/// with paragraph ranges and decisions, footnotes, references and diagnostics.
enum TextOutline {
    static func render(_ document: Document) -> String {
        var out: [String] = []
        let metadata = document.metadata
        out.append("\(document.source.file)  \(document.symbol ?? "(symbol not printed)")")
        // Values the library catalogue filled (--catalog) are marked, so they are not taken for the text's.
        let filled = Set(document.catalog?.filled ?? [])
        func marked(_ value: String?, _ field: String) -> String? {
            value.map { filled.contains(field) ? "\($0) (catalogue)" : $0 }
        }
        let facts: [(String, String?)] = [
            ("organ", metadata.organ), ("body", metadata.body), ("session", metadata.session),
            ("place", [metadata.place, metadata.dates].compactMap { $0 }.joined(separator: ", ").nilIfEmpty),
            ("distribution", metadata.distribution), ("issued", marked(metadata.issueDate, "issueDate")),
            ("original", metadata.originalLanguage), ("title", marked(metadata.title, "title")),
            ("agenda item", marked(metadata.agendaItem.map { "\($0.number)\($0.title.map { ": \($0)" } ?? "")" }, "agendaItem")),
            ("job number", metadata.jobNumber),
        ]
        for (name, value) in facts {
            if let value { out.append("  \(name): \(value)") }
        }
        if let record = document.catalog?.record {
            var line = "  catalogue: \(record.id.map { "record \($0)" } ?? "record") (\(record.source.file):\(record.source.line))"
            if !record.subjects.isEmpty { line += "; subjects: \(record.subjects.joined(separator: ", "))" }
            if !record.related.isEmpty { line += "; related: \(record.related.map(\.symbol).joined(separator: ", "))" }
            out.append(line)
        }
        if !document.contents.isEmpty { out.append("  contents: \(document.contents.count) entries") }
        out.append("")
        let paragraphsByID = Dictionary(document.paragraphs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let decisionsByID = Dictionary(document.decisions.map { ($0.element, $0) }, uniquingKeysWith: { first, _ in first })
        for top in document.sections { appendSection(top, depth: 0, &out, paragraphsByID, decisionsByID) }
        for annex in document.annexes {
            var line = "Annex \(annex.number ?? "")\(annex.title.map { ". \($0)" } ?? "")"
            if !annex.documents.isEmpty { line += " — \(annex.documents.count) documents listed" }
            if !annex.agenda.isEmpty { line += " — agenda of \(annex.agenda.count) items" }
            out.append(line)
        }
        out.append("")
        let numbers = document.paragraphs.map(\.number)
        out.append("paragraphs: \(numbers.count)\(numbers.isEmpty ? "" : " (\(numbers.first!)-\(numbers.last!))")")
        out.append("decisions: \(document.decisions.map(\.id).joined(separator: ", "))")
        out.append("recommendations: \(document.recommendations.count)\(document.recommendations.isEmpty ? "" : " (\(document.recommendations.map(\.id).joined(separator: ", ")))")")
        let linked = document.footnotes.filter { !$0.anchors.isEmpty }.count
        out.append("footnotes: \(document.footnotes.count), \(linked) linked to their markers")
        var kinds: [String: Int] = [:]
        for reference in document.references { kinds[reference.kind.rawValue, default: 0] += 1 }
        let unresolved = document.references.filter { $0.status == .unresolved }.count
        out.append("references: \(document.references.count) (\(kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))), \(unresolved) unresolved")
        for reference in document.references {
            let relation = reference.relation.map { "\($0) " } ?? ""
            let resolved = reference.target.element.map { " = \($0)" } ?? ""
            out.append("  [\(reference.from)] \(relation)→ \(reference.target.key)\(resolved)  (\(reference.status.rawValue))")
        }
        if !document.diagnostics.isEmpty {
            out.append("diagnostics: \(document.diagnostics.count)")
            for diagnostic in document.diagnostics {
                let line = diagnostic.span.map { "line \($0.line): " } ?? ""
                out.append("  \(diagnostic.severity.rawValue): \(line)\(diagnostic.message) [\(diagnostic.code)]")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func appendSection(_ section: Section, depth: Int, _ out: inout [String],
                                      _ paragraphs: [String: Paragraph], _ decisions: [String: Decision]) {
        let indent = String(repeating: "  ", count: depth)
        let numbers = section.content.compactMap { paragraphs[$0]?.number }
        let range = numbers.isEmpty ? "" : numbers.count == 1 ? "  ¶ \(numbers[0])" : "  ¶ \(numbers.first!)-\(numbers.last!)"
        out.append("\(indent)\(section.number.map { "\($0). " } ?? "")\(section.heading)\(range)")
        for id in section.content {
            guard let decision = decisions[id] else { continue }
            var line = "\(indent)  \(decision.heading)"
            if let title = decision.title { line += ". \(title)" }
            line += " — \(decision.clauses.count) clauses"
            let sub = decision.clauses.reduce(0) { $0 + $1.children.count }
            if sub > 0 { line += ", \(sub) sub-clauses" }
            if !decision.paragraphs.isEmpty { line += ", \(decision.paragraphs.count) paragraphs" }
            out.append(line)
        }
        for child in section.children { appendSection(child, depth: depth + 1, &out, paragraphs, decisions) }
    }

}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
