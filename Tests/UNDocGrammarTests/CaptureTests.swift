import XCTest
@testable import UNDocGrammar

final class CaptureTests: XCTestCase {
    let source = #"""
    symbol      <- series:series modifiers:modifier*  <Symbol>
    series      <- organ:organ ("/" part:part)+
    organ       <- "CTOC/COP" / "A" / "S" / "E"
    part        <- !("Add" / "Rev") [A-Z0-9]+
    modifier    <- "/" kind:("Rev" / "Add") "." number:[0-9]+  <Modifier>
    """#

    func testTypedRootWithLabelsAndNesting() throws {
        let g = try compile(source)
        let input = "A/RES/55/25/Add.1/Rev.2 rest"
        let match = try XCTUnwrap(g.match(g.ruleID("symbol")!, in: input))
        XCTAssertEqual(match.text(in: input), "A/RES/55/25/Add.1/Rev.2")
        XCTAssertEqual(match.nodes.count, 1)
        let root = try XCTUnwrap(match.root)
        XCTAssertEqual(root.type, "Symbol")
        XCTAssertEqual(root.rule, "symbol")
        XCTAssertNil(root.label)
        XCTAssertEqual(root.range, match.range)

        let series = try XCTUnwrap(root.first("series"))
        XCTAssertEqual(series.text(in: input), "A/RES/55/25")
        XCTAssertNil(series.type)
        XCTAssertEqual(series.first("organ")?.text(in: input), "A")
        XCTAssertEqual(series.all("part").map { $0.text(in: input) }, ["RES", "55", "25"])

        // A label on a typed rule is one node with both.
        let modifiers = root.all("modifiers")
        XCTAssertEqual(modifiers.count, 2)
        XCTAssertEqual(modifiers[0].type, "Modifier")
        XCTAssertEqual(modifiers[0].rule, "modifier")
        XCTAssertEqual(modifiers[0].first("kind")?.text(in: input), "Add")
        XCTAssertEqual(modifiers[1].first("number")?.text(in: input), "2")
        XCTAssertEqual(root.descendants(type: "Modifier").count, 2)
        XCTAssertEqual(match.descendants(type: "Symbol").count, 1)
        XCTAssertEqual(root.descendants(label: "part").count, 3)
        XCTAssertEqual(root.firstDescendant(label: "organ")?.text(in: input), "A")
        XCTAssertNil(root.first("organ"), "first looks at direct children only")
    }

    func testLabelsOverSuffixes() throws {
        let g = try compile(#"""
        run     <- n:[0-9]+ ("," n:[0-9])*
        perItem <- d:digit*
        whole   <- d:(digit*)
        maybe   <- "x" o:"y"? "z"
        grouped <- "x" o:("y"?) "z"
        digit   <- [0-9] <Digit>
        """#)
        // A label over an untyped repetition is one node for the whole run.
        let run = try XCTUnwrap(g.match(g.ruleID("run")!, in: "12,3,4"))
        XCTAssertEqual(run.all("n").map { $0.text(in: "12,3,4") }, ["12", "3", "4"])
        // A label on a repeated typed rule names each of its nodes.
        let perItem = try XCTUnwrap(g.match(g.ruleID("perItem")!, in: "123"))
        XCTAssertEqual(perItem.all("d").count, 3)
        XCTAssertEqual(perItem.nodes.map(\.type), ["Digit", "Digit", "Digit"])
        // Parentheses make one node around them.
        let whole = try XCTUnwrap(g.match(g.ruleID("whole")!, in: "123"))
        XCTAssertEqual(whole.nodes.count, 1)
        XCTAssertEqual(whole.nodes[0].label, "d")
        XCTAssertNil(whole.nodes[0].type)
        XCTAssertEqual(whole.nodes[0].children.map(\.type), ["Digit", "Digit", "Digit"])
        // An absent optional makes no node, unless parenthesised.
        XCTAssertEqual(g.match(g.ruleID("maybe")!, in: "xz")?.nodes.count, 0)
        XCTAssertEqual(g.match(g.ruleID("maybe")!, in: "xyz")?.first("o")?.range, 1..<2)
        XCTAssertEqual(g.match(g.ruleID("grouped")!, in: "xz")?.first("o")?.range, 1..<1)
    }

    func testTypedRuleReferencedWithoutLabel() throws {
        let g = try compile(#"""
        list <- item ("," item)*
        item <- [a-z]+ <Item>
        """#)
        let input = "ab,cd,e"
        let match = try XCTUnwrap(g.match(g.ruleID("list")!, in: input))
        XCTAssertEqual(match.nodes.map { $0.text(in: input) }, ["ab", "cd", "e"])
        XCTAssertTrue(match.nodes.allSatisfy { $0.type == "Item" && $0.label == nil && $0.rule == "item" })
        XCTAssertNil(match.root)
    }

    func testUntypedRuleHasNoNodeButLabelsInsideIt() throws {
        let g = try compile(#"""
        top   <- first:word " " inner
        inner <- second:word
        word  <- [a-z]+
        """#)
        let input = "ab cd"
        let match = try XCTUnwrap(g.match(g.ruleID("top")!, in: input))
        XCTAssertEqual(match.nodes.map(\.label), ["first", "second"])
        XCTAssertEqual(match.first("second")?.text(in: input), "cd")
        XCTAssertEqual(match.all("first").count, 1)
        XCTAssertNil(match.first("first")?.rule, "a label on an untyped rule names no rule")
    }

    func testFailedAlternativesLeaveNoCaptures() throws {
        let g = try compile(#"""
        r <- a:"x" b:"y" "!" / a:"x" c:"y"
        s <- (n:[0-9])* "."
        t <- !(x:"a") y:"b" &(z:"c")
        """#)
        let match = try XCTUnwrap(g.match(g.ruleID("r")!, in: "xy?"))
        XCTAssertEqual(match.nodes.map(\.label), ["a", "c"])
        let s = try XCTUnwrap(g.match(g.ruleID("s")!, in: "123."))
        XCTAssertEqual(s.all("n").count, 3)
        let t = try XCTUnwrap(g.match(g.ruleID("t")!, in: "bc"))
        XCTAssertEqual(t.nodes.map(\.label), ["y"], "lookaheads keep no captures")
    }

    func testTextAccessors() throws {
        let g = try compile(#"""
        r <- "é" x:[a-z]+
        """#)
        let input = "éab"
        let bytes = Array(input.utf8)
        let match = try XCTUnwrap(g.match(g.ruleID("r")!, in: bytes))
        let x = try XCTUnwrap(match.first("x"))
        XCTAssertEqual(x.range, 2..<4)
        XCTAssertEqual(x.text(in: bytes), "ab")
        XCTAssertEqual(x.text(in: input), "ab")
        bytes.withUnsafeBufferPointer { buffer in
            XCTAssertEqual(x.text(in: buffer), "ab")
            XCTAssertEqual(match.text(in: buffer), "éab")
        }
        XCTAssertEqual(match.text(in: bytes), "éab")
    }
}
