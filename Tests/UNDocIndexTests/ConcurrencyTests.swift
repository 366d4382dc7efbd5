import Foundation
import GRDB
import Testing
@testable import UNDocIndex

@Suite("two writers, and readers during a write")
struct ConcurrencyTests {
    @Test("a second writer waits for the lock, then gives up with a clear message; after the commit it succeeds")
    func secondWriter() throws {
        let (first, _) = try Fixture.corpusIndex()
        let second = try IndexStore.open(path: first.path, access: .write(wait: 0.2))
        // Hold the write lock as a running `undoc index` does.
        try first.withConnection { db in
            try db.inTransaction(.immediate) {
                #expect(throws: IndexError.busy(path: first.path)) {
                    try Fixture.writer(parserKey: "other").index([Fixture.corpus.path], into: second)
                }
                return .commit
            }
        }
        let report = try Fixture.writer(parserKey: "other").index([Fixture.corpus.path], into: second)
        #expect(report.updated == 3)
        #expect(IndexError.busy(path: "x.db").description.hasPrefix("another undoc index is writing x.db; try again"))
    }

    @Test("readers see the last committed index while a writer works (WAL)")
    func readersDuringWrite() throws {
        let (writer, _) = try Fixture.corpusIndex()
        let reader = try IndexStore.open(path: writer.path, access: .read)
        let mode = try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        try writer.withConnection { db in
            try db.inTransaction(.immediate) {
                try db.execute(sql: "DELETE FROM documents")
                // Not committed: the reader still sees all three documents and finds text in them.
                let count = try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") }
                #expect(count == 3)
                #expect(try !reader.search(SearchQuery(text: "extradition")).hits.isEmpty)
                #expect(try reader.show("CTOC/COP/2006/14").document != nil)
                return .rollback
            }
        }
    }

    @Test("two writers indexing at once: one after the other, and the file stays sound")
    func simultaneousWriters() async throws {
        let folder = try Fixture.corpusCopy()
        let path = folder.appendingPathComponent("i.db").path
        let manifest = folder.appendingPathComponent("manifest.tsv").path
        let results = await withTaskGroup(of: Result<IndexReport, IndexError>.self) { group in
            for key in ["one", "two"] {
                group.addTask {
                    do throws(IndexError) {
                        let store = try IndexStore.open(path: path, access: .write(wait: 60))
                        return .success(try Fixture.writer(manifest: manifest, parserKey: key).index([folder.path], into: store))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var all: [Result<IndexReport, IndexError>] = []
            for await result in group { all.append(result) }
            return all
        }
        let reports: [IndexReport] = try results.map { try $0.get() }
        #expect(reports.map { $0.documents } == [3, 3])
        // The later run saw the first one's documents and parsed them again for its own parser.
        #expect(Set(reports.map { $0.added }) == [3, 0])
        #expect(try IndexStore.open(path: path, access: .write(wait: 5)).verify().isEmpty)
    }
}
