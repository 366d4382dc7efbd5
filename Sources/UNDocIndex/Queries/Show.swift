import GRDB

extension IndexStore {
    /// One document or element: `SYMBOL`, `SYMBOL#ELEMENT`, a node id (`doc:file:PATH`,
    /// `doc:CTOC/COP/2006/14#dec-3/2`, `decision:CTOC/COP:3/2`) or an indexed file's path
    /// (as stored, or relative to the working directory).
    /// A symbol the index knows only from citations or annex lists shows as its graph node.
    public func show(_ target: String) throws(IndexError) -> ShowResult {
        try read { db in try Show(db: db, target: target, paths: paths).run() }
    }
}

/// The queries behind `IndexStore.show`.
private struct Show {
    let db: Database
    let target: String
    let paths: StoredPaths

    func run() throws -> ShowResult {
        let (base, element) = split(target)
        var result = ShowResult(target: target, nodes: [], decisions: [], listedIn: [], referencesOut: [], linksOut: [],
                                referencesIn: [])
        if let document = try findDocument(base) {
            result.document = document.info
            if let element {
                try showElement(element, in: document, into: &result)
            } else {
                try showDocument(document, into: &result)
            }
            return result
        }
        // Not an indexed document: a node of the graph (a cited draft, a resolution, a decision).
        let nodeID = base.contains(":") ? base : "doc:\(base)"
        let full = element.map { "\(nodeID)#\($0)" } ?? nodeID
        let nodes = try Row.fetchAll(db, sql: "SELECT * FROM nodes WHERE id = ?", arguments: [full]).map(nodeInfo)
        let symbol = base.hasPrefix("doc:") ? String(base.dropFirst(4)) : base
        let listed = element == nil ? try listings(of: symbol) : []
        guard !nodes.isEmpty || !listed.isEmpty else {
            throw IndexError.notFound("\(target) is not in the index: no indexed document has this symbol or file, and no indexed document cites or lists it")
        }
        result.nodes = nodes
        result.listedIn = listed
        result.linksOut = try links(where: "e.source = ?", [full])
        result.referencesIn = try links(where: "e.target = ? OR e.target IN (SELECT id FROM nodes WHERE document = ?)", [full, full])
        return result
    }

    /// "CTOC/COP/2006/14#dec-3/2" → ("CTOC/COP/2006/14", "dec-3/2").
    func split(_ target: String) -> (String, String?) {
        guard let hash = target.firstIndex(of: "#") else { return (target, nil) }
        let element = String(target[target.index(after: hash)...])
        return (String(target[..<hash]), element.isEmpty ? nil : element)
    }

    // MARK: - Documents

    struct Found {
        var id: Int64
        var node: String
        var info: IndexedDocumentInfo
    }

    func findDocument(_ base: String) throws -> Found? {
        var candidates: [(String, StatementArguments)] = []
        if base.hasPrefix("doc:file:") {
            let path = String(base.dropFirst(9))
            candidates.append(("file = ?", [path]))
            candidates.append(("file = ?", [paths.stored(path)]))
        } else if base.hasPrefix("doc:") {
            candidates.append(("node = ?", [base]))
        } else {
            candidates.append(("symbol = ?", [base]))
            // A file as stored, or as the user names it from the working directory.
            candidates.append(("file = ?", [base]))
            candidates.append(("file = ?", [paths.stored(base)]))
        }
        for (condition, arguments) in candidates {
            let sql = "SELECT * FROM documents WHERE \(condition) ORDER BY node LIKE 'doc:file:%', file LIMIT 1"
            if let row = try Row.fetchOne(db, sql: sql, arguments: arguments) {
                let info = IndexedDocumentInfo(
                    symbol: row["symbol"], file: row["file"], node: row["node"], format: row["format"], title: row["title"],
                    organ: row["organ"], body: row["body"], bodyPrefix: row["bodyPrefix"], session: row["session"],
                    place: row["place"], dates: row["dates"], issueDate: row["issueDate"], distribution: row["distribution"],
                    agendaItem: row["agendaItem"], agendaTitle: row["agendaTitle"], hash: row["hash"], indexedAt: row["indexedAt"])
                return Found(id: row["id"], node: row["node"], info: info)
            }
        }
        return nil
    }

    func showDocument(_ document: Found, into result: inout ShowResult) throws {
        let row = try Row.fetchOne(db, sql: """
            SELECT paragraphs, decisions, recommendations, footnotes, diagnostics,
                (SELECT count(*) FROM elements WHERE document = :id) AS elements,
                (SELECT count(*) FROM document_references WHERE document = :id) AS refs,
                (SELECT count(*) FROM listings WHERE document = :id) AS listings
            FROM documents WHERE id = :id
            """, arguments: ["id": document.id])
        if let row {
            result.counts = DocumentCounts(
                paragraphs: row["paragraphs"], decisions: row["decisions"], recommendations: row["recommendations"],
                footnotes: row["footnotes"], elements: row["elements"], references: row["refs"], listings: row["listings"],
                diagnostics: row["diagnostics"])
        }
        result.decisions = try Row.fetchAll(db, sql: """
            SELECT label, element, title, line FROM elements WHERE document = ? AND kind = 'decision' ORDER BY ordinal
            """, arguments: [document.id]).map { DecisionInfo(number: $0["label"], element: $0["element"], title: $0["title"], line: $0["line"]) }
        result.nodes = try Row.fetchAll(db, sql: "SELECT * FROM nodes WHERE id = ?", arguments: [document.node]).map(nodeInfo)
        if let symbol = document.info.symbol { result.listedIn = try listings(of: symbol) }
        result.referencesOut = try references(document.id, element: nil)
        // Into the document and what it publishes, leaving out its own containment edges
        // (decision → the report it is printed in) and pointers inside its own text.
        result.referencesIn = try links(where: """
            (e.target = :node OR e.target IN (SELECT id FROM nodes WHERE document = :node))
            AND NOT (e.relation IN ('publishedIn', 'contains') AND (e.source = :node OR s.document = :node))
            AND NOT (e.relation = 'seeAlso' AND e.document = :node)
            """, ["node": document.node])
    }

    func showElement(_ element: String, in document: Found, into result: inout ShowResult) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT e.*, (SELECT count(*) FROM elements c WHERE c.document = e.document
                         AND substr(c.element, 1, length(e.element) + 1) = e.element || '.') AS children
            FROM elements e WHERE e.document = ? AND e.element = ? ORDER BY e.ordinal LIMIT 1
            """, arguments: [document.id, element])
        else {
            let near = try String.fetchAll(db, sql: """
                SELECT element FROM elements WHERE document = ? AND element >= ? ORDER BY element LIMIT 5
                """, arguments: [document.id, String(element.prefix(4))])
            let name = document.info.symbol ?? document.info.file
            throw IndexError.notFound("\(name) has no element \(element)\(near.isEmpty ? "" : " (elements near it: \(near.joined(separator: ", ")))")")
        }
        result.element = ElementInfo(element: row["element"], kind: row["kind"], label: row["label"], title: row["title"],
                                     text: row["text"], container: row["container"], line: row["line"], endLine: row["endLine"],
                                     children: row["children"])
        let own = "\(document.node)#\(element)"
        result.nodes = try Row.fetchAll(db, sql: """
            SELECT * FROM nodes WHERE (document = ? AND element = ?) OR id = ? ORDER BY id
            """, arguments: [document.node, element, own]).map(nodeInfo)
        result.referencesOut = try references(document.id, element: element)
        result.referencesIn = try links(where: """
            e.target IN (SELECT id FROM nodes WHERE document = :node AND element = :element)
            OR e.target = :own OR substr(e.target, 1, length(:own) + 1) = :own || '.'
            """, ["node": document.node, "element": element, "own": own])
    }

    // MARK: - Rows

    func references(_ document: Int64, element: String?) throws -> [OutgoingReference] {
        var sql = """
            SELECT r.*, EXISTS (SELECT 1 FROM documents d WHERE d.symbol = r.targetSymbol) AS inIndex
            FROM document_references r WHERE r.document = :document
            """
        var arguments: StatementArguments = ["document": document]
        if let element {
            sql += " AND (r.fromElement = :element OR substr(r.fromElement, 1, length(:element) + 1) = :element || '.')"
            arguments += ["element": element]
        }
        sql += " ORDER BY r.start"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            OutgoingReference(id: row["reference"], from: row["fromElement"], kind: row["kind"], relation: row["relation"],
                              target: row["targetKey"], symbol: row["targetSymbol"], element: row["targetElement"],
                              status: row["status"], note: row["note"], text: row["text"], line: row["line"],
                              inIndex: row["inIndex"])
        }
    }

    func listings(of symbol: String) throws -> [ListingInfo] {
        try Row.fetchAll(db, sql: """
            SELECT d.symbol, d.file, l.element, l.annexTitle, l.printed, l.title, l.line
            FROM listing_symbols s JOIN listings l ON l.id = s.listing JOIN documents d ON d.id = l.document
            WHERE s.symbol = ? ORDER BY d.file, l.ordinal
            """, arguments: [symbol]).map { row in
            ListingInfo(symbol: row["symbol"], file: row["file"], element: row["element"], annexTitle: row["annexTitle"],
                        printed: row["printed"], title: row["title"], line: row["line"])
        }
    }

    /// Graph edges matching `condition` (on `edges e` and the source node `s`), one per
    /// piece of evidence.
    func links(where condition: String, _ arguments: StatementArguments) throws -> [GraphLink] {
        try Row.fetchAll(db, sql: """
            SELECT e.source, s.label AS sourceLabel, e.relation, e.target, t.label AS targetLabel, d.symbol,
                   e.file, e.document, e.element, e.text, e.line
            FROM edges e
            LEFT JOIN nodes s ON s.id = e.source
            LEFT JOIN nodes t ON t.id = e.target
            LEFT JOIN documents d ON d.node = e.document
            WHERE \(condition)
            ORDER BY e.target, e.relation, e.file, e.start, e.source
            """, arguments: arguments).map(link)
    }

    func link(_ row: Row) -> GraphLink {
        GraphLink(source: row["source"], sourceLabel: row["sourceLabel"], relation: row["relation"], target: row["target"],
                  targetLabel: row["targetLabel"], symbol: row["symbol"], file: row["file"], document: row["document"],
                  element: row["element"], text: row["text"], line: row["line"])
    }

    func nodeInfo(_ row: Row) -> NodeInfo {
        NodeInfo(id: row["id"], kind: row["kind"], label: row["label"], external: row["external"],
                 unresolved: row["unresolved"], note: row["note"])
    }
}
