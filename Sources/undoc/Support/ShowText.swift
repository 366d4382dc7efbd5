import UNDocIndex

/// The readable form of `undoc show`.
enum ShowText {
    static func render(_ result: ShowResult) -> String {
        var out: [String] = []
        // Edges into these need not say what they point at.
        let shown = Set(result.nodes.map(\.id) + [result.document?.node].compactMap { $0 })
        if let document = result.document {
            out.append("\(document.symbol ?? "(no symbol)")  \(document.file)")
            let facts: [(String, String?)] = [
                ("title", document.title), ("body", document.body.map { b in document.bodyPrefix.map { "\(b) (\($0))" } ?? b }),
                ("session", document.session),
                ("place", [document.place, document.dates].compactMap { $0 }.joined(separator: ", ").nilIfEmpty),
                ("issued", document.issueDate), ("distribution", document.distribution),
                ("agenda item", document.agendaItem.map { item in document.agendaTitle.map { "\(item): \($0)" } ?? item }),
                ("format", document.format), ("node", document.node),
            ]
            for (name, value) in facts {
                if let value { out.append("  \(name): \(value)") }
            }
        }
        if let counts = result.counts {
            out.append("  contains: \(counts.paragraphs) paragraphs, \(counts.decisions) decisions, \(counts.recommendations) recommendations, "
                       + "\(counts.footnotes) footnotes, \(counts.listings) listed documents; \(counts.elements) elements, "
                       + "\(counts.references) references")
        }
        if let element = result.element {
            var heading = "\(element.element)  \(element.kind)"
            if let label = element.label { heading += " \(label)" }
            if let title = element.title { heading += ": \(title)" }
            heading += "  (lines \(element.line)-\(element.endLine)\(element.children > 0 ? ", \(element.children) elements inside" : ""))"
            out.append(heading)
            // A decision's text starts with its title, already in the heading.
            var text = element.text
            if let title = element.title, text.hasPrefix(title + "\n") { text = String(text.dropFirst(title.count + 1)) }
            out.append("  " + text.replacingOccurrences(of: "\n", with: "\n  "))
        }
        for node in result.nodes {
            var line = "node \(node.id): \(node.label)"
            if node.external { line += "  (outside the index)" }
            if node.unresolved { line += "  (unresolved\(node.note.map { ": \($0)" } ?? ""))" }
            out.append(line)
        }
        if !result.decisions.isEmpty {
            out.append("")
            out.append("decisions:")
            for decision in result.decisions {
                out.append("  \(decision.number)  [\(decision.element)]  \(decision.title ?? "")  (line \(decision.line))")
            }
        }
        if !result.listedIn.isEmpty {
            out.append("")
            out.append("listed in:")
            for listing in result.listedIn {
                out.append("  \(listing.symbol ?? listing.file) \(listing.element) (line \(listing.line)): \(listing.printed) — \(listing.title)")
            }
        }
        if !result.referencesOut.isEmpty {
            out.append("")
            out.append("references out: \(result.referencesOut.count)")
            for reference in result.referencesOut {
                var line = "  [\(reference.from)] \(reference.relation.map { "\($0) " } ?? "")→ \(reference.target)"
                if let element = reference.element { line += " = \(element)" }
                line += "  (\(reference.status)\(reference.inIndex ? ", in the index" : ""))"
                out.append(line)
            }
        }
        if !result.linksOut.isEmpty {
            out.append("")
            out.append("links out: \(result.linksOut.count)")
            for link in result.linksOut { out.append(contentsOf: lines(link, showing: .target, shown: shown)) }
        }
        out.append("")
        out.append("references in: \(result.referencesIn.count)")
        for link in result.referencesIn { out.append(contentsOf: lines(link, showing: .source, shown: shown)) }
        return out.joined(separator: "\n") + "\n"
    }

    enum End { case source, target }

    /// `← adoptedAs  CTOC/COP/2006/L.4  (to decision:CTOC/COP:3/2)` with its evidence below.
    static func lines(_ link: GraphLink, showing end: End, shown: Set<String>) -> [String] {
        let other = end == .source ? (link.source, link.sourceLabel) : (link.target, link.targetLabel)
        var head = "  \(end == .source ? "←" : "→") \(link.relation)  \(name(other.0, other.1))"
        if end == .source, !shown.contains(link.target) { head += "  (to \(name(link.target, link.targetLabel)))" }
        let place = "\(link.symbol ?? link.file), \(link.element), line \(link.line)"
        return [head, "      “\(link.text)” — \(place)"]
    }

    /// A document node by its symbol, another node by its label and id.
    static func name(_ id: String, _ label: String?) -> String {
        if id.hasPrefix("doc:"), !id.contains("#") { return String(id.dropFirst(4)) }
        guard let label, label != id else { return id }
        return "\(label)  [\(id)]"
    }
}
