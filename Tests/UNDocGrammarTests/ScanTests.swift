import XCTest
@testable import UNDocGrammar

final class ScanTests: XCTestCase {
    let grammar = #"""
    ref    <- ("decision"i / "resolution"i) " "+ number:([0-9]+ "/" [0-9]+)  <Ref>
    num    <- [0-9]+
    maybe  <- "x"*
    """#

    func testScanFindsTokensAtWordStarts() throws {
        let g = try compile(grammar)
        let text = "See decision 3/2 and Resolution 55/25; predecision 1/1, indecision 2/2."
        let matches = g.scan(g.ruleID("ref")!, in: text)
        XCTAssertEqual(matches.map { $0.text(in: text) }, ["decision 3/2", "Resolution 55/25"])
        XCTAssertEqual(matches.map { $0.root?.first("number")?.text(in: text) }, ["3/2", "55/25"])
        XCTAssertEqual(matches[0].range, 4..<16)
    }

    func testScanWithoutBoundaryMatchesInsideWords() throws {
        let g = try compile(grammar)
        let text = "predecision 1/1 x12y"
        XCTAssertEqual(g.scanTexts("ref", text, boundary: nil), ["decision 1/1"])
        XCTAssertEqual(g.scanTexts("num", text, boundary: nil), ["1", "1", "12"])
        XCTAssertEqual(g.scanTexts("num", text), ["1", "1"], "12 in x12y does not start a token")
    }

    func testCustomBoundary() throws {
        let g = try compile(grammar)
        // Only "a" and "b" are word characters here: "1" after "a" and the first "2" after "b" are
        // inside tokens, while the second "2" (after a "2") and "3" (after a "c") start one.
        XCTAssertEqual(g.scanTexts("num", "a1 -7 b22 c3", boundary: ByteSet(characters: "ab")), ["7", "2", "3"])
    }

    func testMatchesDoNotOverlapAndEmptyMatchesAreSkipped() throws {
        let g = try compile(grammar)
        XCTAssertEqual(g.scanTexts("num", "123 45", boundary: nil), ["123", "45"])
        XCTAssertEqual(g.scanTexts("maybe", "axxbx", boundary: nil), ["xx", "x"])
    }

    func testScanRangeIsRespected() throws {
        let g = try compile(grammar)
        let bytes = Array("11 22 33 44".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let found = g.scan(g.ruleID("num")!, in: buffer, range: 4..<10)
            // Position 4 is the range start, so it counts as a token start even though bytes[3] is '2'.
            XCTAssertEqual(found.map(\.range), [4..<5, 6..<8, 9..<10])
            XCTAssertEqual(g.scan(g.ruleID("num")!, in: buffer, range: 5..<5).count, 0)
            XCTAssertEqual(g.scan(g.ruleID("num")!, in: buffer, range: 8..<100).map(\.range), [9..<11])
        }
    }

    func testChoiceOfManyLiteralsUsesFirstBytes() throws {
        // 60 organ-like names: the choice must pick the right one whatever the order.
        let names: [String] = (0..<60).map { (i: Int) -> String in
            let letter = String(UnicodeScalar(UInt8(65 + i % 26)))
            return "N\(letter)\(i)"
        }
        // Longest first, as PEG needs ("NF5" would otherwise win over "NF57").
        let alternatives = names.sorted { $0.count > $1.count }.map { "\"\($0)\"" }.joined(separator: " / ")
        let source = "organ <- \(alternatives)\nlist <- organ (\" \" organ)*\n"
        let g = try compile(source)
        let text = names.reversed().joined(separator: " ")
        XCTAssertEqual(g.length("list", text), text.utf8.count)
        XCTAssertEqual(g.scanTexts("organ", "x NB1 NZ25 NA0 N"), ["NB1", "NZ25", "NA0"])
    }

    func testScanSkipsPositionsByFirstByte() throws {
        // The rule would match anything after an "a"; a position is tried only where "a" can start it.
        let g = try compile(#"""
        r <- "a" .
        t <- &"b" .
        """#)
        XCTAssertEqual(g.scanTexts("r", "xa1 ba2 a", boundary: nil), ["a1", "a2"])
        XCTAssertEqual(g.scanTexts("t", "abcb", boundary: nil), ["b", "b"])
        XCTAssertEqual(g.firstBytes(of: g.ruleID("t")!), ByteSet(characters: "b"))
    }

    func testScanNeverReadsPastRangeEnd() throws {
        let g = try compile(#"""
        r <- "ab" !"c"
        """#)
        let bytes = Array("ab abc".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            // Within 0..<5 the "c" is invisible, so "ab" at 3 matches.
            XCTAssertEqual(g.scan(g.ruleID("r")!, in: buffer, range: 0..<5).map(\.range), [0..<2, 3..<5])
            XCTAssertEqual(g.scan(g.ruleID("r")!, in: buffer, range: 0..<6).map(\.range), [0..<2])
        }
    }

    /// The eight-bytes-at-a-time membership test agrees with the set on every byte, in every lane.
    func testBoundaryRangesAgreeWithTheSet() throws {
        let sets: [ByteSet] = [.wordCharacters, ByteSet.wordCharacters.union(ByteSet(characters: "/.-")),
                               ByteSet(characters: "ab"), ByteSet(range: 0x00...0x7F), ByteSet(characters: "x")]
        var generator = SystemRandomNumberGenerator()
        for set in sets {
            let ranges = try XCTUnwrap(ScanBoundary.Ranges(set), "\(set)")
            for _ in 0 ..< 2_000 {
                let word = UInt64.random(in: .min ... .max, using: &generator)
                let inside = ranges.members(word)
                for lane in 0 ..< 8 {
                    let byte = UInt8(truncatingIfNeeded: word >> UInt64(lane * 8))
                    XCTAssertEqual(inside >> UInt64(lane * 8 + 7) & 1 == 1, set.contains(byte), "\(set) \(byte)")
                }
            }
        }
        // Sets with bytes past ASCII or more than four ranges take the byte-at-a-time loop.
        XCTAssertNil(ScanBoundary.Ranges(ByteSet(range: 0x41...0xFF)))
        XCTAssertNil(ScanBoundary.Ranges(ByteSet(characters: "acegi")))
        XCTAssertNil(ScanBoundary.Ranges(ByteSet()))
    }

    /// On random text (ASCII, UTF-8 and control bytes), a scan finds what trying every token start
    /// finds, whether candidates are found eight bytes at a time or one by one.
    func testEightByteCandidateSearchMatchesBruteForce() throws {
        let g = try compile(grammar)
        let alphabet = Array("decision resolution DECISION 3/2 55/25 x1 é– .-/(".utf8) + [0x00, 0x0A, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for boundary in [ByteSet.wordCharacters, ByteSet.wordCharacters.union(ByteSet(characters: "/.-")), ByteSet(characters: "ab")] {
            for _ in 0 ..< 300 {
                let count = Int.random(in: 0 ... 300, using: &generator)
                var text = (0 ..< count).map { _ in alphabet.randomElement(using: &generator)! }
                if Bool.random(using: &generator) { text += Array(" decision 12/3".utf8) }
                text.withUnsafeBufferPointer { buffer in
                    let lower = buffer.isEmpty ? 0 : Int.random(in: 0 ..< buffer.count, using: &generator)
                    for name in ["ref", "num"] {
                        let rule = g.ruleID(name)!
                        XCTAssertEqual(g.scan(rule, in: buffer, range: lower ..< buffer.count, boundary: boundary),
                                       g.bruteForceScan(rule, in: buffer, range: lower ..< buffer.count, boundary: boundary),
                                       "\(name): \(String(decoding: text, as: UTF8.self))")
                    }
                }
            }
        }
    }
}
