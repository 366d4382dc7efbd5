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

    func testCachedBuiltInSet() throws {
        let set = try GrammarSet.builtIn.get()
        XCTAssertEqual(set.fileNames, try GrammarSet.load(overrideDirectory: nil).fileNames)
    }
}
