import GRDB

/// The tables of a session index and the migrations that create them. Each migration is
/// named `vN`; N is the schema version a message names and `PRAGMA user_version` holds,
/// so tools other than undoc can tell the version too. A database that has a migration
/// this binary does not know was written by a newer undoc and is refused; one that lacks
/// migrations is upgraded by the next `undoc index` (or the first reader that can write).
///
/// Documents own their rows: deleting a document deletes its elements, listings and
/// references (foreign keys with ON DELETE CASCADE; triggers keep the full-text index in
/// step). The graph tables (`nodes`, `edges`, `graph_diagnostics`) are derived: they are
/// rebuilt from every document's stored facts after each index run that changed something.
public enum IndexSchema {
    /// The schema version this binary writes.
    public static var version: Int { migrations.count }

    /// The migrations, oldest first; the index of each plus one is its version.
    static let migrations: [(identifier: String, sql: String)] = [("v1", v1)]

    /// The migrator for these migrations.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (number, migration) in migrations.enumerated() {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
                try db.execute(sql: "PRAGMA user_version = \(number + 1)")
            }
        }
        return migrator
    }

    /// The version a migration identifier stands for: "v3" → 3.
    static func version(of identifier: String) -> Int? {
        identifier.hasPrefix("v") ? Int(identifier.dropFirst()) : nil
    }

    /// Tables every undoc index has; a database with other tables and none of these is
    /// someone else's and is left alone.
    static let ownTables: Set<String> = ["documents", "elements", "grdb_migrations"]

    /// Version 1: documents, their elements with a full-text index, the documents their
    /// annexes list, their references, and the graph.
    static let v1 = """
        -- Settings of the run that wrote the index (the parser that read the documents).
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );

        -- One row per indexed file. hash, givenSymbol and givenDate are what decide whether
        -- the file must be parsed again; facts are its contribution to the graph (JSON of
        -- UNDocGraph.DocumentFacts), so the graph is rebuilt without parsing.
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            file TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            givenSymbol TEXT,
            givenDate TEXT,
            node TEXT NOT NULL,
            symbol TEXT,
            format TEXT NOT NULL,
            title TEXT,
            organ TEXT,
            body TEXT,
            bodyPrefix TEXT,
            session TEXT,
            place TEXT,
            dates TEXT,
            issueDate TEXT,
            year INTEGER,
            distribution TEXT,
            originalLanguage TEXT,
            agendaItem TEXT,
            agendaTitle TEXT,
            agendaSymbol TEXT,
            paragraphs INTEGER NOT NULL,
            decisions INTEGER NOT NULL,
            recommendations INTEGER NOT NULL,
            footnotes INTEGER NOT NULL,
            diagnostics INTEGER NOT NULL,
            facts BLOB NOT NULL,
            indexedAt TEXT NOT NULL
        );
        CREATE INDEX documents_symbol ON documents(symbol);
        CREATE INDEX documents_node ON documents(node);
        CREATE INDEX documents_body ON documents(bodyPrefix, year);
        CREATE INDEX documents_year ON documents(year);

        -- Every text-bearing element: paragraphs, clauses, decisions (title and preamble),
        -- recommendations, footnotes, annexes (title), agenda items, rows of lists of
        -- documents, text blocks. scope is 'decision', 'recommendation' or 'annex' for
        -- what lies inside one (container is then its element id); ordinal is document order.
        -- AUTOINCREMENT: ids are never reused, so "the rows after id N" are exactly the rows
        -- inserted since, even when rows with the highest ids were deleted meanwhile.
        CREATE TABLE elements (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            element TEXT NOT NULL,
            kind TEXT NOT NULL,
            scope TEXT,
            container TEXT,
            parent TEXT,
            label TEXT,
            title TEXT,
            text TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            line INTEGER NOT NULL,
            endLine INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        );
        CREATE INDEX elements_document ON elements(document, element);

        -- Full-text index over elements.text (external content: the text is stored once).
        -- New elements are added to it by the writer, one INSERT … SELECT per batch of
        -- documents: FTS5 flushes its pending terms at every statement savepoint, so a
        -- trigger firing once per inserted row made indexing ten times slower. Deleted and
        -- changed rows are taken out by the triggers below (one statement per document).
        CREATE VIRTUAL TABLE elements_fts USING fts5(
            text, content='elements', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER elements_fts_delete AFTER DELETE ON elements BEGIN
            INSERT INTO elements_fts(elements_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER elements_fts_update AFTER UPDATE OF text ON elements BEGIN
            INSERT INTO elements_fts(elements_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO elements_fts(rowid, text) VALUES (new.id, new.text);
        END;

        -- Rows of the lists of documents in annexes ("documents before the session"), and
        -- every symbol a row stands for ("CTOC/COP/2006/L.1 and Add.1-3" is four).
        CREATE TABLE listings (
            id INTEGER PRIMARY KEY,
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            element TEXT NOT NULL,
            annex TEXT NOT NULL,
            annexTitle TEXT,
            printed TEXT NOT NULL,
            title TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            line INTEGER NOT NULL
        );
        CREATE INDEX listings_document ON listings(document, ordinal);
        CREATE TABLE listing_symbols (
            listing INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
            symbol TEXT NOT NULL
        );
        CREATE INDEX listing_symbols_listing ON listing_symbols(listing);
        CREATE INDEX listing_symbols_symbol ON listing_symbols(symbol);

        -- Every reference the parser found, as in undoc.document/1.
        CREATE TABLE document_references (
            id INTEGER PRIMARY KEY,
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            reference TEXT NOT NULL,
            kind TEXT NOT NULL,
            fromElement TEXT NOT NULL,
            targetKey TEXT NOT NULL,
            targetSymbol TEXT,
            targetElement TEXT,
            targetBodyPrefix TEXT,
            targetNumber TEXT,
            targetPart TEXT,
            relation TEXT,
            status TEXT NOT NULL,
            note TEXT,
            text TEXT NOT NULL,
            line INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        );
        CREATE INDEX document_references_document ON document_references(document, fromElement);
        CREATE INDEX document_references_symbol ON document_references(targetSymbol);

        -- The decision graph (undoc.graph/1), derived from documents.facts. element is the
        -- element id a node stands for in its document (dec-3/2 for decision:CTOC/COP:3/2).
        CREATE TABLE nodes (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            document TEXT,
            element TEXT,
            external INTEGER NOT NULL,
            unresolved INTEGER NOT NULL,
            note TEXT,
            symbol TEXT,
            date TEXT,
            file TEXT
        ) WITHOUT ROWID;
        CREATE INDEX nodes_document ON nodes(document, element);
        CREATE INDEX nodes_symbol ON nodes(symbol);

        -- One row per edge and piece of evidence: where the corpus says so.
        CREATE TABLE edges (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            relation TEXT NOT NULL,
            document TEXT NOT NULL,
            file TEXT NOT NULL,
            element TEXT NOT NULL,
            text TEXT NOT NULL,
            line INTEGER NOT NULL,
            endLine INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        );
        CREATE INDEX edges_source ON edges(source, relation);
        CREATE INDEX edges_target ON edges(target, relation);
        CREATE INDEX edges_document ON edges(document);

        CREATE TABLE graph_diagnostics (
            id INTEGER PRIMARY KEY,
            severity TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            file TEXT,
            node TEXT,
            candidates TEXT
        );
        """
}
