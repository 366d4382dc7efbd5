import GRDB

extension IndexStore {
    /// The catalogue of the documents `filter` selects; `IndexError.notFound` when it
    /// selects none.
    public func session(_ filter: DocumentFilter) throws(IndexError) -> SessionCatalogue {
        try read { db in try SessionQuery(db: db, filter: filter).run() }
    }
}

/// The queries behind `IndexStore.session`.
private struct SessionQuery {
    let db: Database
    let filter: DocumentFilter

    struct Selected {
        var id: Int64
        var node: String
        var document: CatalogueDocument
    }

    func run() throws -> SessionCatalogue {
        let (condition, arguments) = filter.sql("d")
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM documents d WHERE \(condition) ORDER BY d.symbol IS NULL, d.symbol, d.file
            """, arguments: arguments)
        guard !rows.isEmpty else {
            throw IndexError.notFound("no indexed document matches \(Self.describe(filter))")
        }
        let selected = rows.map { row in
            Selected(id: row["id"], node: row["node"], document: CatalogueDocument(
                symbol: row["symbol"], file: row["file"], title: row["title"], issueDate: row["issueDate"],
                distribution: row["distribution"], session: row["session"], agendaItem: row["agendaItem"]))
        }
        func distinct(_ values: [String?]) -> [String] {
            var seen = Set<String>()
            return values.compactMap { $0 }.filter { seen.insert($0).inserted }
        }
        let meetings = rows.map { row -> String? in
            let parts = [row["place"] as String?, row["dates"] as String?].compactMap { $0 }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        let lists = try documentLists(selected)
        let decisions = try adoptedDecisions(selected)
        var catalogueSymbols = selected.compactMap(\.document.symbol)
        catalogueSymbols += lists.flatMap { $0.entries.flatMap(\.symbols) }
        catalogueSymbols += decisions.flatMap { $0.drafts.map(\.symbol) }
        return SessionCatalogue(
            filter: filter, bodies: distinct(rows.map { $0["body"] }), sessions: distinct(rows.map { $0["session"] }),
            meetings: distinct(meetings), documents: selected.map(\.document), documentsBefore: lists,
            agendas: try agendas(selected), agendaDocuments: agendaDocuments(rows), decisions: decisions,
            citations: try citations(of: distinct(catalogueSymbols)))
    }

    static func describe(_ filter: DocumentFilter) -> String {
        var parts: [String] = []
        if let value = filter.bodyPrefix { parts.append("--body-prefix \(value)") }
        if let value = filter.symbolPrefix { parts.append("--symbol-prefix \(value)") }
        if let value = filter.session { parts.append("--session \"\(value)\"") }
        if let value = filter.year { parts.append("--year \(value)") }
        return parts.isEmpty ? "(no filter)" : parts.joined(separator: " ")
    }

    // MARK: - Documents before the session

    func documentLists(_ selected: [Selected]) throws -> [DocumentList] {
        var out: [DocumentList] = []
        for document in selected {
            let rows = try Row.fetchAll(db, sql: """
                SELECT l.id, l.annex, l.annexTitle, l.printed, l.title,
                       group_concat(s.symbol, char(10)) AS symbols,
                       group_concat(CASE WHEN EXISTS (SELECT 1 FROM documents x WHERE x.symbol = s.symbol)
                                    THEN s.symbol END, char(10)) AS indexed
                FROM listings l JOIN listing_symbols s ON s.listing = l.id
                WHERE l.document = ? GROUP BY l.id ORDER BY l.ordinal
                """, arguments: [document.id])
            var byAnnex: [(String, String?, [ListedDocument])] = []
            for row in rows {
                let entry = ListedDocument(printed: row["printed"], symbols: lines(row["symbols"]), title: row["title"],
                                           indexed: lines(row["indexed"]))
                let annex: String = row["annex"]
                if let last = byAnnex.indices.last, byAnnex[last].0 == annex {
                    byAnnex[last].2.append(entry)
                } else {
                    byAnnex.append((annex, row["annexTitle"], [entry]))
                }
            }
            out += byAnnex.map { annex, title, entries in
                DocumentList(symbol: document.document.symbol, file: document.document.file, annex: annex, title: title,
                             entries: entries)
            }
        }
        return out
    }

    func lines(_ value: String?) -> [String] {
        value.map { $0.split(separator: "\n").map(String.init) } ?? []
    }

    // MARK: - Agenda

    func agendas(_ selected: [Selected]) throws -> [Agenda] {
        var out: [Agenda] = []
        for document in selected {
            let rows = try Row.fetchAll(db, sql: """
                SELECT element, label, text, container FROM elements
                WHERE document = ? AND kind = 'agendaItem' ORDER BY ordinal
                """, arguments: [document.id])
            var order: [String] = []
            var items: [String: [AgendaEntry]] = [:]
            for row in rows {
                let container: String = row["container"] ?? ""
                let element: String = row["element"]
                let suffix = element.hasPrefix(container + ".") ? element.dropFirst(container.count + 1) : Substring(element)
                if items[container] == nil { order.append(container) }
                items[container, default: []].append(AgendaEntry(
                    element: element, label: row["label"], text: row["text"],
                    depth: suffix.filter { $0 == "." }.count))
            }
            for container in order {
                let heading = try Row.fetchOne(db, sql: """
                    SELECT coalesce(title, text) AS heading FROM elements WHERE document = ? AND element = ? LIMIT 1
                    """, arguments: [document.id, container]).flatMap { $0["heading"] as String? }
                out.append(Agenda(symbol: document.document.symbol, file: document.document.file, element: container,
                                  heading: heading ?? container, items: items[container] ?? []))
            }
        }
        return out
    }

    func agendaDocuments(_ rows: [Row]) -> [AgendaItemDocuments] {
        var order: [String] = []
        var byItem: [String: AgendaItemDocuments] = [:]
        for row in rows {
            guard let item = row["agendaItem"] as String? else { continue }
            let name = (row["symbol"] as String?) ?? (row["file"] as String)
            if byItem[item] == nil {
                order.append(item)
                byItem[item] = AgendaItemDocuments(item: item, title: row["agendaTitle"], documents: [])
            }
            byItem[item]?.documents.append(name)
        }
        // Items in number order: 2 before 10, then 6 (a) after 6.
        return order.sorted { (Int($0.prefix { $0.isNumber }) ?? 0, $0) < (Int($1.prefix { $0.isNumber }) ?? 0, $1) }
            .compactMap { byItem[$0] }
    }

    // MARK: - Decisions

    /// The decisions the selected documents print (a commission's "Draft resolution II",
    /// printed for the Council to adopt, is not one of them).
    func adoptedDecisions(_ selected: [Selected]) throws -> [AdoptedDecision] {
        var out: [AdoptedDecision] = []
        for document in selected {
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.label, e.title, e.element, e.line, n.id AS node
                FROM elements e LEFT JOIN nodes n ON n.document = ? AND n.element = e.element AND n.kind = 'decision'
                WHERE e.document = ? AND e.kind = 'decision' AND e.label NOT LIKE 'draft %' ORDER BY e.ordinal
                """, arguments: [document.node, document.id])
            for row in rows {
                let node: String? = row["node"]
                let place = Place(symbol: document.document.symbol, file: document.document.file, element: row["element"],
                                  line: row["line"], text: nil)
                out.append(AdoptedDecision(number: row["label"], title: row["title"], node: node, publishedIn: place,
                                           drafts: try node.map(drafts(of:)) ?? []))
            }
        }
        return out
    }

    func drafts(of node: String) throws -> [Draft] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.source, s.symbol AS draft, d.symbol, e.file, e.element, e.line, e.text
            FROM edges e LEFT JOIN nodes s ON s.id = e.source LEFT JOIN documents d ON d.node = e.document
            WHERE e.target = ? AND e.relation = 'adoptedAs' ORDER BY e.file, e.start
            """, arguments: [node])
        var out: [Draft] = []
        for row in rows {
            let source: String = row["source"]
            let symbol = (row["draft"] as String?) ?? (source.hasPrefix("doc:") ? String(source.dropFirst(4)) : source)
            let place = Place(symbol: row["symbol"], file: row["file"], element: row["element"], line: row["line"], text: row["text"])
            // One draft, recorded as adopted in several places (the report's summary and its account).
            if let index = out.firstIndex(where: { $0.symbol == symbol }) {
                out[index].recordedIn.append(place)
                continue
            }
            let revises = try String.fetchAll(db, sql: """
                SELECT DISTINCT t.symbol FROM edges e JOIN nodes t ON t.id = e.target
                WHERE e.source = ? AND e.relation IN ('revises', 'corrects', 'addsTo') AND t.symbol IS NOT NULL
                ORDER BY t.symbol
                """, arguments: [source])
            let (title, indexed) = try self.title(of: symbol)
            out.append(Draft(symbol: symbol, title: title, revises: revises, indexed: indexed, recordedIn: [place]))
        }
        return out
    }

    /// A document's title from the index, else from a list of documents that names it.
    func title(of symbol: String) throws -> (String?, Bool) {
        if let row = try Row.fetchOne(db, sql: "SELECT title FROM documents WHERE symbol = ? LIMIT 1", arguments: [symbol]) {
            return (row["title"], true)
        }
        let listed = try String.fetchOne(db, sql: """
            SELECT l.title FROM listing_symbols s JOIN listings l ON l.id = s.listing WHERE s.symbol = ? LIMIT 1
            """, arguments: [symbol])
        return (listed, false)
    }

    // MARK: - Citations

    func citations(of symbols: [String]) throws -> [CitedDocument] {
        var out: [CitedDocument] = []
        for symbol in symbols {
            let node = try String.fetchOne(db, sql: "SELECT node FROM documents WHERE symbol = ? ORDER BY file LIMIT 1",
                                           arguments: [symbol]) ?? "doc:\(symbol)"
            // Citations of the document and of its parts and decisions by other documents;
            // not what its own text says about itself, nor the revision links that only
            // name a base document.
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.relation, e.target, d.symbol, e.file, e.element, e.line, e.text
                FROM edges e LEFT JOIN documents d ON d.node = e.document
                WHERE (e.target = :node OR e.target IN (SELECT id FROM nodes WHERE document = :node))
                  AND e.relation NOT IN ('publishedIn', 'contains', 'revises', 'corrects', 'addsTo')
                  AND e.document != :node
                ORDER BY e.file, e.start, e.target
                """, arguments: ["node": node])
            guard !rows.isEmpty else { continue }
            let (title, indexed) = try self.title(of: symbol)
            let citedBy = rows.map { row in
                let target: String = row["target"]
                return Citation(relation: row["relation"], target: target == node ? symbol : target,
                                place: Place(symbol: row["symbol"], file: row["file"], element: row["element"],
                                             line: row["line"], text: row["text"]))
            }
            out.append(CitedDocument(symbol: symbol, title: title, indexed: indexed, citedBy: citedBy))
        }
        return out
    }
}
