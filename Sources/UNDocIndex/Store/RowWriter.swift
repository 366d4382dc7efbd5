import Foundation
import GRDB
import UNDocModel

/// Writes one document's rows, inside the index run's transaction. Statements are
/// prepared once per connection (GRDB's statement cache) and reused for every row.
enum RowWriter {
    /// Removes a document and, by cascade, its elements (and their full-text entries),
    /// listings and references.
    static func delete(documentID: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?").execute(arguments: [documentID])
    }

    /// The largest element row id: rows inserted after this call have larger ones (the
    /// ids are AUTOINCREMENT: never reused, even after the highest rows are deleted).
    static func lastElementID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM elements") ?? 0
    }

    /// Adds the elements inserted since `lastElementID` returned `mark` to the full-text
    /// index, in one statement (see the schema for why not a trigger).
    static func indexText(after mark: Int64, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO elements_fts (rowid, text) SELECT id, text FROM elements WHERE id > ?",
                       arguments: [mark])
    }

    /// Inserts a document and its rows; returns its row id. Its elements reach the
    /// full-text index with the next `indexText`.
    @discardableResult
    static func insert(_ document: IndexedDocument, indexedAt: String, _ db: Database) throws -> Int64 {
        let metadata = document.metadata
        let file = document.file
        let counts = document.counts
        try db.cachedStatement(sql: """
            INSERT INTO documents (file, hash, bytes, givenSymbol, givenDate, node, symbol, format, title, organ, body,
                bodyPrefix, session, place, dates, issueDate, year, distribution, originalLanguage, agendaItem,
                agendaTitle, agendaSymbol, paragraphs, decisions, recommendations, footnotes, diagnostics, facts, indexedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                file.stored, file.hash, file.bytes, file.givenSymbol, file.givenDate, document.node, document.symbol,
                document.format, metadata.title, metadata.organ, metadata.body, metadata.bodyPrefix, metadata.session,
                metadata.place, metadata.dates, metadata.issueDate, document.year, metadata.distribution,
                metadata.originalLanguage, metadata.agendaItem?.number, metadata.agendaItem?.title, metadata.agendaSymbol,
                counts.paragraphs, counts.decisions, counts.recommendations, counts.footnotes, counts.diagnostics,
                document.facts, indexedAt,
            ])
        let id = db.lastInsertedRowID

        let element = try db.cachedStatement(sql: """
            INSERT INTO elements (document, element, kind, scope, container, parent, label, title, text, ordinal,
                line, endLine, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (ordinal, row) in document.elements.enumerated() {
            try element.execute(arguments: [
                id, row.element, row.kind.rawValue, row.scope?.rawValue, row.container, row.parent, row.label, row.title,
                row.text, ordinal, row.span.line, row.span.endLine, row.span.start, row.span.end,
            ])
        }

        let listing = try db.cachedStatement(sql: """
            INSERT INTO listings (document, element, annex, annexTitle, printed, title, ordinal, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let listingSymbol = try db.cachedStatement(sql: "INSERT INTO listing_symbols (listing, symbol) VALUES (?, ?)")
        for (ordinal, row) in document.listings.enumerated() {
            try listing.execute(arguments: [id, row.element, row.annex, row.annexTitle, row.printed, row.title, ordinal, row.line])
            let listingID = db.lastInsertedRowID
            for symbol in row.symbols { try listingSymbol.execute(arguments: [listingID, symbol]) }
        }

        let reference = try db.cachedStatement(sql: """
            INSERT INTO document_references (document, reference, kind, fromElement, targetKey, targetSymbol, targetElement,
                targetBodyPrefix, targetNumber, targetPart, relation, status, note, text, line, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in document.references {
            let target = row.target
            try reference.execute(arguments: [
                id, row.id, row.kind.rawValue, row.from, target.key, target.symbol, target.element, target.bodyPrefix,
                target.number, target.part, row.relation, row.status.rawValue, row.note, row.text, row.span.line,
                row.span.start, row.span.end,
            ])
        }
        return id
    }
}
