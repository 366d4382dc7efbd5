/// One way to visit every element of a document that carries text, in document order
/// within each family. Recognisers, indexers and printers use it instead of switching
/// over the model's arrays themselves.
public struct TextElement: Sendable, Hashable {
    public var id: String
    public var kind: ElementKind
    public var text: String
    public var span: SourceSpan
}

extension Document {
    /// Every text-bearing element: paragraphs and their items, decisions (preamble,
    /// clauses, carried paragraphs), footnotes, annex rows and agenda, text blocks.
    public func textElements() -> [TextElement] {
        var out: [TextElement] = []
        func clauses(_ items: [Clause]) {
            for item in items {
                out.append(TextElement(id: item.id, kind: .clause, text: item.text, span: item.span))
                clauses(item.children)
            }
        }
        func paragraph(_ p: Paragraph) {
            out.append(TextElement(id: p.id, kind: .paragraph, text: p.text, span: p.span))
            clauses(p.children)
        }
        paragraphs.forEach(paragraph)
        for decision in decisions {
            if let preamble = decision.preamble {
                out.append(TextElement(id: decision.element, kind: .decision, text: preamble, span: decision.span))
            }
            clauses(decision.clauses)
            decision.paragraphs.forEach(paragraph)
        }
        for note in footnotes {
            out.append(TextElement(id: note.id, kind: .footnote, text: note.text, span: note.span))
        }
        for annex in annexes {
            for row in annex.documents {
                out.append(TextElement(id: row.id, kind: .documentListing, text: row.symbol + " " + row.title, span: row.span))
            }
            clauses(annex.agenda)
            annex.paragraphs.forEach(paragraph)
        }
        let seen = Set(out.map(\.id))
        for recommendation in recommendations where !seen.contains(recommendation.element) {
            out.append(TextElement(
                id: recommendation.element, kind: .recommendation, text: recommendation.text, span: recommendation.span))
        }
        for block in texts {
            out.append(TextElement(id: block.id, kind: .text, text: block.text, span: block.span))
        }
        return out
    }
}
