import Foundation
import XCTest
@testable import UNDocGrammar

/// The multi-byte start prefilter: what the analysis computes, and that `scan` with it finds
/// exactly what an anchored `match` at every token start finds.
final class PrefilterTests: XCTestCase {
    // MARK: - The prefix analysis

    func testCaseInsensitiveLiteralGivesEveryCaseOfItsFirstBytes() throws {
        let g = try compile(#"""
        r <- "decision"i " " [0-9]
        s <- "dEc"i
        t <- "De"i "C"
        """#)
        XCTAssertEqual(g.prefixStrings("r"), Set(caseVariants("dec").map { $0 + "…" }))
        XCTAssertEqual(g.prefixStrings("s"), Set(caseVariants("dec").map { $0 + "…" }))
        XCTAssertEqual(g.prefixStrings("t"), ["deC…", "dEC…", "DeC…", "DEC…"])
        for text in caseVariants("dec") { XCTAssertTrue(g.accepts("r", text + "ision 1")) }
        for text in ["dex", "de ", "ddd", "d3c", "decision 7"].map({ $0.uppercased() }) + ["dex", "de ", "ede"] {
            XCTAssertEqual(g.accepts("r", text), text.lowercased().hasPrefix("dec"), text)
        }
        XCTAssertFalse(g.accepts("r", "DECI"), "too short for a match: the sixteen-byte check says so")
        XCTAssertFalse(g.accepts("t", "dec"), "the 'C' of t is case-sensitive")
    }

    func testOptionalPrefixAddsWhatFollows() throws {
        let g = try compile(#"""
        r <- ("its"i " ")? "decision"
        """#)
        XCTAssertEqual(g.prefixStrings("r"), Set(caseVariants("its").map { $0 + "…" } + ["dec…"]))
        XCTAssertTrue(g.accepts("r", "its decision"))
        XCTAssertTrue(g.accepts("r", "decision"))
        XCTAssertFalse(g.accepts("r", "item"))
        XCTAssertFalse(g.accepts("r", "itself"), "three bytes fit; the sixteen-byte check does not")
        XCTAssertFalse(g.accepts("r", "its"), "three bytes fit, but a match is longer than the input")
        XCTAssertFalse(g.accepts("r", "dex"))
    }

    func testSixteenByteCheckTellsApartWordsThatShareThreeBytes() throws {
        let g = try compile(#"""
        r <- "contained in"i / "Council" / "paragraph"i
        s <- "decision"i [ \t]+ [0-9]+ "/" [0-9]+
        t <- "United Nations, Treaty Series"
        """#)
        for good in ["contained in", "Contained In the", "Council", "PARAGRAPH 3", "Paragraphs"] {
            XCTAssertTrue(g.accepts("r", good), good)
        }
        for bad in ["Conference", "contained", "Countries", "Parties", "paragon"] {
            XCTAssertFalse(g.accepts("r", bad), bad)
        }
        for good in ["decision 3/2", "Decision\t12/10", "decision  1/1"] { XCTAssertTrue(g.accepts("s", good), good) }
        for bad in ["decisions 3/2", "decision", "decision-1"] { XCTAssertFalse(g.accepts("s", bad), bad) }
        XCTAssertTrue(g.accepts("s", "decision x"), "a run is followed one byte in: the matcher rejects this one")
        XCTAssertTrue(g.accepts("t", "United Nations, Treaty Series, vol. 1"))
        XCTAssertFalse(g.accepts("t", "United Nations Convention"), "past the third byte, past the eighth")
        XCTAssertFalse(g.accepts("t", "United Nations,"), "a match is longer than the input")
    }

    func testNullableElementsLetTheFollowingOnesStart() throws {
        let g = try compile(#"""
        r <- "a"? "b"? "cd"
        s <- [xy]* "z"
        t <- "p" "q"? "r"? "s"
        """#)
        XCTAssertEqual(g.prefixStrings("r"), ["abc…", "acd…", "bcd…", "cd"])
        for good in ["abcd", "acd", "bcd", "cd", "cdx"] { XCTAssertTrue(g.accepts("r", good), good) }
        for bad in ["abd", "acc", "bd", "ce", "ba"] { XCTAssertFalse(g.accepts("r", bad), bad) }
        XCTAssertEqual(g.prefixStrings("s"), Set(["z", "xz", "yz"]
            + ["x", "y"].flatMap { a in ["x", "y"].flatMap { b in ["x", "y", "z"].map { a + b + $0 + "…" } } }))
        XCTAssertTrue(g.accepts("s", "z??"), "a one-byte match passes whatever follows")
        XCTAssertTrue(g.accepts("s", "xz"))
        XCTAssertFalse(g.accepts("s", "xa"))
        XCTAssertEqual(g.prefixStrings("t"), ["pqr…", "pqs…", "prs…", "ps"])
        XCTAssertTrue(g.accepts("t", "ps!"))
        XCTAssertFalse(g.accepts("t", "pp"))
        XCTAssertFalse(g.accepts("t", "pqq"))
    }

    func testChoicesUnite() throws {
        let g = try compile(#"""
        r <- "ab" / "cd" / "abx"
        """#)
        XCTAssertEqual(g.prefixStrings("r"), ["ab", "cd", "abx…"])
        XCTAssertTrue(g.accepts("r", "ab"))
        XCTAssertTrue(g.accepts("r", "cdcd"))
        XCTAssertFalse(g.accepts("r", "ad"))
        XCTAssertFalse(g.accepts("r", "cb"))
    }

    func testCallsAreFollowed() throws {
        let g = try compile(#"""
        r     <- inner "x"
        inner <- "ab" / "c"
        typed <- label:inner "y" <T>
        """#)
        XCTAssertEqual(g.prefixStrings("r"), ["abx…", "cx"])
        XCTAssertEqual(g.prefixStrings("typed"), ["aby…", "cy"])
        XCTAssertTrue(g.accepts("r", "cx"))
        XCTAssertFalse(g.accepts("r", "cy"))
        XCTAssertFalse(g.accepts("r", "abc"))
    }

    func testRecursiveRulesStaySound() throws {
        let g = try compile(#"""
        nest <- "(" nest ")" / "x"
        list <- item ("," list)?
        item <- [a-z]
        """#)
        for good in ["x", "(x)", "((x))", "(((x)))"] {
            let input = Array(good.utf8)
            XCTAssertNotNil(g.match(g.ruleID("nest")!, in: input), good)
            XCTAssertTrue(g.accepts("nest", good), good)
        }
        XCTAssertFalse(g.accepts("nest", "()"))
        XCTAssertTrue(g.accepts("list", "a,b"))
        XCTAssertTrue(g.accepts("list", "ab"), "a one-letter list")
    }

    func testLookaheadsAreTransparent() throws {
        let g = try compile(#"""
        r <- !"ab" [a-z] [a-z]
        s <- &"a" [a-z]+ "!"
        u <- [^é] "x"
        """#)
        // Nothing the matcher accepts is rejected; what the lookahead rules out may pass.
        XCTAssertTrue(g.accepts("r", "ac"))
        XCTAssertFalse(g.accepts("r", "a1"))
        XCTAssertTrue(g.accepts("s", "a!"))
        XCTAssertTrue(g.accepts("s", "ab!"))
        XCTAssertFalse(g.accepts("s", "a?"))
        XCTAssertTrue(g.accepts("u", "ax"))
        XCTAssertFalse(g.accepts("u", "ay"))
    }

    func testMultiByteCharactersAndClasses() throws {
        let g = try compile(#"""
        r <- "¹" "x" / [é] "y"
        """#)
        XCTAssertTrue(g.accepts("r", "¹x"))
        XCTAssertTrue(g.accepts("r", "éy"))
        XCTAssertFalse(g.accepts("r", "¹y"))
        XCTAssertFalse(g.accepts("r", "éx"))
        XCTAssertEqual(g.scanTexts("r", "a ¹x éy ¹y", boundary: nil), ["¹x", "éy"])
    }

    func testRulesThatWouldRejectNothingAreUnfiltered() throws {
        let g = try compile(#"""
        any    <- .+
        word   <- [a-z]+
        one    <- [a-z]
        short  <- "a" / "b"
        filtered <- [a-z] [0-9]
        """#)
        XCTAssertNil(g.program.prefilters[Int(g.ruleID("any")!.index)])
        XCTAssertNil(g.program.prefilters[Int(g.ruleID("one")!.index)])
        XCTAssertNil(g.program.prefilters[Int(g.ruleID("short")!.index)])
        // A word of one letter is a whole match, so any second byte may follow.
        XCTAssertNil(g.program.prefilters[Int(g.ruleID("word")!.index)])
        XCTAssertNotNil(g.program.prefilters[Int(g.ruleID("filtered")!.index)])
        XCTAssertFalse(g.accepts("filtered", "ab"))
        let structure = try Grammar(source: EmbeddedGrammars.files["structure.peg"]!, fileName: "structure.peg")
        XCTAssertNil(structure.program.prefilters[Int(structure.ruleID("line")!.index)], "line can be any text")
    }

    func testManyAlternativesAreCoarsenedSoundly() throws {
        // More alternatives than the analysis keeps apart: the patterns are merged, never lost.
        var generator = SplitMix(seed: 7)
        let words: [String] = (0 ..< 400).map { _ in
            String((0 ..< Int(generator.next() % 5 + 1)).map { _ in Character(UnicodeScalar(UInt8(97 + generator.next() % 26))) })
        }
        let source = "r <- (" + words.map { "\"\($0)\"i" }.joined(separator: " / ") + ") (" +
            words.prefix(150).map { "\"\($0)\"" }.joined(separator: " / ") + ")\n"
        let g = try compile(source)
        XCTAssertLessThanOrEqual(g.program.rulePrefixes[0].count, PrefixPatterns.maximumCount)
        for (i, w) in words.enumerated() {
            let text = w.uppercased() + words[(i * 7) % 150] + "zz"
            XCTAssertTrue(g.accepts("r", text), text)
        }
    }

    // MARK: - Short matches and the end of the range

    func testShortMatchesNearTheEndOfTheRangeAreFound() throws {
        let g = try compile(#"""
        r <- "abc" / "ab" / "x"
        s <- "abcd" "e"?
        """#)
        XCTAssertNotNil(g.program.prefilters[Int(g.ruleID("r")!.index)])
        let bytes = Array("ab abc x abx abcd".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let r = g.ruleID("r")!
            for end in 0 ... buffer.count {
                XCTAssertEqual(g.scan(r, in: buffer, range: 0 ..< end, boundary: nil),
                               g.bruteForceScan(r, in: buffer, range: 0 ..< end, boundary: nil), "end \(end)")
            }
            // "abc" cut to "ab" by the end of the range; "x" as the last byte; "ab" before an "x".
            XCTAssertEqual(g.scan(r, in: buffer, range: 3 ..< 5).map(\.range), [3 ..< 5])
            XCTAssertEqual(g.scan(r, in: buffer, range: 7 ..< 8).map(\.range), [7 ..< 8])
            XCTAssertEqual(g.scan(r, in: buffer, range: 9 ..< 12).map(\.range), [9 ..< 11])
            XCTAssertEqual(g.scan(r, in: buffer, range: 9 ..< 12, boundary: nil).map(\.range), [9 ..< 11, 11 ..< 12])
            let s = g.ruleID("s")!
            XCTAssertEqual(g.scan(s, in: buffer, range: 13 ..< 17).map(\.range), [13 ..< 17])
            XCTAssertEqual(g.scan(s, in: buffer, range: 13 ..< 16).map(\.range), [])
        }
        XCTAssertEqual(g.scanTexts("r", "x"), ["x"])
        XCTAssertEqual(g.scanTexts("r", "ab"), ["ab"])
        XCTAssertEqual(g.scanTexts("r", "zab", boundary: nil), ["ab"])
    }

    // MARK: - scan against a brute-force anchored match, on the real grammars

    func testRealGrammarsOnTheCorpus() throws {
        let texts = try corpusTexts()
        XCTAssertFalse(texts.isEmpty)
        let cases: [(file: String, rule: String, boundary: ByteSet?)] = [
            ("references.peg", "token", .wordCharacters),
            ("symbols.peg", "symbolGroup", ByteSet.wordCharacters.union(ByteSet(characters: "/.-"))),
            ("structure.peg", "line", .wordCharacters),
            ("references.peg", "token", nil),
            ("symbols.peg", "symbolGroup", nil),
        ]
        var found = 0
        for (file, name, boundary) in cases {
            let g = try Grammar(source: EmbeddedGrammars.files[file]!, fileName: file)
            let plain = g.withoutPrefilters
            let rule = g.ruleID(name)!
            for text in texts {
                text.withUnsafeBufferPointer { buffer in
                    // Whole files, then each line, as ReferenceRecognizer scans one element at a time.
                    let whole = g.scan(rule, in: buffer, range: 0 ..< buffer.count, boundary: boundary)
                    XCTAssertEqual(whole, g.bruteForceScan(rule, in: buffer, range: 0 ..< buffer.count, boundary: boundary, plain: plain), "\(file) \(name)")
                    found += whole.count
                    for line in lines(buffer) {
                        let scanned = g.scan(rule, in: buffer, range: line, boundary: boundary)
                        let expected = g.bruteForceScan(rule, in: buffer, range: line, boundary: boundary, plain: plain)
                        if scanned != expected {
                            XCTFail("\(file) \(name): \(String(decoding: buffer[line], as: UTF8.self))")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(found, 100)
    }

    /// Every position of the corpus where a scanned rule matches passes its prefilter (not only
    /// the positions a scan reaches). `testAnchoredMatchesAreUnchangedByCallFilters` checks
    /// every other rule, on one file.
    func testNoMatchIsRejectedAnywhereInTheCorpus() throws {
        let texts = try corpusTexts()
        for (file, name) in [("references.peg", "token"), ("references.peg", "reference"),
                             ("references.peg", "relation"), ("symbols.peg", "symbolGroup")] {
            let g = try Grammar(source: EmbeddedGrammars.files[file]!, fileName: file)
            let plain = g.withoutPrefilters
            let rule = g.ruleID(name)!
            XCTAssertNotNil(g.program.prefilters[Int(rule.index)], name)
            let starts = g.firstBytes(of: rule)
            for text in texts {
                text.withUnsafeBufferPointer { buffer in
                    for line in lines(buffer) {
                        // Where the first byte cannot start the rule, scan never tried before either.
                        for p in line where starts.contains(buffer[p]) && !g.scanTries(rule, in: buffer, at: p, end: line.upperBound) {
                            if let m = plain.match(rule, in: buffer, at: p, end: line.upperBound), !m.range.isEmpty {
                                XCTFail("\(file) \(name) rejected at a match: \(String(decoding: buffer[m.range], as: UTF8.self))")
                            }
                        }
                    }
                }
            }
        }
    }

    /// Anchored matches run the prefilters of the rules they call: every rule of every grammar
    /// matches as it does without them, wherever its first byte allows, in one corpus file; and
    /// its own prefilter passes wherever it matches.
    func testAnchoredMatchesAreUnchangedByCallFilters() throws {
        let text = try corpusTexts()[0]
        var compared = 0
        for file in ["references.peg", "symbols.peg", "structure.peg"] {
            let g = try Grammar(source: EmbeddedGrammars.files[file]!, fileName: file)
            let plain = g.withoutPrefilters
            for name in g.ruleNames {
                let rule = g.ruleID(name)!
                let starts = g.firstBytes(of: rule)
                text.withUnsafeBufferPointer { buffer in
                    for line in lines(buffer) {
                        for p in line where starts.contains(buffer[p]) {
                            let expected = plain.match(rule, in: buffer, at: p, end: line.upperBound)
                            if g.match(rule, in: buffer, at: p, end: line.upperBound) != expected {
                                XCTFail("\(file) \(name) at \(p): \(String(decoding: buffer[line], as: UTF8.self))")
                            }
                            if let expected, !expected.range.isEmpty, !g.scanTries(rule, in: buffer, at: p, end: line.upperBound) {
                                XCTFail("\(file) \(name) rejected at a match: \(String(decoding: buffer[expected.range], as: UTF8.self))")
                            }
                            compared += 1
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 10_000)
    }

    func testRealGrammarsOnAdversarialStrings() throws {
        // Pieces of the grammars' own words, cut and recased, glued at random.
        let pieces = ["decision", "Decisions", "DECISION", "deci", "dec", "de", "d", "resolution", "Resolutions",
                      "res", "recommendation", "rec", "re", "paragraph", "paragraphs", "para.", "paras.", "par",
                      "chapter", "chap.", "cha", "annex", "annexes", "Annex", "ann", "article", "articles", "art",
                      "United Nations", "United", "Uni", "Un", "Ibid.", "Ibi", "its", "it", "this", "thi", "th",
                      "framework", "fra", "General Assembly", "Economic and Social Council", "Security Council",
                      "Council", "Co", "Assembly", "further to", "fur", "recalling", "noting", "not", "pursuant to",
                      "pur", "in accordance with", "in ", "in", "see", "se", "See", "adopted", "ado", "as set out in",
                      "as ", "contained in", "con", "mentioned in", "men", "of the", "the present report", "above",
                      "below", "CTOC/COP", "A/RES/55/25", "S/RES/1325 (2000)", "E/", "A/", "L.1", "Add.1-3", "Corr.1",
                      "Rev.", "and", "Treaty Series", ", vol. ", "No. ", " ", "  ", ", ", ". ", "/", "(", ")", "(a)",
                      "-", "–", "\t", "1", "3/2", "55/25", "2004/68/JHA", "17", "II", "IV", "x", "X", "é", "¹", "\u{00}",
                      "Distr.: General", "Original: English", "Item 6 of the provisional agenda*", "Contents", "Notes",
                      "Decision 3/2", "Annex I", "<sup>3</sup>", "IV. ", "A. ", "17. ", ". . . .", "\t4-34\t13"]
        var generator = SplitMix(seed: 2024)
        let grammars: [(Grammar, Grammar, String, ByteSet?)] = try [
            ("references.peg", "token", ByteSet.wordCharacters), ("symbols.peg", "symbolGroup", nil),
            ("structure.peg", "line", ByteSet.wordCharacters), ("references.peg", "relation", nil),
            ("references.peg", "resolutionRef", ByteSet.wordCharacters),
        ].map { file, rule, boundary in
            let g = try Grammar(source: EmbeddedGrammars.files[file]!, fileName: file)
            return (g, g.withoutPrefilters, rule, boundary)
        }
        for _ in 0 ..< 400 {
            var text: [UInt8] = []
            for _ in 0 ..< Int(generator.next() % 12 + 1) {
                text += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
                if generator.next() % 5 == 0 { text.append(UInt8(truncatingIfNeeded: generator.next())) }
            }
            let a = Int(generator.next() % UInt64(text.count + 1))
            let b = Int(generator.next() % UInt64(text.count + 1))
            let ranges = [0 ..< text.count, min(a, b) ..< max(a, b)]
            text.withUnsafeBufferPointer { buffer in
                for (g, plain, name, boundary) in grammars {
                    let rule = g.ruleID(name)!
                    for range in ranges {
                        let scanned = g.scan(rule, in: buffer, range: range, boundary: boundary)
                        let expected = g.bruteForceScan(rule, in: buffer, range: range, boundary: boundary, plain: plain)
                        if scanned != expected {
                            XCTFail("\(name) \(range) in \(Array(buffer).debugDescription): \(scanned.map(\.range)) vs \(expected.map(\.range))")
                        }
                        for p in range where !g.scanTries(rule, in: buffer, at: p, end: range.upperBound) {
                            if let m = plain.match(rule, in: buffer, at: p, end: range.upperBound), !m.range.isEmpty {
                                XCTFail("\(name) rejected a match at \(p) in \(Array(buffer))")
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: - Random grammars

    /// Small random grammars over a few bytes, with every operator, scanned over random input.
    func testRandomGrammarsAgainstBruteForce() throws {
        var generator = SplitMix(seed: 99)
        var compiled = 0
        var filtered = 0
        for _ in 0 ..< 600 {
            let ruleCount = Int(generator.next() % 3 + 1)
            let source = (0 ..< ruleCount).map { i in
                "r\(i) <- " + randomExpression(&generator, depth: 3, rules: ruleCount)
            }.joined(separator: "\n") + "\n"
            guard let g = try? Grammar(source: source, fileName: "random.peg") else { continue }
            let plain = g.withoutPrefilters
            compiled += 1
            for name in g.ruleNames {
                let rule = g.ruleID(name)!
                if g.program.prefilters[Int(rule.index)] != nil { filtered += 1 }
                for _ in 0 ..< 12 {
                    let alphabet = Array("abcAB .x".utf8)
                    let text = (0 ..< Int(generator.next() % 14)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                    text.withUnsafeBufferPointer { buffer in
                        for boundary in [nil, ByteSet.wordCharacters] {
                            let scanned = g.scan(rule, in: buffer, range: 0 ..< buffer.count, boundary: boundary)
                            let expected = g.bruteForceScan(rule, in: buffer, range: 0 ..< buffer.count, boundary: boundary, plain: plain)
                            if scanned != expected {
                                XCTFail("\(source) \(name) on \(String(decoding: text, as: UTF8.self)): \(scanned.map(\.range)) vs \(expected.map(\.range))")
                            }
                        }
                        // Anchored matches, which run the rule calls' prefilters, against the
                        // same grammar without them; and no match where scan would not try.
                        for end in 0 ... buffer.count {
                            for p in 0 ... end {
                                let expected = plain.match(rule, in: buffer, at: p, end: end)
                                if g.match(rule, in: buffer, at: p, end: end) != expected {
                                    XCTFail("\(source) \(name) match at \(p) ..< \(end) in \(String(decoding: text, as: UTF8.self))")
                                }
                                if let expected, !expected.range.isEmpty, !g.scanTries(rule, in: buffer, at: p, end: end) {
                                    XCTFail("\(source) \(name) rejected a match at \(p) ..< \(end) in \(String(decoding: text, as: UTF8.self))")
                                }
                            }
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(compiled, 200)
        XCTAssertGreaterThan(filtered, 100)
    }

    private func randomExpression(_ g: inout SplitMix, depth: Int, rules: Int) -> String {
        let leaves = ["\"a\"", "\"ab\"", "\"abc\"", "\"ba\"i", "\"Ab\"i", "[ab]", "[^a]", ".", "\"x\"", "\" \"", "[a-c]"]
        if depth == 0 || g.next() % 4 == 0 {
            if g.next() % 5 == 0 { return "r\(g.next() % UInt64(rules))" }
            return leaves[Int(g.next() % UInt64(leaves.count))]
        }
        let sub = { (g: inout SplitMix) in self.randomExpression(&g, depth: depth - 1, rules: rules) }
        switch g.next() % 9 {
        case 0, 1: return "(" + (0 ..< Int(g.next() % 3 + 2)).map { _ in sub(&g) }.joined(separator: " ") + ")"
        case 2, 3: return "(" + (0 ..< Int(g.next() % 3 + 2)).map { _ in sub(&g) }.joined(separator: " / ") + ")"
        case 4: return "(" + sub(&g) + ")?"
        case 5: return "(" + sub(&g) + ")*"
        case 6: return "(" + sub(&g) + ")+"
        case 7: return "&(" + sub(&g) + ")"
        default: return "!(" + sub(&g) + ")"
        }
    }

    // MARK: - Helpers

    private func caseVariants(_ word: String) -> [String] {
        word.reduce([""]) { partial, c in
            let forms = Set([String(c).lowercased(), String(c).uppercased()])
            return partial.flatMap { p in forms.map { p + $0 } }
        }
    }

    private func corpusTexts() throws -> [[UInt8]] {
        let corpus = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus")
        return try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { Array(try Data(contentsOf: corpus.appendingPathComponent($0))) }
    }

    private func lines(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in 0 ..< buffer.count where buffer[i] == 0x0A {
            result.append(start ..< i)
            start = i + 1
        }
        result.append(start ..< buffer.count)
        return result
    }
}

extension Grammar {
    /// What `scan` must find, by trying an anchored `match` at every token start with the
    /// prefilters off (in `scan` and in rule calls alike): no start table, no prefilter.
    func bruteForceScan(_ rule: RuleID, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
                        boundary: ByteSet?, plain: Grammar? = nil) -> [Match] {
        let plain = plain ?? withoutPrefilters
        let upper = min(range.upperBound, bytes.count)
        var found: [Match] = []
        var p = max(range.lowerBound, 0)
        var afterWord = false
        while p < upper {
            if !afterWord, let m = plain.match(rule, in: bytes, at: p, end: upper), !m.range.isEmpty {
                found.append(m)
                p = m.range.upperBound
                afterWord = boundary?.contains(bytes[p - 1]) ?? false
                continue
            }
            afterWord = boundary?.contains(bytes[p]) ?? false
            p += 1
        }
        return found
    }

    /// The start strings of `rule`'s patterns, each ending in "…" when it is a start of a longer match.
    func prefixStrings(_ name: String) -> Set<String> {
        var result = Set<String>()
        for p in program.rulePrefixes[Int(ruleID(name)!.index)] where p.length > 0 {
            var strings = [[UInt8]()]
            for i in 0 ..< p.length { strings = strings.flatMap { s in p[i].bytes.map { s + [$0] } } }
            for s in strings { result.insert(String(decoding: s, as: UTF8.self) + (p.isFull ? "…" : "")) }
        }
        return result
    }

    /// Whether `scan` would try `rule` at the start of `text` (scanned to its end).
    func accepts(_ name: String, _ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { scanTries(ruleID(name)!, in: $0, at: 0, end: $0.count) }
    }
}
