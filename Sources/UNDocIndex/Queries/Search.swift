import Foundation
import GRDB

/// A full-text search over the indexed elements (paragraphs, clauses, decisions,
/// recommendations, footnotes, annex rows and agenda items).
public struct SearchQuery: Sendable {
    /// What the user typed; see `FTSQuery` for how it becomes an FTS5 query.
    public var text: String
    public var filter: DocumentFilter
    /// Only elements of this kind; `decision` and `annex` also take what lies inside one.
    public var kind: IndexedKind?
    public var limit: Int
    /// What the snippet puts around each matching word.
    public var highlight: (open: String, close: String)

    public init(text: String, filter: DocumentFilter = DocumentFilter(), kind: IndexedKind? = nil, limit: Int = 20,
                highlight: (open: String, close: String) = ("**", "**")) {
        self.text = text
        self.filter = filter
        self.kind = kind
        self.limit = limit
        self.highlight = highlight
    }
}

/// One element that matches, best first.
public struct SearchHit: Sendable, Codable, Equatable {
    public var symbol: String?
    public var file: String
    /// The document's graph node id.
    public var document: String
    public var element: String
    public var kind: String
    /// The decision, recommendation or annex it lies in.
    public var container: String?
    public var label: String?
    public var line: Int
    /// The matching text around the words found, with `highlight` markers.
    public var snippet: String
    /// bm25 relevance; lower is better (SQLite's convention).
    public var score: Double
}

/// The answer to a search: `undoc.search/1`.
public struct SearchResult: Sendable, Codable, Equatable {
    public static let schemaVersion = "undoc.search/1"
    public var schema = SearchResult.schemaVersion
    public var query: String
    /// The FTS5 query run.
    public var match: String
    public var filter: DocumentFilter
    public var kind: String?
    public var limit: Int
    public var hits: [SearchHit]
    /// True when more elements match than `limit`.
    public var more: Bool
    /// Time the query took in the database, in milliseconds.
    public var milliseconds: Double
}

extension IndexStore {
    /// Runs `query`: FTS5 MATCH, ranked by bm25, filtered by document and kind.
    public func search(_ query: SearchQuery) throws(IndexError) -> SearchResult {
        let match = FTSQuery.rewrite(query.text)
        let started = Date()
        let (rows, snippets): ([Row], [Int64: String])
        do {
            (rows, snippets) = try queue.read { db in
                let (ranked, arguments) = try Self.rankedQuery(db, match: match, query: query)
                let rows = try Row.fetchAll(db, sql: ranked, arguments: arguments)
                let ids = rows.prefix(query.limit).map { $0["id"] as Int64 }
                guard !ids.isEmpty else { return (rows, [:]) }
                let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
                var snippetArguments: StatementArguments = ["\u{2}", "\u{3}", match]
                snippetArguments += StatementArguments(ids)
                let snippets = try Row.fetchAll(db, sql: """
                    SELECT rowid, snippet(elements_fts, 0, ?, ?, '…', 24) AS snippet FROM elements_fts
                    WHERE elements_fts MATCH ? AND rowid IN (\(marks))
                    """, arguments: snippetArguments)
                return (rows, Dictionary(snippets.map { ($0["rowid"] as Int64, $0["snippet"] as String? ?? "") },
                                         uniquingKeysWith: { first, _ in first }))
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && Self.isQueryError(error.message ?? "") {
            // FTS5 reports a query it cannot parse as a plain SQL error.
            throw .malformedQuery(query: query.text, reason: error.message ?? "syntax error")
        } catch {
            throw IndexError(error, path: path)
        }
        let milliseconds = Date().timeIntervalSince(started) * 1000
        let hits = rows.prefix(query.limit).map { row in
            let snippet = (snippets[row["id"]] ?? "")
                .replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\u{2}", with: query.highlight.open)
                .replacingOccurrences(of: "\u{3}", with: query.highlight.close)
            return SearchHit(symbol: row["symbol"], file: row["file"], document: row["node"], element: row["element"],
                             kind: row["kind"], container: row["container"], label: row["label"], line: row["line"],
                             snippet: snippet, score: row["score"])
        }
        return SearchResult(query: query.text, match: match, filter: query.filter, kind: query.kind?.rawValue,
                            limit: query.limit, hits: Array(hits), more: rows.count > query.limit,
                            milliseconds: milliseconds)
    }

    /// The query that ranks the matching elements, best first, with one row more than the
    /// limit (to tell whether there are more). Only the best elements get snippets: snippet()
    /// costs far more than bm25(), and a common word matches much of the index.
    static func rankedQuery(_ db: Database, match: String, query: SearchQuery) throws -> (String, StatementArguments) {
        let (documentSQL, documentArguments) = query.filter.sql("d")
        var conditions = StatementArguments()
        var kindSQL = "1"
        if let kind = query.kind {
            kindSQL = "(e.kind = ? OR e.scope = ?)"
            conditions += [kind.rawValue, kind.rawValue]
        }
        conditions += documentArguments
        func select(_ range: (Int64, Int64)?) -> (String, StatementArguments) {
            var arguments: StatementArguments = [match]
            if let range { arguments += [range.0, range.1] }
            arguments += conditions
            return ("""
                SELECT e.id, d.symbol, d.file, d.node, e.element, e.kind, e.container, e.label, e.line, e.ordinal,
                       bm25(elements_fts) AS score
                FROM elements_fts
                JOIN elements e ON e.id = elements_fts.rowid
                JOIN documents d ON d.id = e.document
                WHERE elements_fts MATCH ?\(range == nil ? "" : " AND elements_fts.rowid BETWEEN ? AND ?")
                  AND \(kindSQL) AND \(documentSQL)
                """, arguments)
        }
        // A filter that picks a few documents: search only their stretches of element ids
        // (a document's elements are stored together), so a common word is not ranked
        // across the whole index first. The filter still applies within each stretch.
        let branches = try elementRanges(db, filter: query.filter).map { ranges in ranges.map { select($0) } } ?? [select(nil)]
        // No document selected: nothing to find, but FTS5 still checks the query.
        if branches.isEmpty { return ("SELECT rowid AS id FROM elements_fts WHERE elements_fts MATCH ? AND rowid = 0", [match]) }
        var arguments = StatementArguments()
        for branch in branches { arguments += branch.1 }
        arguments += [query.limit + 1]
        let union = branches.map(\.0).joined(separator: "\nUNION ALL\n")
        return ("SELECT * FROM (\(union)) ORDER BY score, file, ordinal LIMIT ?", arguments)
    }

    /// The stretches of element ids that hold the elements of the documents `filter`
    /// selects, adjacent ones merged; nil when the filter selects nothing in particular
    /// (no filter, or too many documents for stretches to pay).
    static func elementRanges(_ db: Database, filter: DocumentFilter) throws -> [(Int64, Int64)]? {
        guard !filter.isEmpty else { return nil }
        let (condition, arguments) = filter.sql("d")
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents d WHERE \(condition)", arguments: arguments) ?? 0
        guard count <= 2000 else { return nil }
        let rows = try Row.fetchAll(db, sql: """
            SELECT min(e.id) AS low, max(e.id) AS high FROM documents d JOIN elements e ON e.document = d.id
            WHERE \(condition) GROUP BY d.id ORDER BY low
            """, arguments: arguments)
        var ranges: [(Int64, Int64)] = []
        for row in rows {
            let (low, high): (Int64, Int64) = (row["low"], row["high"])
            // Close stretches are merged: the rows between belong to other documents, which
            // the filter, applied again, leaves out.
            if let last = ranges.last, low - last.1 <= 256 {
                ranges[ranges.count - 1].1 = max(last.1, high)
            } else {
                ranges.append((low, high))
            }
        }
        // SQLite allows 500 terms in a compound SELECT; past a few dozen, one pass is as good.
        return ranges.count <= 64 ? ranges : nil
    }

    /// Whether an SQLite error message is FTS5 refusing the query.
    static func isQueryError(_ message: String) -> Bool {
        ["fts5", "syntax error", "unterminated", "no such column", "unknown special query"].contains { message.contains($0) }
    }
}
