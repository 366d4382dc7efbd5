import Foundation
import UNDocGraph
@testable import UNDocIndex
import UNDocIngest
import UNDocParser

/// The corpus, temporary folders and an index writer for the tests.
enum Fixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repositoryRoot.appendingPathComponent("Corpus")
    static let manifest = corpus.appendingPathComponent("manifest.tsv").path

    static let parser: DocumentParser = {
        do { return DocumentParser(grammars: try ParserGrammars.builtIn()) } catch { fatalError("\(error)") }
    }()

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("undoc-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func writer(manifest: String? = Fixture.manifest, parserKey: String = "test", reparseAll: Bool = false) -> IndexWriter {
        let loaded: Manifest
        do { loaded = try manifest.map { try Manifest(contentsOf: $0) } ?? Manifest() } catch { fatalError("\(error)") }
        return IndexWriter(parser: parser, reader: InputReader(), manifest: loaded, jobs: 2, parserKey: parserKey,
                           reparseAll: reparseAll)
    }

    /// A copy of the corpus texts and manifest in a new folder.
    static func corpusCopy() throws -> URL {
        let directory = try temporaryDirectory().appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["001_caccf940e690384d.txt", "002_02cf9ff3ef13c05f.txt", "003_d14f16574e34a7cb.txt", "manifest.tsv"] {
            try FileManager.default.copyItem(at: corpus.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// An index of the corpus (with its manifest) in a new folder.
    static func corpusIndex() throws -> (IndexStore, IndexReport) {
        let path = try temporaryDirectory().appendingPathComponent("index.db").path
        let store = try IndexStore.open(path: path, access: .write(wait: 5))
        let report = try writer().index([corpus.path], into: store)
        return (store, report)
    }

    /// A shared index of the corpus for the tests that only read it.
    static let shared: IndexStore = {
        do { return try corpusIndex().0 } catch { fatalError("\(error)") }
    }()
}
