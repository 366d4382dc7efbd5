import XCTest
@testable import UNDocGrammar

final class DepthTests: XCTestCase {
    let source = #"""
    nest <- "(" nest ")" / "x"
    """#

    func testDeepButAllowedNestingMatches() throws {
        let g = try compile(source)
        let input = String(repeating: "(", count: 500) + "x" + String(repeating: ")", count: 500)
        XCTAssertEqual(g.length("nest", input), 1001)
    }

    func testTooDeepNestingFailsInsteadOfCrashing() throws {
        let g = try compile(source)
        let depth = 200_000
        let input = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
        XCTAssertNil(g.length("nest", input))
        // Scanning such input finds no match rather than a wrong one.
        XCTAssertEqual(g.scan(g.ruleID("nest")!, in: String(repeating: "(", count: 3000) + "x", boundary: nil).count, 1)
    }

    func testDepthLimitIsAdjustable() throws {
        var g = try compile(source)
        g.maximumDepth = 10
        XCTAssertEqual(g.length("nest", "(((((((((x)))))))))"), 19)
        XCTAssertNil(g.length("nest", "((((((((((x))))))))))"))
        // An abort inside a negative lookahead must not turn into success.
        let h = try compile(#"""
        top  <- !nest "("
        nest <- "(" nest ")" / "x"
        """#)
        var limited = h
        limited.maximumDepth = 3
        XCTAssertNil(limited.length("top", "((((((x))))))"))
        XCTAssertNil(h.length("top", "((x))"))
        XCTAssertEqual(h.length("top", "(("), 1)
    }
}
