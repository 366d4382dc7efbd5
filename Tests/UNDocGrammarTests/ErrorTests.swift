import XCTest
@testable import UNDocGrammar

final class ErrorTests: XCTestCase {
    func testErrorFields() {
        do {
            _ = try Grammar(source: "a <- \"x\"\norgan <- \"A\n", fileName: "symbols.peg")
            XCTFail("should not compile")
        } catch {
            XCTAssertEqual(error.fileName, "symbols.peg")
            XCTAssertEqual(error.line, 2)
            XCTAssertEqual(error.rule, "organ")
            XCTAssertEqual(error.message, "unterminated literal")
            XCTAssertEqual(error.description, "symbols.peg:2: rule 'organ': unterminated literal")
        }
    }

    func testSyntaxErrors() {
        let cases: [(String, String)] = [
            ("a <- \"x\n", "test.peg:1: rule 'a': unterminated literal"),
            ("a <- 'x\n", "test.peg:1: rule 'a': unterminated literal"),
            ("a <- \"x\"\n\nb <- [a-z\n", "test.peg:3: rule 'b': unterminated character class"),
            ("a <- []", "test.peg:1: rule 'a': empty character class"),
            ("a <- [^]", "test.peg:1: rule 'a': empty character class"),
            ("a <- [z-a]", "test.peg:1: rule 'a': invalid range in character class: 'z' comes after 'a'"),
            ("a <- [a-é]", "test.peg:1: rule 'a': a range in a character class must be between ASCII characters or \\x bytes; list other characters one by one"),
            ("a <- \"\\q\"", "test.peg:1: rule 'a': unknown escape '\\q'"),
            ("a <- \"\\x4\"", "test.peg:1: rule 'a': invalid escape: \\x must be followed by two hexadecimal digits"),
            ("a <- \"x\" \"\\", "test.peg:1: rule 'a': unfinished escape at the end of the line"),
            ("a <- ", "test.peg:1: rule 'a': expected an expression"),
            ("a <- \"x\" /\n\n  # comment\n\nb <- \"y\"", "test.peg:1: rule 'a': expected an expression"),
            ("a <- (\n", "test.peg:1: rule 'a': missing ')' for the '(' here"),
            ("a \"x\"", "test.peg:1: rule 'a': expected '<-' after the rule name"),
            ("a <- \"x\" /", "test.peg:1: rule 'a': expected an expression"),
            ("a <- / \"x\"", "test.peg:1: rule 'a': expected an expression before '/'"),
            ("a <- (\"x\"", "test.peg:1: rule 'a': missing ')' for the '(' here"),
            ("a <- \"x\")", "test.peg:1: rule 'a': unexpected ')'"),
            ("a <- ()", "test.peg:1: rule 'a': expected an expression before ')'"),
            ("a <- \"x\" @", "test.peg:1: rule 'a': unexpected '@'"),
            ("a <- \"x\" é", "test.peg:1: rule 'a': unexpected 'é'"),
            ("a <- \"x\" <T> \"y\"", "test.peg:1: rule 'a': unexpected '\"' after <T> (the type must end the rule)"),
            ("a <- \"x\" <T> / \"y\" <T>", "test.peg:1: rule 'a': unexpected '/' after <T> (the type must end the rule)"),
            ("a <- (\"x\" <T>)", "test.peg:1: rule 'a': a type <Type> may only come at the very end of a rule"),
            ("a <- \"x\" <T", "test.peg:1: rule 'a': expected '>' after the type name"),
            ("a <- \"x\" <>", "test.peg:1: rule 'a': expected a type name after '<'"),
            ("a <- \"x\"\n  b <- \"y\"", "test.peg:2: rule 'a': unexpected '<-' (a new rule must start at the beginning of a line)"),
            ("a <- \"x\"\n\"y\"", "test.peg:2: expected a rule name (a line that continues a rule must start with white space)"),
            ("  a <- \"x\"", "test.peg:1: indented line before the first rule (a rule must start at the beginning of a line)"),
            ("a <- x: ", "test.peg:1: rule 'a': expected an expression after 'x:'"),
            ("a <- \"x\" !", "test.peg:1: rule 'a': expected an expression after '!'"),
            ("# only a comment\n", "test.peg:1: the grammar has no rules"),
            ("", "test.peg:1: the grammar has no rules"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(compileError(source), expected, source)
        }
    }

    func testUndefinedAndDuplicateRules() {
        XCTAssertEqual(compileError("a <- b\n"), "test.peg:1: rule 'a': undefined rule 'b'")
        XCTAssertEqual(compileError("a <- \"x\"\n   / lbl:missing\n"), "test.peg:2: rule 'a': undefined rule 'missing'")
        XCTAssertEqual(compileError("a <- \"x\"\nb <- \"y\"\na <- \"z\"\n"),
                       "test.peg:3: rule 'a': duplicate rule (first defined on line 1)")
        // The earliest error in the file is the one reported.
        XCTAssertEqual(compileError("a <- \"x\"\nb <- c\na <- \"z\"\n"), "test.peg:2: rule 'b': undefined rule 'c'")
    }

    func testLeftRecursionIsRejected() {
        XCTAssertEqual(compileError("a <- a \"x\" / \"y\"\n"),
                       "test.peg:1: rule 'a': left recursion: a -> a (a rule reaches itself without consuming input)")
        XCTAssertEqual(compileError("a <- \"q\" / b \"x\"\nb <- c? a\nc <- \"c\"\n"),
                       "test.peg:1: rule 'a': left recursion: a -> b -> a (a rule reaches itself without consuming input)")
        XCTAssertEqual(compileError("s <- \"s\"\na <- &b \"x\"\nb <- !\"z\" l:a\n"),
                       "test.peg:2: rule 'a': left recursion: a -> b -> a (a rule reaches itself without consuming input)")
        // Recursion after consuming input is fine.
        XCTAssertNoThrow(try Grammar(source: "a <- \"(\" a \")\" / \"x\"\n", fileName: "t"))
    }

    func testRepetitionOfEmptyIsRejected() {
        XCTAssertEqual(compileError("a <- (\"x\"?)*\n"),
                       "test.peg:1: rule 'a': '*' repeats an expression that can match nothing")
        XCTAssertEqual(compileError("a <- \"y\"\n     b+\nb <- \"x\"*\n"),
                       "test.peg:2: rule 'a': '+' repeats an expression that can match nothing")
        XCTAssertEqual(compileError("a <- (!\"x\")*\n"),
                       "test.peg:1: rule 'a': '*' repeats an expression that can match nothing")
        XCTAssertEqual(compileError("a <- \"\"+\n"),
                       "test.peg:1: rule 'a': '+' repeats an expression that can match nothing")
        // An optional of something empty is harmless.
        XCTAssertNoThrow(try Grammar(source: "a <- (\"x\"*)?\n", fileName: "t"))
    }

    func testPathologicalGrammarsFailCleanly() {
        let deep = "a <- " + String(repeating: "(", count: 5000) + "\"x\"" + String(repeating: ")", count: 5000)
        XCTAssertEqual(compileError(deep), "test.peg:1: rule 'a': expression nested too deeply (more than 200 levels)")
        let suffixes = "a <- \"x\"" + String(repeating: "?", count: 5000)
        XCTAssertNotNil(compileError(suffixes))
        let bangs = "a <- " + String(repeating: "!", count: 5000) + "\"x\""
        XCTAssertNotNil(compileError(bangs))
        // A long chain of rules compiles (the left-recursion check is not recursive).
        let chain = (0..<3000).map { "r\($0) <- r\($0 + 1) / \"x\"" }.joined(separator: "\n") + "\nr3000 <- \"y\"\n"
        XCTAssertNoThrow(try Grammar(source: chain, fileName: "t"))
        // Garbage of every byte does not crash the parser.
        var bytes = (0..<256).map { UInt8($0) }
        for seed in 0..<200 {
            var random = SplitMix(seed: UInt64(seed))
            bytes.shuffle(using: &random)
            let text = "r <- " + String(decoding: bytes.prefix(40), as: UTF8.self)
            _ = try? Grammar(source: text, fileName: "t")
        }
    }
}

/// A small deterministic random generator for the fuzz loop.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
