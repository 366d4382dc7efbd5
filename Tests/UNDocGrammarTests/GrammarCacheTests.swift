import Foundation
import XCTest
@testable import UNDocGrammar

/// The compiled-grammar archive and the on-disk cache built on it: what is read back must be
/// the grammar that was compiled, and anything else must be compiled again.
final class GrammarCacheTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("undoc-grammar-cache-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func builtInSources() -> [(String, String)] {
        EmbeddedGrammars.files.filter { $0.key.hasSuffix(".peg") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private func cache(build: String = "build 1") -> GrammarCache {
        GrammarCache(directory: directory.appendingPathComponent("grammars").path, build: Array(build.utf8))
    }

    func testEveryBuiltInGrammarSurvivesTheArchive() throws {
        for (name, source) in builtInSources() {
            let compiled = try Grammar(source: source, fileName: name).program
            let archive = compiled.archived()
            let restored = archive.withUnsafeBytes { CompiledGrammar(archive: $0) }
            XCTAssertEqual(restored, compiled, name)
        }
    }

    func testACutOrLengthenedArchiveIsRefused() throws {
        let (name, source) = try XCTUnwrap(builtInSources().first { $0.0 == "symbols.peg" })
        let archive = try Grammar(source: source, fileName: name).program.archived()
        for length in stride(from: 0, to: archive.count, by: max(1, archive.count / 300)) {
            XCTAssertNil(archive[..<length].withUnsafeBytes { CompiledGrammar(archive: $0) }, "cut at \(length)")
        }
        XCTAssertNil((archive + [0]).withUnsafeBytes { CompiledGrammar(archive: $0) })
        var otherFormat = archive
        otherFormat[0] &+= 1
        XCTAssertNil(otherFormat.withUnsafeBytes { CompiledGrammar(archive: $0) })
    }

    func testASecondLoadReadsTheEntryAndMatchesAlike() throws {
        let cache = cache()
        for (name, source) in builtInSources() {
            XCTAssertNil(cache.load(source: source, fileName: name), "empty cache")
            let compiled = try Grammar(source: source, fileName: name, cache: cache)
            XCTAssertTrue(FileManager.default.fileExists(atPath: cache.entryPath(source: source, fileName: name)))
            let read = try XCTUnwrap(cache.load(source: source, fileName: name), name)
            XCTAssertEqual(read, compiled.program, name)
            let cached = try Grammar(source: source, fileName: name, cache: cache)
            XCTAssertEqual(cached.program, compiled.program)
            XCTAssertEqual(cached.fileName, name)
        }
        // The grammars read back find what the compiled ones find, on a real document.
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Corpus/002_02cf9ff3ef13c05f.txt"), encoding: .utf8)
        let (name, source) = try XCTUnwrap(builtInSources().first { $0.0 == "references.peg" })
        let compiled = try Grammar(source: source, fileName: name)
        let cached = try Grammar(source: source, fileName: name, cache: cache)
        let rule = try XCTUnwrap(compiled.ruleID("token"))
        let bytes = Array(text.utf8)
        XCTAssertEqual(cached.scan(rule, in: bytes).map(\.range), compiled.scan(rule, in: bytes).map(\.range))
        XCTAssertFalse(compiled.scan(rule, in: bytes).isEmpty)
    }

    func testAnEntryIsUsedOnlyForTheSameBuildNameAndText() throws {
        let source = "symbol <- organ \"/\" [0-9]+ <Symbol>\norgan <- \"A\" / \"S\"\n"
        let cache = cache()
        _ = try Grammar(source: source, fileName: "symbols.peg", cache: cache)
        XCTAssertNotNil(cache.load(source: source, fileName: "symbols.peg"))
        XCTAssertNil(self.cache(build: "build 2").load(source: source, fileName: "symbols.peg"), "another build")
        XCTAssertNil(cache.load(source: source + "\n", fileName: "symbols.peg"), "another text")
        XCTAssertNil(cache.load(source: source, fileName: "/elsewhere/symbols.peg"), "another file")
    }

    func testADamagedEntryIsCompiledAgainAndRewritten() throws {
        let source = "number <- [0-9]+ (\".\" [0-9]+)? <Number>\n"
        let cache = cache()
        let compiled = try Grammar(source: source, fileName: "numbers.peg", cache: cache)
        let path = cache.entryPath(source: source, fileName: "numbers.peg")
        var entry = try Data(contentsOf: URL(fileURLWithPath: path))
        entry[entry.count / 2] ^= 0x40
        try entry.write(to: URL(fileURLWithPath: path))
        XCTAssertNil(cache.load(source: source, fileName: "numbers.peg"), "the checksum fails")
        let again = try Grammar(source: source, fileName: "numbers.peg", cache: cache)
        XCTAssertEqual(again.program, compiled.program)
        XCTAssertNotNil(cache.load(source: source, fileName: "numbers.peg"), "rewritten")
    }

    func testAGrammarWithErrorsIsNeverStored() throws {
        let cache = cache()
        XCTAssertThrowsError(try Grammar(source: "a <- b\n", fileName: "broken.peg", cache: cache))
        XCTAssertThrowsError(try Grammar(source: "a <- b\n", fileName: "broken.peg", cache: cache))
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.entryPath(source: "a <- b\n", fileName: "broken.peg")))
    }

    func testAnUnwritableDirectoryOnlyCostsTheCompilation() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let blocker = directory.appendingPathComponent("file")
        try Data("not a folder".utf8).write(to: blocker)
        let cache = GrammarCache(directory: blocker.appendingPathComponent("grammars").path, build: [1])
        let grammar = try Grammar(source: "a <- \"x\"\n", fileName: "a.peg", cache: cache)
        XCTAssertNotNil(grammar.ruleID("a"))
        XCTAssertNil(cache.load(source: "a <- \"x\"\n", fileName: "a.peg"))
    }

    private var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
