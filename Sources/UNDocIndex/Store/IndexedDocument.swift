import Foundation
import UNDocGraph
import UNDocModel

/// Everything the index stores about one file, made on a worker thread right after parsing
/// so that the document itself can be dropped before the rows are written.
struct IndexedDocument: Sendable {
    var file: ScannedFile
    var symbol: String?
    var node: String
    var format: String
    var metadata: Metadata
    var year: Int?
    var counts: (paragraphs: Int, decisions: Int, recommendations: Int, footnotes: Int, diagnostics: Int)
    var elements: [ElementRow]
    /// Bytes of text in `elements`: what the full-text index will read.
    var textBytes: Int
    var listings: [ListingRow]
    var references: [Reference]
    /// JSON of the document's `DocumentFacts`.
    var facts: Data

    init(document: Document, file: ScannedFile) throws {
        self.file = file
        let facts = FactExtractor.facts(of: document, file: file.stored).canonicalized()
        symbol = document.symbol
        node = facts.node
        format = document.source.format
        metadata = document.metadata
        year = Self.year(date: document.metadata.issueDate, symbol: document.symbol)
        counts = (document.paragraphs.count, document.decisions.count, document.recommendations.count,
                  document.footnotes.count, document.diagnostics.count)
        elements = ElementRows.rows(of: document)
        textBytes = elements.reduce(0) { $0 + $1.text.utf8.count }
        listings = ElementRows.listings(of: document)
        references = document.references
        // Sorted keys: the same facts always give the same bytes (JSONEncoder's key order
        // varies otherwise), which is how a run tells whether a changed file changed the graph.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self.facts = try encoder.encode(facts)
    }

    /// The year of the issue date, else the first four-digit part of the symbol
    /// (CTOC/COP/2006/14 → 2006).
    static func year(date: String?, symbol: String?) -> Int? {
        if let date, date.count >= 4, let year = Int(date.prefix(4)) { return year }
        return symbol?.split(separator: "/").first { $0.count == 4 && $0.allSatisfy(\.isNumber) }.flatMap { Int($0) }
    }
}
