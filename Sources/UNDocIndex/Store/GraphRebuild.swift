import Foundation
import GRDB
import UNDocGraph
import UNDocModel
import UNDocParser

/// Rebuilds the graph from the facts stored with every document: the same `GraphBuilder`
/// as `undoc graph`, so the index's graph is the graph of all the indexed files, with "the
/// previous report" and adoptions resolved across all of them, not only across the files of
/// the last run. Only the rows that differ from the stored graph are written, so a run that
/// changes one file of thousands rewrites a few rows, not the whole graph.
enum GraphRebuild {
    struct Result: Sendable {
        var nodes: Int
        /// Distinct edges (the table holds one row per piece of evidence).
        var edges: Int
        var diagnostics: Int
        /// Seconds spent loading the facts, building and writing.
        var load: Double
        var build: Double
        var write: Double
    }

    /// `catalog` names and dates the nodes the documents cite, as `undoc graph --catalog` does.
    static func run(_ db: Database, jobs: Int, catalog: Catalog? = nil) throws -> Result {
        var clock = Clock()
        // Files in path order, as `undoc graph` adds them, so duplicate symbols are
        // settled the same way (the first file keeps the symbol).
        let rows = try Row.fetchAll(db, sql: "SELECT id, node, facts FROM documents ORDER BY file")
        let stored: [(id: Int64, node: String, facts: Data)] = rows.map { ($0["id"], $0["node"], $0["facts"]) }
        let decoded = parallelMap(stored.map(\.facts), jobs: jobs) { data in
            try? JSONDecoder().decode(DocumentFacts.self, from: data)
        }
        let load = clock.lap()

        var builder = GraphBuilder(catalog: catalog)
        var owners = Set<String>()
        var renamed: [(Int64, String)] = []
        for (row, facts) in zip(stored, decoded) {
            guard let facts else {
                builder.addFailure(file: "document \(row.id)", message: "its stored facts cannot be read; index again with --reparse")
                continue
            }
            // GraphBuilder keeps a second file with a symbol already seen under its file name.
            var node = facts.node
            if let symbol = facts.symbol, !owners.insert(symbol).inserted { node = NodeID.document(file: facts.file) }
            if node != row.node { renamed.append((row.id, node)) }
            builder.add(facts)
        }
        let graph = builder.finish()
        let build = clock.lap()

        for (id, node) in renamed {
            try db.execute(sql: "UPDATE documents SET node = ? WHERE id = ?", arguments: [node, id])
        }
        try writeNodes(graph, db)
        try writeEdges(graph, db)
        try db.execute(sql: "DELETE FROM graph_diagnostics")
        let diagnostic = try db.cachedStatement(sql: """
            INSERT INTO graph_diagnostics (severity, code, message, file, node, candidates) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for item in graph.diagnostics {
            try diagnostic.execute(arguments: [
                item.severity.rawValue, item.code, item.message, item.file, item.node,
                item.candidates.map { $0.joined(separator: "\n") },
            ])
        }
        return Result(nodes: graph.nodes.count, edges: graph.edges.count, diagnostics: graph.diagnostics.count,
                      load: load, build: build, write: clock.lap())
    }

    /// Replaces the nodes that changed, adds the new ones and deletes the ones gone.
    static func writeNodes(_ graph: Graph, _ db: Database) throws {
        var existing: [String: [DatabaseValue]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, kind, label, document, element, external, unresolved, note, symbol, date, file FROM nodes
            """)
        while let row = try rows.next() { existing[row["id"]] = Array(row.databaseValues) }
        let elements = elementOfNode(graph)
        let upsert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO nodes (id, kind, label, document, element, external, unresolved, note, symbol, date, file)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in graph.nodes {
            let element = elements[item.id] ?? item.document.flatMap { document in
                item.id.hasPrefix(document + "#") ? String(item.id.dropFirst(document.count + 1)) : nil
            }
            let values: [(any DatabaseValueConvertible)?] = [
                item.id, item.kind.rawValue, item.label, item.document, element, item.external, item.unresolved ?? false,
                item.note, item.symbol, item.date, item.file,
            ]
            let row = values.map { $0?.databaseValue ?? .null }
            if existing.removeValue(forKey: item.id) != row { try upsert.execute(arguments: StatementArguments(row)) }
        }
        let delete = try db.cachedStatement(sql: "DELETE FROM nodes WHERE id = ?")
        for id in existing.keys { try delete.execute(arguments: [id]) }
    }

    /// Inserts the edge rows (one per piece of evidence) that are new and deletes those gone.
    static func writeEdges(_ graph: Graph, _ db: Database) throws {
        // Rows are compared by one string of all their columns: far cheaper to build and
        // hash than arrays of database values, for the 100,000 rows of a large index.
        func key(_ values: [String]) -> String { values.joined(separator: "\u{1F}") }
        var existing: [String: [Int64]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, source, target, relation, document, file, element, text, line, endLine, start, "end" FROM edges
            """)
        while let row = try rows.next() {
            let columns: [String] = [
                row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                String(row[8] as Int), String(row[9] as Int), String(row[10] as Int), String(row[11] as Int),
            ]
            existing[key(columns), default: []].append(row[0])
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO edges (source, target, relation, document, file, element, text, line, endLine, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in graph.edges {
            for evidence in item.evidence {
                let span = evidence.span
                let columns = [
                    item.source, item.target, item.relation.rawValue, evidence.document, evidence.file, evidence.element,
                    evidence.text, String(span.line), String(span.endLine), String(span.start), String(span.end),
                ]
                let rowKey = key(columns)
                if var ids = existing[rowKey], !ids.isEmpty {
                    ids.removeLast()
                    existing[rowKey] = ids
                } else {
                    try insert.execute(arguments: [
                        item.source, item.target, item.relation.rawValue, evidence.document, evidence.file, evidence.element,
                        evidence.text, span.line, span.endLine, span.start, span.end,
                    ])
                }
            }
        }
        let delete = try db.cachedStatement(sql: "DELETE FROM edges WHERE id = ?")
        for ids in existing.values {
            for id in ids { try delete.execute(arguments: [id]) }
        }
    }

    /// The element a decision or recommendation node stands for in its own document: the
    /// evidence of its `publishedIn` edge names it (dec-3/2, rec-6(c)).
    static func elementOfNode(_ graph: Graph) -> [String: String] {
        var out: [String: String] = [:]
        let nodes = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for edge in graph.edges where edge.relation == .publishedIn {
            guard let node = nodes[edge.source], node.kind == .decision || node.kind == .recommendation,
                  node.document == edge.target, !node.external,
                  let evidence = edge.evidence.first(where: { $0.document == edge.target })
            else { continue }
            out[edge.source] = evidence.element
        }
        return out
    }
}
