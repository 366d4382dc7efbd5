import Foundation

/// Renders a session catalogue as Markdown (CommonMark with GitHub tables).
public enum MarkdownCatalogue {
    public static func render(_ catalogue: SessionCatalogue) -> String {
        var out: [String] = []
        out.append("# \(escape(CatalogueText.heading(catalogue)))")
        out.append("")
        for meeting in catalogue.meetings { out.append(escape(meeting) + "  ") }
        out.append("Selected: \(escape(CatalogueText.selection(catalogue)))")
        out.append("")

        out.append("## Documents")
        out.append("")
        out.append("| Symbol | Title | Date |")
        out.append("|---|---|---|")
        for document in catalogue.documents {
            out.append("| \(cell(document.symbol ?? document.file)) | \(cell(document.title ?? "")) | \(cell(document.issueDate ?? "")) |")
        }
        out.append("")

        out.append("## Documents before the session")
        out.append("")
        if catalogue.documentsBefore.isEmpty { out.append("No list of documents is printed in these documents.\n") }
        for list in catalogue.documentsBefore {
            out.append("Listed in \(escape(CatalogueText.place(list.symbol, list.file, list.annex)))\(list.title.map { ": \(escape($0))" } ?? ""). "
                       + "✓ marks documents in the index.")
            out.append("")
            out.append("| Symbol | Title | In the index |")
            out.append("|---|---|---|")
            for entry in list.entries {
                out.append("| \(cell(entry.printed)) | \(cell(entry.title)) | \(cell(CatalogueText.indexed(entry))) |")
            }
            out.append("")
        }

        out.append("## Agenda")
        out.append("")
        if catalogue.agendas.isEmpty && catalogue.agendaDocuments.isEmpty { out.append("No agenda is printed in these documents.\n") }
        for agenda in catalogue.agendas {
            out.append("### \(escape(agenda.heading))")
            out.append("")
            out.append("From \(escape(CatalogueText.place(agenda.symbol, agenda.file, agenda.element))).")
            out.append("")
            for item in agenda.items {
                let indent = String(repeating: "    ", count: item.depth)
                // "1." after "- " would open an ordered list: escape its dot.
                let label = item.label.map { escape($0).replacingOccurrences(of: ".", with: "\\.") + " " } ?? ""
                out.append("\(indent)- \(label)\(escape(item.text))")
            }
            out.append("")
        }
        if !catalogue.agendaDocuments.isEmpty {
            out.append("### Documents by agenda item")
            out.append("")
            for item in catalogue.agendaDocuments {
                out.append("- Item \(escape(item.item))\(item.title.map { ": \(escape($0))" } ?? "") — \(item.documents.map(escape).joined(separator: ", "))")
            }
            out.append("")
        }

        out.append("## Decisions adopted")
        out.append("")
        if catalogue.decisions.isEmpty { out.append("No decisions are printed in these documents.\n") }
        for decision in catalogue.decisions {
            out.append("### Decision \(escape(decision.number))\(decision.title.map { ". \(escape($0))" } ?? "")")
            out.append("")
            out.append("- Printed in \(escape(CatalogueText.place(decision.publishedIn)))")
            if decision.drafts.isEmpty { out.append("- Draft: not recorded in the indexed documents") }
            for draft in decision.drafts {
                var line = "- Adopted from **\(escape(draft.symbol))**"
                if let title = draft.title { line += " — \(escape(title))" }
                if !draft.revises.isEmpty { line += " (revises \(draft.revises.map(escape).joined(separator: ", ")))" }
                line += "; recorded in \(draft.recordedIn.map { escape(CatalogueText.place($0)) }.joined(separator: " and "))"
                out.append(line)
            }
            out.append("")
        }

        out.append("## Where each document is cited")
        out.append("")
        if catalogue.citations.isEmpty { out.append("No indexed document cites these documents.\n") }
        for cited in catalogue.citations {
            out.append("### \(escape(cited.symbol))\(cited.title.map { " — \(escape($0))" } ?? "")")
            out.append("")
            for citation in cited.citedBy {
                var line = "- \(escape(CatalogueText.place(citation.place))): \(citation.relation)"
                if citation.target != cited.symbol { line += " \(escape(citation.target))" }
                if let text = citation.place.text { line += " — “\(escape(text))”" }
                out.append(line)
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// Escapes what Markdown would read as markup.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~":
                out.append("\\")
                out.append(character)
            case "\n", "\r":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }

    static func cell(_ text: String) -> String { escape(text) }
}
