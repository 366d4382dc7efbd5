/// Renders a session catalogue as one self-contained HTML page (styles inline, no scripts,
/// no external resources), every text escaped.
public enum HTMLCatalogue {
    public static func render(_ catalogue: SessionCatalogue) -> String {
        var out: [String] = []
        let heading = CatalogueText.heading(catalogue)
        out.append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(heading))</title>
            <style>
            body { font-family: Georgia, serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #999; margin-top: 2rem; }
            h3 { font-size: 1.05rem; } table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: 0.2rem 0.5rem; border-bottom: 1px solid #ddd; }
            .symbol { font-family: Menlo, Consolas, monospace; white-space: nowrap; }
            .muted { color: #666; } q { font-style: italic; } ul.agenda { list-style: none; padding-left: 0; }
            ul.agenda ul { list-style: none; }
            </style>
            </head>
            <body>
            <h1>\(escape(heading))</h1>
            """)
        for meeting in catalogue.meetings { out.append("<p>\(escape(meeting))</p>") }
        out.append("<p class=\"muted\">Selected: \(escape(CatalogueText.selection(catalogue)))</p>")

        out.append("<h2 id=\"documents\">Documents</h2>")
        out.append("<table><thead><tr><th>Symbol</th><th>Title</th><th>Date</th></tr></thead><tbody>")
        for document in catalogue.documents {
            out.append("<tr><td class=\"symbol\">\(escape(document.symbol ?? document.file))</td><td>\(escape(document.title ?? ""))</td><td>\(escape(document.issueDate ?? ""))</td></tr>")
        }
        out.append("</tbody></table>")

        out.append("<h2 id=\"before\">Documents before the session</h2>")
        if catalogue.documentsBefore.isEmpty { out.append("<p class=\"muted\">No list of documents is printed in these documents.</p>") }
        for list in catalogue.documentsBefore {
            out.append("<p>Listed in \(escape(CatalogueText.place(list.symbol, list.file, list.annex)))\(list.title.map { ": \(escape($0))" } ?? ""). ✓ marks documents in the index.</p>")
            out.append("<table><thead><tr><th>Symbol</th><th>Title</th><th>In the index</th></tr></thead><tbody>")
            for entry in list.entries {
                out.append("<tr><td class=\"symbol\">\(escape(entry.printed))</td><td>\(escape(entry.title))</td><td>\(escape(CatalogueText.indexed(entry)))</td></tr>")
            }
            out.append("</tbody></table>")
        }

        out.append("<h2 id=\"agenda\">Agenda</h2>")
        if catalogue.agendas.isEmpty && catalogue.agendaDocuments.isEmpty {
            out.append("<p class=\"muted\">No agenda is printed in these documents.</p>")
        }
        for agenda in catalogue.agendas {
            out.append("<h3>\(escape(agenda.heading))</h3>")
            out.append("<p class=\"muted\">From \(escape(CatalogueText.place(agenda.symbol, agenda.file, agenda.element))).</p>")
            out.append(agendaList(agenda.items))
        }
        if !catalogue.agendaDocuments.isEmpty {
            out.append("<h3>Documents by agenda item</h3><ul>")
            for item in catalogue.agendaDocuments {
                out.append("<li>Item \(escape(item.item))\(item.title.map { ": \(escape($0))" } ?? "") — \(item.documents.map { "<span class=\"symbol\">\(escape($0))</span>" }.joined(separator: ", "))</li>")
            }
            out.append("</ul>")
        }

        out.append("<h2 id=\"decisions\">Decisions adopted</h2>")
        if catalogue.decisions.isEmpty { out.append("<p class=\"muted\">No decisions are printed in these documents.</p>") }
        for decision in catalogue.decisions {
            out.append("<h3>Decision \(escape(decision.number))\(decision.title.map { ". \(escape($0))" } ?? "")</h3><ul>")
            out.append("<li>Printed in \(escape(CatalogueText.place(decision.publishedIn)))</li>")
            if decision.drafts.isEmpty { out.append("<li class=\"muted\">Draft: not recorded in the indexed documents</li>") }
            for draft in decision.drafts {
                var line = "<li>Adopted from <strong class=\"symbol\">\(escape(draft.symbol))</strong>"
                if let title = draft.title { line += " — \(escape(title))" }
                if !draft.revises.isEmpty { line += " (revises \(draft.revises.map(escape).joined(separator: ", ")))" }
                line += "; recorded in \(draft.recordedIn.map { escape(CatalogueText.place($0)) }.joined(separator: " and "))</li>"
                out.append(line)
            }
            out.append("</ul>")
        }

        out.append("<h2 id=\"citations\">Where each document is cited</h2>")
        if catalogue.citations.isEmpty { out.append("<p class=\"muted\">No indexed document cites these documents.</p>") }
        for cited in catalogue.citations {
            out.append("<h3><span class=\"symbol\">\(escape(cited.symbol))</span>\(cited.title.map { " — \(escape($0))" } ?? "")</h3><ul>")
            for citation in cited.citedBy {
                var line = "<li>\(escape(CatalogueText.place(citation.place))): \(escape(citation.relation))"
                if citation.target != cited.symbol { line += " \(escape(citation.target))" }
                if let text = citation.place.text { line += " — <q>\(escape(text))</q>" }
                out.append(line + "</li>")
            }
            out.append("</ul>")
        }
        out.append("</body>\n</html>\n")
        return out.joined(separator: "\n")
    }

    /// Agenda items nested by depth.
    static func agendaList(_ items: [AgendaEntry]) -> String {
        var out = "<ul class=\"agenda\">"
        var depth = 0
        var open = false
        for item in items {
            while depth < item.depth {
                out += "<ul>"
                depth += 1
                open = false
            }
            while depth > item.depth {
                out += "</li></ul>"
                depth -= 1
                open = true
            }
            if open { out += "</li>" }
            out += "<li>\(escape(item.label.map { "\($0) " } ?? ""))\(escape(item.text))"
            open = true
        }
        while depth > 0 {
            out += "</li></ul>"
            depth -= 1
        }
        if open { out += "</li>" }
        return out + "</ul>"
    }

    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
