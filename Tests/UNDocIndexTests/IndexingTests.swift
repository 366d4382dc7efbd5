import Foundation
import GRDB
import Testing
import UNDocGraph
@testable import UNDocIndex
import UNDocIngest
import UNDocParser

@Suite("undoc index: storing documents and updating the index")
struct IndexingTests {
    @Test("the corpus with its manifest: three documents, their elements, listings, references and graph")
    func corpus() throws {
        let (store, report) = try Fixture.corpusIndex()
        #expect(report.added == 3 && report.updated == 0 && report.unchanged == 0 && report.removed == 0 && report.failed == 0)
        #expect(report.documents == 3 && report.graphRebuilt)
        let symbols = try store.read { db in try String.fetchAll(db, sql: "SELECT symbol FROM documents ORDER BY symbol") }
        #expect(symbols == ["CTOC/COP/2006/14", "CTOC/COP/WG.4/2010/L.1/Add.1", "E/CN.15/2005/8"])
        let counts = try store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM elements e JOIN documents d ON d.id = e.document
                        WHERE d.symbol = 'CTOC/COP/2006/14' AND e.kind = 'decision') AS decisions,
                       (SELECT count(*) FROM listings) AS listings,
                       (SELECT count(*) FROM listing_symbols) AS listed,
                       (SELECT count(*) FROM document_references) AS refs
                """)!
        }
        #expect(counts["decisions"] as Int == 4)
        #expect(counts["listings"] as Int == 34)
        #expect(counts["listed"] as Int == 39)
        #expect(counts["refs"] as Int > 100)
        #expect(try store.verify().isEmpty)
    }

    @Test("the stored graph is the graph `undoc graph` builds from the same files")
    func sameGraphAsUndocGraph() throws {
        let (store, report) = try Fixture.corpusIndex()
        let loader = CorpusLoader(parser: Fixture.parser, reader: InputReader(),
                                  manifest: try Manifest(contentsOf: Fixture.manifest), jobs: 2)
        // The index stores paths relative to its own folder or absolute; give the loader absolute ones.
        let graph = loader.graph(of: CorpusLoader.files(in: [Fixture.corpus.path]))
        #expect(report.nodes == graph.nodes.count)
        #expect(report.edges == graph.edges.count)
        let stored = try store.read { db in
            try Set(Row.fetchAll(db, sql: "SELECT DISTINCT source, target, relation FROM edges").map { row in
                "\(row["source"] as String) \(row["relation"] as String) \(row["target"] as String)"
            })
        }
        let built = Set(graph.edges.map { "\($0.source) \($0.relation.rawValue) \($0.target)" })
        #expect(stored == built)
        let evidence = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM edges") }
        #expect(evidence == graph.edges.reduce(0) { $0 + $1.evidence.count })
    }

    @Test("a second run parses nothing and leaves the graph alone")
    func unchangedRun() throws {
        let (store, _) = try Fixture.corpusIndex()
        let again = try Fixture.writer().index([Fixture.corpus.path], into: store)
        #expect(again.unchanged == 3 && again.added == 0 && again.updated == 0 && again.removed == 0)
        #expect(!again.graphRebuilt)
        #expect(again.documents == 3 && again.nodes > 0)
    }

    @Test("a changed file is parsed again and a deleted one removed; the others are untouched")
    func changedAndDeleted() throws {
        let folder = try Fixture.corpusCopy()
        let store = try IndexStore.open(path: folder.deletingLastPathComponent().appendingPathComponent("i.db").path,
                                        access: .write(wait: 5))
        let manifest = folder.appendingPathComponent("manifest.tsv").path
        _ = try Fixture.writer(manifest: manifest).index([folder.path], into: store)
        let before = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE symbol = 'CTOC/COP/2006/14'")
        }

        let changed = folder.appendingPathComponent("001_caccf940e690384d.txt")
        let handle = try FileHandle(forWritingTo: changed)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n\nThe Working Group noted the zanzibarian proposal.\n".utf8))
        try handle.close()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("003_d14f16574e34a7cb.txt"))

        let report = try Fixture.writer(manifest: manifest).index([folder.path], into: store)
        #expect(report.updated == 1 && report.removed == 1 && report.unchanged == 1 && report.added == 0)
        #expect(report.failed == 0 && report.graphRebuilt && report.documents == 2)
        let symbols = try store.read { db in try String.fetchAll(db, sql: "SELECT symbol FROM documents ORDER BY symbol") }
        #expect(symbols == ["CTOC/COP/2006/14", "CTOC/COP/WG.4/2010/L.1/Add.1"])
        // The unchanged document keeps its row; the graph no longer has the removed one as parsed.
        let after = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE symbol = 'CTOC/COP/2006/14'")
        }
        #expect(before == after)
        let removedNode = try store.read { db in
            try Row.fetchOne(db, sql: "SELECT external FROM nodes WHERE id = 'doc:E/CN.15/2005/8'")
        }
        #expect(removedNode == nil || removedNode?["external"] == true)
        let hits = try store.search(SearchQuery(text: "zanzibarian"))
        #expect(hits.hits.map(\.element).count == 1)
        #expect(hits.hits.first?.symbol == "CTOC/COP/WG.4/2010/L.1/Add.1")
        // No full-text entries are left behind by the deleted rows.
        #expect(try store.search(SearchQuery(text: "Secretary-General", filter: DocumentFilter(symbolPrefix: "E/CN.15"))).hits.isEmpty)
        #expect(try store.verify().isEmpty)
    }

    @Test("a change that adds no reference leaves the graph as it is; one that does rebuilds it")
    func graphOnlyWhenFactsChange() throws {
        let folder = try Fixture.corpusCopy()
        let store = try IndexStore.open(path: folder.appendingPathComponent("i.db").path, access: .write(wait: 5))
        let manifest = folder.appendingPathComponent("manifest.tsv").path
        _ = try Fixture.writer(manifest: manifest).index([folder.path], into: store)
        let file = folder.appendingPathComponent("003_d14f16574e34a7cb.txt")
        func append(_ text: String) throws {
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
        try append("\n\nThe zanzibarian delegation thanked the secretariat.\n")
        let quiet = try Fixture.writer(manifest: manifest).index([folder.path], into: store)
        #expect(quiet.updated == 1 && !quiet.graphRebuilt)
        #expect(try store.search(SearchQuery(text: "zanzibarian")).hits.first?.symbol == "E/CN.15/2005/8")
        try append("\nSee also General Assembly resolution 61/144.\n")
        let loud = try Fixture.writer(manifest: manifest).index([folder.path], into: store)
        #expect(loud.updated == 1 && loud.graphRebuilt)
        #expect(try store.show("A/RES/61/144").referencesIn.contains { $0.symbol == "E/CN.15/2005/8" })
        #expect(try store.verify().isEmpty)
    }

    @Test("a new symbol in the manifest re-parses the file even though its text is the same")
    func manifestChange() throws {
        let folder = try Fixture.corpusCopy()
        let store = try IndexStore.open(path: folder.appendingPathComponent("i.db").path, access: .write(wait: 5))
        let manifest = folder.appendingPathComponent("manifest.tsv")
        _ = try Fixture.writer(manifest: manifest.path).index([folder.path], into: store)
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "E/CN.15/2005/8", with: "E/CN.15/2005/8/Rev.1").write(to: manifest, atomically: true, encoding: .utf8)
        let report = try Fixture.writer(manifest: manifest.path).index([folder.path], into: store)
        #expect(report.updated == 1 && report.unchanged == 2)
        #expect(try store.show("E/CN.15/2005/8/Rev.1").document?.file == "003_d14f16574e34a7cb.txt")
    }

    @Test("another parser (undoc version or grammars) re-parses every file; so does reparseAll")
    func parserChange() throws {
        let (store, _) = try Fixture.corpusIndex()
        let other = try Fixture.writer(parserKey: "another undoc").index([Fixture.corpus.path], into: store)
        #expect(other.updated == 3 && other.unchanged == 0)
        let forced = try Fixture.writer(parserKey: "another undoc", reparseAll: true).index([Fixture.corpus.path], into: store)
        #expect(forced.updated == 3)
        let same = try Fixture.writer(parserKey: "another undoc").index([Fixture.corpus.path], into: store)
        #expect(same.unchanged == 3)
    }

    @Test("files are removed only from under the paths indexed")
    func removalIsScoped() throws {
        let root = try Fixture.temporaryDirectory()
        let first = root.appendingPathComponent("a")
        let second = root.appendingPathComponent("b")
        for folder in [first, second] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(at: Fixture.corpus.appendingPathComponent("001_caccf940e690384d.txt"),
                                         to: first.appendingPathComponent("one.txt"))
        try FileManager.default.copyItem(at: Fixture.corpus.appendingPathComponent("003_d14f16574e34a7cb.txt"),
                                         to: second.appendingPathComponent("three.txt"))
        let store = try IndexStore.open(path: root.appendingPathComponent("i.db").path, access: .write(wait: 5))
        _ = try Fixture.writer(manifest: nil).index([first.path], into: store)
        _ = try Fixture.writer(manifest: nil).index([second.path], into: store)
        // Indexing a again does not remove b's document.
        let report = try Fixture.writer(manifest: nil).index([first.path], into: store)
        #expect(report.removed == 0 && report.documents == 2)
        // Stored paths are relative to the index's folder.
        let files = try store.read { db in try String.fetchAll(db, sql: "SELECT file FROM documents ORDER BY file") }
        #expect(files == ["a/one.txt", "b/three.txt"])
        // A document without a symbol is shown by its file.
        #expect(try store.show("doc:file:b/three.txt").document?.title?.contains("trafficking in persons") == true)
        // Or by the path a user names it with (here absolute), as the file itself can be.
        #expect(try store.show("doc:file:\(second.appendingPathComponent("three.txt").path)").document?.file == "b/three.txt")
    }

    @Test("an unreadable file is reported and skipped; a missing one named explicitly is reported and removed")
    func unreadableFiles() throws {
        let folder = try Fixture.corpusCopy()
        let store = try IndexStore.open(path: folder.appendingPathComponent("i.db").path, access: .write(wait: 5))
        let broken = folder.appendingPathComponent("broken.txt")
        try Data([0x00, 0x01, 0x02, 0x03]).write(to: broken)
        var failures: [String] = []
        let report = try Fixture.writer(manifest: nil).index([folder.path], into: store) { _ in } failure: { failures.append("\($0)") }
        #expect(report.failed == 1 && report.added == 3)
        #expect(failures.count == 1 && failures[0].contains("broken.txt: is a binary file"))

        let named = folder.appendingPathComponent("001_caccf940e690384d.txt")
        try FileManager.default.removeItem(at: named)
        failures = []
        let again = try Fixture.writer(manifest: nil).index([named.path], into: store) { _ in } failure: { failures.append("\($0)") }
        #expect(again.failed == 1 && again.removed == 1 && again.documents == 2)
        #expect(failures.first?.hasSuffix("001_caccf940e690384d.txt: no such file") == true)
    }

    @Test("content hash: FNV-1a 64")
    func hash() {
        #expect(ContentHash.fnv1a([UInt8]()) == "cbf29ce484222325")
        #expect(ContentHash.fnv1a(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(ContentHash.fnv1a(Data("foobar".utf8)) == "85944171f73967e8")
    }
}
