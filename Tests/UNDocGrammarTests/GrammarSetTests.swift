import Foundation
import XCTest
@testable import UNDocGrammar

final class GrammarSetTests: XCTestCase {
    let embedded = [
        "symbols.peg": "symbol <- organ \"/\" [0-9]+ <Symbol>\norgan <- \"A\" / \"S\"\n",
        "references.peg": "ref <- \"decision\"i\n",
        "bodies.tsv": "General Assembly\tA\n",
    ]

    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("undoc-grammar-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func testBuiltInOnly() throws {
        let set = try GrammarSet.load(embedded: embedded, overrideDirectory: nil)
        XCTAssertEqual(set.fileNames, ["bodies.tsv", "references.peg", "symbols.peg"])
        XCTAssertEqual(set.sources["symbols.peg"], "built-in")
        let symbols = try set.grammar("symbols")
        XCTAssertEqual(symbols.length("symbol", "S/12"), 4)
        XCTAssertNoThrow(try set.grammar("symbols.peg"))
        XCTAssertEqual(set.dataFile("bodies.tsv"), "General Assembly\tA\n")
        XCTAssertNil(set.dataFile("symbols.peg"))
        XCTAssertThrowsError(try set.grammar("structure")) { error in
            XCTAssertEqual("\(error)", "no grammar named 'structure' (available: references, symbols)")
        }
    }

    func testOverridesReplaceOnlyTheirFiles() throws {
        try write("symbols.peg", "symbol <- organ \"/\" [0-9]+ <Symbol>\norgan <- \"CTOC/COP\" / \"A\" / \"S\"\n")
        try write("bodies.tsv", "Security Council\tS\n")
        try write("symbol.peg", "misspelt <- \"x\"\n")
        try write("notes.txt", "ignored")
        let set = try GrammarSet.load(embedded: embedded, overrideDirectory: directory)
        let path = directory.appendingPathComponent("symbols.peg").path
        XCTAssertEqual(set.sources["symbols.peg"], path)
        XCTAssertEqual(set.sources["references.peg"], "built-in")
        XCTAssertEqual(set.sources["bodies.tsv"], directory.appendingPathComponent("bodies.tsv").path)
        XCTAssertEqual(try set.grammar("symbols").length("symbol", "CTOC/COP/7"), 10)
        XCTAssertEqual(set.dataFile("bodies.tsv"), "Security Council\tS\n")
        XCTAssertEqual(set.unusedOverrideFiles, ["symbol.peg"])
    }

    func testOverrideErrorNamesThePath() throws {
        try write("references.peg", "ref <- \"decision\"i\n       / missing\n")
        XCTAssertThrowsError(try GrammarSet.load(embedded: embedded, overrideDirectory: directory)) { error in
            let path = self.directory.appendingPathComponent("references.peg").path
            XCTAssertEqual("\(error)", "\(path):2: rule 'ref': undefined rule 'missing'")
            XCTAssertEqual((error as? GrammarError)?.line, 2)
        }
    }

    func testBuiltInErrorNamesTheFile() {
        var broken = embedded
        broken["symbols.peg"] = "symbol <- (\n"
        XCTAssertThrowsError(try GrammarSet.load(embedded: broken, overrideDirectory: nil)) { error in
            XCTAssertEqual("\(error)", "symbols.peg:1: rule 'symbol': missing ')' for the '(' here")
        }
    }

    func testBadOverrideDirectory() throws {
        let missing = directory.appendingPathComponent("nope")
        XCTAssertThrowsError(try GrammarSet.load(embedded: embedded, overrideDirectory: missing)) { error in
            XCTAssertEqual("\(error)", "grammar directory \(missing.path) does not exist")
        }
        try write("file.peg", "x <- \"x\"\n")
        let file = directory.appendingPathComponent("file.peg")
        XCTAssertThrowsError(try GrammarSet.load(embedded: embedded, overrideDirectory: file)) { error in
            XCTAssertEqual("\(error)", "grammar directory \(file.path) is not a directory")
        }
    }

    func testEmptyEmbeddedSet() throws {
        let set = try GrammarSet.load(embedded: [:], overrideDirectory: directory)
        XCTAssertTrue(set.fileNames.isEmpty)
        XCTAssertThrowsError(try set.grammar("symbols")) { error in
            XCTAssertEqual("\(error)", "no grammar named 'symbols' (available: none)")
        }
    }
}
