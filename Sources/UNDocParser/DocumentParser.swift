import UNDocIngest
import UNDocModel

/// Parses a UN document's text into the typed model: structure first (lines, headings,
/// paragraphs, decisions, footnotes), then the references in every element.
public struct DocumentParser: Sendable {
    public let grammars: ParserGrammars

    public init(grammars: ParserGrammars) {
        self.grammars = grammars
    }

    /// Parses `source`. `symbol` is the document's own symbol when the caller knows it (a
    /// manifest's, `--symbol`; the text of many documents does not print it); it wins over
    /// the one the source prints (a PDF's masthead).
    public func parse(_ source: SourceText, symbol given: String? = nil) -> Document {
        var lines = LineLexer.lines(of: source)
        LineClassifier(grammars: grammars).classify(&lines, source: source)
        let builder = StructureBuilder(source: source, lines: lines, grammars: grammars)
        builder.build()
        let output = builder.output()
        var document = output.document
        let symbol = given ?? source.printedSymbol ?? builder.mastheadSymbol
        document.symbol = symbol
        // The masthead line is evidence only of the symbol it printed.
        if builder.mastheadSymbol == nil || symbol != builder.mastheadSymbol { document.metadata.evidence["symbol"] = nil }
        let body = document.metadata.body.flatMap { grammars.bodies.lookup($0) }
            ?? document.symbol.flatMap { symbol in
                grammars.bodies.bodies.filter { $0.documentPrefix.map { symbol.hasPrefix($0 + "/") } ?? false }
                    .max { ($0.documentPrefix?.count ?? 0) < ($1.documentPrefix?.count ?? 0) }
            }
        if document.metadata.bodyPrefix == nil { document.metadata.bodyPrefix = body?.documentPrefix }
        let context = ReferenceContext(documentSymbol: symbol, body: body, elementIDs: ElementIDIndex(document))
        let recognizer = ReferenceRecognizer(grammars: grammars, source: source, context: context)
        document.references = recognizer.references(in: output.elements)
        return document
    }

    /// The id of every element an internal pointer may name: what `textElements()` visits,
    /// and decisions, recommendations, annexes and sections (walked here directly: building
    /// the text elements would copy every text first).
    static func elementIDs(_ document: Document) -> Set<String> {
        var ids = Set<String>(minimumCapacity: document.paragraphs.count * 2 + 64)
        func clauses(_ items: [Clause]) {
            for item in items {
                ids.insert(item.id)
                clauses(item.children)
            }
        }
        func paragraphs(_ list: [Paragraph]) {
            for paragraph in list {
                ids.insert(paragraph.id)
                clauses(paragraph.children)
            }
        }
        func sections(_ list: [Section]) {
            for section in list {
                ids.insert(section.id)
                sections(section.children)
            }
        }
        paragraphs(document.paragraphs)
        for decision in document.decisions {
            ids.insert(decision.element)
            clauses(decision.clauses)
            paragraphs(decision.paragraphs)
        }
        for note in document.footnotes { ids.insert(note.id) }
        for annex in document.annexes {
            ids.insert(annex.id)
            for row in annex.documents { ids.insert(row.id) }
            clauses(annex.agenda)
            paragraphs(annex.paragraphs)
        }
        for recommendation in document.recommendations { ids.insert(recommendation.element) }
        for block in document.texts { ids.insert(block.id) }
        sections(document.sections)
        return ids
    }
}
