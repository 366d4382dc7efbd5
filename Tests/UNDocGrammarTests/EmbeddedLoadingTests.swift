import Foundation
import XCTest
@testable import UNDocGrammar

final class EmbeddedLoadingTests: XCTestCase {
    func testBuiltInSetLoads() throws {
        let set = try GrammarSet.load(overrideDirectory: nil)
        XCTAssertEqual(Set(set.fileNames), Set(EmbeddedGrammars.files.keys))
        for (name, origin) in set.sources {
            XCTAssertEqual(origin, "built-in", name)
            if name.hasSuffix(".peg") {
                XCTAssertNoThrow(try set.grammar(String(name.dropLast(4))))
            } else {
                XCTAssertEqual(set.dataFile(name), EmbeddedGrammars.files[name])
            }
        }
        XCTAssertTrue(set.unusedOverrideFiles.isEmpty)
    }

    /// The build plugin embeds exactly the .peg and .tsv files of Grammars/, byte for byte.
    func testEmbeddedFilesMatchTheRepository() throws {
        let grammars = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Grammars")
        let names = try FileManager.default.contentsOfDirectory(atPath: grammars.path)
            .filter { $0.hasSuffix(".peg") || $0.hasSuffix(".tsv") }
        XCTAssertEqual(Set(EmbeddedGrammars.files.keys), Set(names))
        for name in names {
            let text = try String(contentsOf: grammars.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(EmbeddedGrammars.files[name], text, name)
        }
    }

    func testCachedBuiltInSet() throws {
        let set = try GrammarSet.builtIn.get()
        XCTAssertEqual(set.fileNames, try GrammarSet.load(overrideDirectory: nil).fileNames)
    }
}
