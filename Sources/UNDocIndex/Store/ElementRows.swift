import UNDocModel

/// The kinds of element an index stores and `undoc search --kind` filters on.
public enum IndexedKind: String, Sendable, CaseIterable, Codable {
    case paragraph
    case clause
    /// A decision's title and preamble; `--kind decision` also finds its clauses and paragraphs.
    case decision
    case recommendation
    case footnote
    /// An annex's title.
    case annex
    /// An item of an agenda: in an annex, or listed in a report paragraph ("adopted the
    /// following agenda").
    case agendaItem
    /// A row of a list of documents.
    case documentListing
    case text
}

/// One element as the index stores it.
struct ElementRow: Sendable {
    var element: String
    var kind: IndexedKind
    /// "decision", "recommendation" or "annex" when the element lies inside one.
    var scope: IndexedKind?
    /// The element id of that decision, recommendation or annex (or of the paragraph that
    /// lists an agenda).
    var container: String?
    var parent: String?
    /// Number or label as printed: "17", "(g)", "3/2", "6(c)", "II", "CTOC/COP/2006/L.1 and Add.1-3".
    var label: String?
    /// A decision's or annex's title, a recommendation's group heading.
    var title: String?
    var text: String
    var span: SourceSpan
}

/// A row of an annex's list of documents.
struct ListingRow: Sendable {
    var element: String
    var annex: String
    var annexTitle: String?
    var printed: String
    var symbols: [String]
    var title: String
    var line: Int
}

/// Flattens a parsed document into the rows the index stores, in document order.
enum ElementRows {
    static func rows(of document: Document) -> [ElementRow] {
        var out: [ElementRow] = []
        let recommendations = Dictionary(document.recommendations.map { ($0.element, $0) }, uniquingKeysWith: { first, _ in first })

        func clauses(_ items: [Clause], parent: String, kind: IndexedKind, scope: IndexedKind?, container: String?) {
            for item in items {
                // Lettered items of a recommendation are recommendations as cited: "2(c)".
                let recommendation = recommendations[item.id]
                out.append(ElementRow(element: item.id, kind: recommendation == nil ? kind : .recommendation, scope: scope,
                                      container: container, parent: parent, label: recommendation?.id ?? label(item),
                                      title: recommendation?.group?.heading, text: item.text, span: item.span))
                clauses(item.children, parent: item.id, kind: kind, scope: scope, container: container)
            }
        }
        func paragraph(_ paragraph: Paragraph, scope: IndexedKind?, container: String?) {
            let recommendation = recommendations[paragraph.id]
            out.append(ElementRow(element: paragraph.id, kind: recommendation == nil ? .paragraph : .recommendation,
                                  scope: scope, container: container, parent: container, label: recommendation?.id ?? paragraph.number,
                                  title: recommendation?.group?.heading, text: paragraph.text, span: paragraph.span))
            // "adopted the following agenda:" followed by a numbered list: an agenda.
            let isAgenda = paragraph.children.first?.style == .number && paragraph.text.localizedCaseInsensitiveContains("agenda")
            clauses(paragraph.children, parent: paragraph.id, kind: isAgenda ? .agendaItem : .clause,
                    scope: scope, container: isAgenda && container == nil ? paragraph.id : container)
        }

        for item in document.paragraphs { paragraph(item, scope: nil, container: nil) }
        for decision in document.decisions {
            let text = [decision.title, decision.preamble].compactMap { $0 }.joined(separator: "\n")
            // A draft numbered as the decision it proposes is labelled as a draft ("draft
            // decision 3/1"), so that it is never taken for the adopted decision.
            let label = decision.kind.map { decision.id.hasPrefix("draft") ? decision.id : "\($0) \(decision.id)" } ?? decision.id
            out.append(ElementRow(element: decision.element, kind: .decision, label: label, title: decision.title,
                                  text: text, span: decision.span))
            clauses(decision.clauses, parent: decision.element, kind: .clause, scope: .decision, container: decision.element)
            for item in decision.paragraphs { paragraph(item, scope: .decision, container: decision.element) }
        }
        for note in document.footnotes {
            out.append(ElementRow(element: note.id, kind: .footnote, label: note.marker, text: note.text, span: note.span))
        }
        for annex in document.annexes {
            out.append(ElementRow(element: annex.id, kind: .annex, label: annex.number, title: annex.title,
                                  text: annex.title ?? "Annex \(annex.number ?? "")", span: annex.span))
            for row in annex.documents {
                out.append(ElementRow(element: row.id, kind: .documentListing, scope: .annex, container: annex.id, parent: annex.id,
                                      label: row.symbol, title: row.title, text: row.symbol + " " + row.title, span: row.span))
            }
            clauses(annex.agenda, parent: annex.id, kind: .agendaItem, scope: .annex, container: annex.id)
            for item in annex.paragraphs { paragraph(item, scope: .annex, container: annex.id) }
        }
        let seen = Set(out.map(\.element))
        for recommendation in document.recommendations where !seen.contains(recommendation.element) {
            out.append(ElementRow(element: recommendation.element, kind: .recommendation, label: recommendation.id,
                                  title: recommendation.group?.heading, text: recommendation.text, span: recommendation.span))
        }
        for block in document.texts {
            let annex = block.section.flatMap { $0.hasPrefix("annex-") ? $0 : nil }
            out.append(ElementRow(element: block.id, kind: .text, scope: annex == nil ? nil : .annex, container: annex,
                                  parent: block.section, text: block.text, span: block.span))
        }
        // Document order; the sort is stable, so a container stays before its first item.
        return out.enumerated().sorted { ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset) }.map(\.element)
    }

    static func listings(of document: Document) -> [ListingRow] {
        document.annexes.flatMap { annex in
            annex.documents.map { row in
                ListingRow(element: row.id, annex: annex.id, annexTitle: annex.title, printed: row.symbol,
                           symbols: row.symbols.isEmpty ? [row.symbol] : row.symbols, title: row.title, line: row.span.line)
            }
        }
    }

    static func label(_ clause: Clause) -> String {
        clause.style == .number ? "\(clause.label)." : "(\(clause.label))"
    }
}
