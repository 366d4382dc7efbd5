import XCTest
@testable import UNDocGrammar

final class OperatorTests: XCTestCase {
    func testLiteralsAndSequence() throws {
        let g = try compile(#"""
        r <- "ab" 'c' "d"
        """#)
        XCTAssertEqual(g.length("r", "abcd!"), 4)
        XCTAssertNil(g.length("r", "abc"))
        XCTAssertNil(g.length("r", "abXd"))
        XCTAssertNil(g.length("r", "xabcd"))
        XCTAssertEqual(g.length("r", "xabcd", at: 1), 4)
    }

    func testOrderedChoiceTakesFirstThatMatches() throws {
        let g = try compile(#"""
        short <- "a" / "ab"
        long  <- "ab" / "a"
        whole <- ("a" / "ab") "c"
        """#)
        XCTAssertEqual(g.length("short", "ab"), 1)
        XCTAssertEqual(g.length("long", "ab"), 2)
        XCTAssertEqual(g.length("long", "ax"), 1)
        // PEG: no backtracking into a choice that succeeded.
        XCTAssertNil(g.length("whole", "abc"))
        XCTAssertEqual(g.length("whole", "ac"), 2)
    }

    func testRepetitionIsGreedy() throws {
        let g = try compile(#"""
        star  <- "ab"*
        plus  <- "ab"+
        greedy <- [a-z]* "x"
        cstar <- [0-9]*
        cplus <- [0-9]+
        group <- ("a" "b"?)+
        """#)
        XCTAssertEqual(g.length("star", ""), 0)
        XCTAssertEqual(g.length("star", "ababa"), 4)
        XCTAssertNil(g.length("plus", "ba"))
        XCTAssertEqual(g.length("plus", "ababx"), 4)
        XCTAssertNil(g.length("greedy", "abx"), "the class eats the x; PEG does not give it back")
        XCTAssertEqual(g.length("cstar", "x"), 0)
        XCTAssertEqual(g.length("cstar", "123x"), 3)
        XCTAssertNil(g.length("cplus", "x"))
        XCTAssertEqual(g.length("cplus", "123"), 3)
        XCTAssertEqual(g.length("group", "aabab"), 5)
    }

    func testLargeChoiceKeepsOrderAndEmptyAlternatives() throws {
        // Four or more alternatives are dispatched on the next byte; order must still hold.
        let g = try compile(#"""
        big   <- "ab" / "a" / [a-c] "x" / "b" / "c"
        empty <- "p" / "q" / "r" / "s"? / "t"
        tail  <- empty "!"
        """#)
        XCTAssertEqual(g.length("big", "abx"), 2)
        XCTAssertEqual(g.length("big", "ax"), 1)
        XCTAssertEqual(g.length("big", "bx"), 2)
        XCTAssertEqual(g.length("big", "by"), 1)
        XCTAssertEqual(g.length("big", "cx"), 2)
        XCTAssertNil(g.length("big", "d"))
        XCTAssertNil(g.length("big", ""))
        XCTAssertEqual(g.length("empty", "q"), 1)
        XCTAssertEqual(g.length("empty", "s"), 1)
        XCTAssertEqual(g.length("empty", "t"), 0, "the optional alternative wins, emptily, before \"t\"")
        XCTAssertEqual(g.length("empty", ""), 0, "at the end of input only alternatives that can match empty are tried")
        XCTAssertEqual(g.length("tail", "!"), 1)
    }

    func testOptional() throws {
        let g = try compile(#"""
        r <- "a" "b"? "c"
        """#)
        XCTAssertEqual(g.length("r", "abc"), 3)
        XCTAssertEqual(g.length("r", "ac"), 2)
        XCTAssertNil(g.length("r", "abbc"))
    }

    func testLookahead() throws {
        let g = try compile(#"""
        and     <- &"ab" "a"
        not     <- !"ab" "a"
        word    <- [a-z]+ ![a-z0-9]
        notEnd  <- "a" !.
        """#)
        XCTAssertEqual(g.length("and", "abc"), 1)
        XCTAssertNil(g.length("and", "ac"))
        XCTAssertNil(g.length("not", "abc"))
        XCTAssertEqual(g.length("not", "ac"), 1)
        XCTAssertEqual(g.length("word", "abc def"), 3)
        XCTAssertNil(g.length("word", "abc1"))
        XCTAssertEqual(g.length("notEnd", "a"), 1)
        XCTAssertNil(g.length("notEnd", "ab"))
    }

    func testAnyByte() throws {
        let g = try compile(#"""
        two <- . .
        """#)
        XCTAssertEqual(g.length("two", "ab"), 2)
        XCTAssertNil(g.length("two", "a"))
        XCTAssertEqual(g.length("two", "é"), 2, "'.' is one byte, and é is two")
    }

    func testClassesRangesAndNegation() throws {
        let g = try compile(#"""
        cls   <- [abc]
        range <- [a-cx-z0-9]
        neg   <- [^ \t]
        dash  <- [-a]
        dash2 <- [a-]
        caret <- [a^]
        """#)
        for c in ["a", "b", "c"] { XCTAssertEqual(g.length("cls", c), 1) }
        XCTAssertNil(g.length("cls", "d"))
        for c in ["a", "c", "x", "z", "0", "9"] { XCTAssertEqual(g.length("range", c), 1, c) }
        for c in ["d", "w", "A", "-"] { XCTAssertNil(g.length("range", c), c) }
        XCTAssertEqual(g.length("neg", "x"), 1)
        XCTAssertNil(g.length("neg", " "))
        XCTAssertNil(g.length("neg", "\t"))
        XCTAssertNil(g.length("neg", ""))
        XCTAssertEqual(g.length("dash", "-"), 1)
        XCTAssertEqual(g.length("dash2", "-"), 1)
        XCTAssertNil(g.length("dash2", "b"))
        XCTAssertEqual(g.length("caret", "^"), 1)
    }

    func testEscapes() throws {
        let g = try compile(#"""
        lit   <- "\t\n\r\\\"\'\x41"
        lit2  <- '\''
        cls   <- [\]\-\\]+
        hex   <- [\x30-\x39]+
        high  <- "\xC2\xB9"
        """#)
        XCTAssertEqual(g.length("lit", "\t\n\r\\\"'A"), 7)
        XCTAssertEqual(g.length("lit2", "'"), 1)
        XCTAssertEqual(g.length("cls", "]-\\]x"), 4)
        XCTAssertEqual(g.length("hex", "0123a"), 4)
        XCTAssertEqual(g.length("high", "¹"), 2, "\\x escapes are raw bytes")
    }

    func testNonASCIICharactersInClassesAndLiterals() throws {
        let g = try compile(#"""
        sup    <- [¹²³]+
        mixed  <- [a-c¹–]+
        notSup <- [^¹²³ ]
        lit    <- "No¹"
        """#)
        XCTAssertEqual(g.length("sup", "¹²³x"), 6)
        XCTAssertNil(g.length("sup", "⁴"))
        XCTAssertEqual(g.length("mixed", "a¹–b"), 1 + 2 + 3 + 1)
        XCTAssertNil(g.length("notSup", "²"))
        XCTAssertNil(g.length("notSup", " "))
        XCTAssertEqual(g.length("notSup", "x"), 1)
        XCTAssertEqual(g.length("notSup", "é"), 1, "a negated class consumes one byte")
        XCTAssertEqual(g.length("lit", "No¹"), 4)
    }

    func testCaseInsensitiveLiterals() throws {
        let g = try compile(#"""
        r     <- "Decision"i
        one   <- "a"i
        mixed <- "e/cn.15-"i
        i     <- "x"
        notCI <- "a" i
        """#)
        for s in ["decision", "DECISION", "Decision", "dEcIsIoN"] { XCTAssertEqual(g.length("r", s), 8, s) }
        XCTAssertNil(g.length("r", "decisio"))
        XCTAssertEqual(g.length("one", "A"), 1)
        XCTAssertEqual(g.length("one", "a"), 1)
        XCTAssertEqual(g.length("mixed", "E/CN.15-"), 8)
        XCTAssertNil(g.length("mixed", "E/CN.15\r"), "only letters fold: '-' is not '\\r'")
        XCTAssertEqual(g.length("notCI", "ax"), 2, "an 'i' after white space is a rule reference")
    }

    func testRulesCommentsAndContinuationLines() throws {
        let g = try compile("""
        # a comment at the top
        r <- "a"   # a comment after a rule
             / "b" # and on a continuation line
        # a comment between the lines of a rule
             / s

        s <- "c" "#"
        """)
        XCTAssertEqual(g.ruleNames, ["r", "s"])
        XCTAssertEqual(g.length("r", "b"), 1)
        XCTAssertEqual(g.length("r", "c#"), 2, "'#' inside a literal is not a comment")
        XCTAssertNil(g.length("r", "c"))
    }

    func testCarriageReturnLineEndings() throws {
        let g = try compile("r <- \"a\"\r\n     \"b\"\r\ns <- r\r\n")
        XCTAssertEqual(g.length("s", "ab"), 2)
    }

    func testByteOrderMarkIsIgnored() throws {
        let g = try compile("\u{FEFF}r <- \"a\"\n")
        XCTAssertEqual(g.ruleNames, ["r"])
    }

    func testEmptyLiteralMatchesEmpty() throws {
        let g = try compile(#"""
        r <- "" "a"
        """#)
        XCTAssertEqual(g.length("r", "a"), 1)
    }

    func testEndLimitsMatching() throws {
        let g = try compile(#"""
        r <- [a-z]+
        lit <- "abc"
        """#)
        let bytes = Array("abcdef".utf8)
        XCTAssertEqual(g.match(g.ruleID("r")!, in: bytes, at: 1, end: 4)?.range, 1..<4)
        XCTAssertNil(g.match(g.ruleID("lit")!, in: bytes, at: 0, end: 2))
        XCTAssertNil(g.match(g.ruleID("r")!, in: bytes, at: 7))
        XCTAssertNil(g.match(g.ruleID("r")!, in: bytes, at: 6))
    }

    func testEmptyInput() throws {
        let g = try compile(#"""
        r <- "a"*
        s <- "a"
        """#)
        XCTAssertEqual(g.match(g.ruleID("r")!, in: [UInt8](), at: 0)?.range, 0..<0)
        XCTAssertNil(g.match(g.ruleID("s")!, in: [UInt8](), at: 0))
        XCTAssertEqual(g.scan(g.ruleID("s")!, in: [UInt8]()).count, 0)
    }

    func testRuleMetadata() throws {
        let g = try compile(#"""
        r <- "a" / "B" <Thing>
        s <- "x"*
        """#)
        let r = g.ruleID("r")!
        XCTAssertNil(g.ruleID("nope"))
        XCTAssertEqual(g.name(of: r), "r")
        XCTAssertEqual(g.type(of: r), "Thing")
        XCTAssertNil(g.type(of: g.ruleID("s")!))
        XCTAssertEqual(g.firstBytes(of: r), ByteSet(characters: "aB"))
        XCTAssertFalse(g.canMatchEmpty(r))
        XCTAssertTrue(g.canMatchEmpty(g.ruleID("s")!))
        XCTAssertEqual(g.firstBytes(of: g.ruleID("s")!), ByteSet(characters: "x"))
    }

    func testFirstByteSets() throws {
        let g = try compile(#"""
        a <- "decision"i / "resolution"i / [0-9]
        b <- &[a-c] [b-z]
        c <- !"x" [w-z]
        d <- e? "q"
        e <- "p"
        f <- ("x" "y")+ / "¹"
        g <- "a"? !"c" "b"? "z"
        h <- &[m-z] "x"? [a-m]
        """#)
        XCTAssertEqual(g.firstBytes(of: g.ruleID("a")!), ByteSet(characters: "dDrR0123456789"))
        XCTAssertEqual(g.firstBytes(of: g.ruleID("b")!), ByteSet(characters: "bc"))
        XCTAssertEqual(g.firstBytes(of: g.ruleID("c")!), ByteSet(characters: "wxyz"))
        XCTAssertEqual(g.firstBytes(of: g.ruleID("d")!), ByteSet(characters: "pq"), "an optional first element adds its bytes")
        XCTAssertEqual(g.firstBytes(of: g.ruleID("g")!), ByteSet(characters: "abz"))
        XCTAssertEqual(g.firstBytes(of: g.ruleID("h")!), ByteSet(characters: "mx"), "&[m-z] narrows what follows it")
        XCTAssertEqual(g.firstBytes(of: g.ruleID("f")!), ByteSet([UInt8(ascii: "x"), 0xC2]))
    }

    func testByteSet() {
        var set = ByteSet(characters: "az")
        XCTAssertTrue(set.contains(UInt8(ascii: "a")))
        XCTAssertFalse(set.contains(UInt8(ascii: "b")))
        set.insert(200)
        XCTAssertTrue(set.contains(200))
        XCTAssertEqual(set.count, 3)
        XCTAssertEqual(set.union(ByteSet([5])).count, 4)
        XCTAssertEqual(set.intersection(ByteSet([200, 5])), ByteSet([200]))
        XCTAssertEqual(set.complement.count, 253)
        XCTAssertEqual(ByteSet.all.count, 256)
        XCTAssertTrue(ByteSet().isEmpty)
        XCTAssertEqual(ByteSet.wordCharacters.count, 62)
        XCTAssertTrue(ByteSet.wordCharacters.contains(UInt8(ascii: "Q")))
        XCTAssertFalse(ByteSet.wordCharacters.contains(UInt8(ascii: "_")))
        XCTAssertEqual(ByteSet(range: 0...63).union(ByteSet(range: 192...255)).count, 128)
        XCTAssertEqual(ByteSet(characters: "ab").bytes, [97, 98])
    }
}
