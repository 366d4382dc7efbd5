import XCTest
@testable import UNDocGrammar

/// The bytes a rule cannot match without, and the scans they let `scan` skip.
final class RequiredBytesTests: XCTestCase {
    private func required(_ g: Grammar, _ rule: String) -> [UInt8]? {
        g.program.ruleRequired[Int(g.ruleID(rule)!.index)]?.bytes
    }

    func testSequenceGivesItsRarestElement() throws {
        let g = try compile(#"""
        r <- [A-Z]+ "/" [0-9]+
        s <- "a"? "/" "x"
        t <- "decision" " " [0-9]+
        """#)
        XCTAssertEqual(required(g, "r"), [UInt8(ascii: "/")])
        XCTAssertEqual(required(g, "s"), [UInt8(ascii: "/")], "an optional element is no requirement")
        XCTAssertNil(required(g, "t"), "letters, spaces and ten digits are too common to look for first")
    }

    func testChoiceNeedsEveryAlternative() throws {
        let g = try compile(#"""
        r <- "A/B" / "C-D"
        s <- "A/B" / "x"*
        t <- "see" / "note"
        """#)
        let r = try XCTUnwrap(required(g, "r"))
        XCTAssertEqual(r.count, 2, "one byte per alternative")
        XCTAssertTrue(r.contains { "A/B".utf8.contains($0) } && r.contains { "C-D".utf8.contains($0) })
        XCTAssertNil(required(g, "s"), "an alternative can match without any byte")
        XCTAssertNil(required(g, "t"), "common letters are not worth a look")
    }

    func testLookaheadsAndRecursionGiveNone() throws {
        let g = try compile(#"""
        r <- &"/" [a-z]+
        s <- "(" s? ")"
        """#)
        XCTAssertNil(required(g, "r"), "a lookahead consumes nothing")
        XCTAssertNotNil(required(g, "s"))
    }

    func testScanSkipsARangeWithoutTheByteAndFindsTheRest() throws {
        let g = try compile(#"""
        symbol <- [A-Z]+ ("/" [A-Z0-9.]+)+
        """#)
        XCTAssertEqual(g.scanTexts("symbol", "UNODC and OSCE met; no symbol here."), [])
        XCTAssertEqual(g.scanTexts("symbol", "See A/61/10 and E/CN.15/2005/6."), ["A/61/10", "E/CN.15/2005/6."])
        let plain = g.withoutPrefilters
        for text in ["A/1", "x A/B/C", "/A", "A/", "AB/CD EF/GH"] {
            XCTAssertEqual(g.scanTexts("symbol", text), plain.scanTexts("symbol", text), text)
        }
    }

    func testUNSymbolsNeedASlash() throws {
        let symbols = try GrammarSet.builtIn.get().grammar("symbols")
        XCTAssertEqual(required(symbols, "symbolGroup"), [UInt8(ascii: "/")])
    }
}
