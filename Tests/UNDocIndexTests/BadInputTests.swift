import Foundation
import GRDB
import Testing
@testable import UNDocIndex

@Suite("bad databases: not SQLite, someone else's, newer, older, read-only, full")
struct BadInputTests {
    @Test("a text file given as the database is refused, for writing and reading, and left as it was")
    func textFile() throws {
        let path = try Fixture.temporaryDirectory().appendingPathComponent("notes.txt").path
        let text = String(repeating: "These are my notes, not an index.\n", count: 100)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: IndexError.notADatabase(path: path)) { try IndexStore.open(path: path, access: .write(wait: 1)) }
        #expect(throws: IndexError.notADatabase(path: path)) { try IndexStore.open(path: path, access: .read) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(IndexError.notADatabase(path: path).description.contains("is not an undoc index: it is not an SQLite database"))
    }

    @Test("an SQLite database with tables of its own is not touched")
    func foreignDatabase() throws {
        let path = try Fixture.temporaryDirectory().appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE players (name TEXT)") }
        #expect(throws: IndexError.foreignDatabase(path: path)) { try IndexStore.open(path: path, access: .write(wait: 1)) }
        let tables = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["players"])
    }

    @Test("an index of a newer schema: clear message, for writing and reading")
    func newerSchema() throws {
        let (store, _) = try Fixture.corpusIndex()
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2'), ('v3')")
        }
        let expected = IndexError.newerSchema(path: store.path, version: 3)
        #expect(throws: expected) { try IndexStore.open(path: store.path, access: .write(wait: 1)) }
        #expect(throws: expected) { try IndexStore.open(path: store.path, access: .read) }
        #expect(expected.description == "\(store.path) was written by a newer undoc (schema 3); upgrade undoc")
    }

    @Test("an older index (schema 0: an empty database) is migrated, by a writer or a reader")
    func olderSchema() throws {
        let folder = try Fixture.temporaryDirectory()
        for access in [IndexStore.Access.write(wait: 1), .read] {
            let path = folder.appendingPathComponent("old-\(UUID().uuidString).db").path
            // An SQLite file with no tables yet: what an interrupted first run of an old undoc leaves.
            try DatabaseQueue(path: path).write { db in try db.execute(sql: "PRAGMA user_version = 0") }
            let store = try IndexStore.open(path: path, access: access)
            let version = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
            #expect(version == IndexSchema.version)
            #expect(try store.search(SearchQuery(text: "anything")).hits.isEmpty)
        }
    }

    @Test("a reader of a missing file does not create it")
    func missing() throws {
        let path = try Fixture.temporaryDirectory().appendingPathComponent("none.db").path
        #expect(throws: IndexError.noIndex(path: path)) { try IndexStore.open(path: path, access: .read) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a folder that cannot be written: the system's reason, nothing created")
    func readOnlyLocation() throws {
        let path: String
        if geteuid() == 0 {
            // root writes through permissions; sysfs refuses new files even to root.
            path = "/sys/undoc-test-\(UUID().uuidString).db"
        } else {
            let folder = try Fixture.temporaryDirectory()
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
            path = folder.appendingPathComponent("index.db").path
        }
        do {
            _ = try IndexStore.open(path: path, access: .write(wait: 1))
            Issue.record("expected an error")
        } catch {
            guard case .readOnly = error else {
                Issue.record("expected readOnly, got \(error)")
                return
            }
            #expect(error.description.contains("cannot write the index"))
            #expect(error.description.contains("nothing was changed"))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a full disk during a run: the transaction rolls back, the message says so, the previous index is intact")
    func diskFull() throws {
        let (store, _) = try Fixture.corpusIndex()
        let pages = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") } ?? 0
        // SQLite's size cap fails writes with SQLITE_FULL, as a full disk does.
        let capped = try IndexStore.open(path: store.path, access: .write(wait: 1)) { db in
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
        }
        do {
            _ = try Fixture.writer().index([Fixture.corpus.path], into: capped)
            _ = try Fixture.writer(parserKey: "another parser").index([Fixture.corpus.path], into: capped)
            Issue.record("expected the disk to fill")
        } catch {
            #expect(error == .diskFull(path: store.path))
            #expect(error.description.contains("the disk is full; the index run was rolled back and nothing was changed"))
        }
        let after = try IndexStore.open(path: store.path, access: .read)
        #expect(try after.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") } == 3)
        #expect(try after.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'parser'") } == "test")
        #expect(try store.verify().isEmpty)
    }

    @Test("a failure in the middle of a run leaves the previous index exactly as it was")
    func failureMidRun() throws {
        let folder = try Fixture.corpusCopy()
        let path = folder.appendingPathComponent("i.db").path
        let store = try IndexStore.open(path: path, access: .write(wait: 1))
        _ = try Fixture.writer(manifest: folder.appendingPathComponent("manifest.tsv").path).index([folder.path], into: store)
        let before = try snapshot(store)
        // Remove a file and change another, then fail when the rows are written.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("003_d14f16574e34a7cb.txt"))
        try "Decision 9/9. Something else entirely\n".write(to: folder.appendingPathComponent("001_caccf940e690384d.txt"),
                                                             atomically: true, encoding: .utf8)
        let failing = try IndexStore.open(path: path, access: .write(wait: 1)) { db in
            // A trigger that fails the run after the old rows are gone, before the commit.
            try db.execute(sql: """
                CREATE TEMP TRIGGER fail_insert AFTER INSERT ON main.documents
                BEGIN SELECT RAISE(FAIL, 'simulated failure'); END
                """)
        }
        #expect(throws: IndexError.self) { try Fixture.writer().index([folder.path], into: failing) }
        #expect(try snapshot(store) == before)
        #expect(try store.verify().isEmpty)
    }

    /// Everything a run could change, to compare before and after.
    func snapshot(_ store: IndexStore) throws -> [String] {
        try store.read { db in
            try ["documents": "file || hash", "elements": "element || text", "nodes": "id", "edges": "source || target || element",
                 "listings": "printed", "document_references": "reference"].sorted { $0.key < $1.key }.map { table, columns in
                let values = try String.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY 1")
                return "\(table): \(values.count) \(ContentHash.fnv1a(Array(values.joined(separator: "\n").utf8)))"
            }
        }
    }
}
