import XCTest
@testable import UNDocGrammar

/// `scan(_:in:range:boundary:forEach:)` reuses one capture tree for the matches its body does
/// not keep; the matches it keeps must stay as they were found.
final class ScanForEachTests: XCTestCase {
    let grammar = #"""
    ref    <- ("decision"i / "resolution"i) " "+ number:([0-9]+ "/" [0-9]+) (" and " also:[0-9]+)?  <Ref>
    """#

    func testForEachSeesWhatScanReturns() throws {
        let g = try Grammar(source: grammar, fileName: "test.peg")
        let rule = g.ruleID("ref")!
        let text = Array("See decision 3/2 and 4, resolution 55/25; decision 10/1 and 7, decision 1/1.".utf8)
        text.withUnsafeBufferPointer { bytes in
            let all = 0 ..< bytes.count
            let collected = g.scan(rule, in: bytes, range: all, boundary: .words)
            var seen: [Match] = []
            var kept: [Match] = []
            var numbers: [String?] = []
            g.scan(rule, in: bytes, range: all, boundary: .words) { match in
                // Read while the match is current, and keep every other one.
                numbers.append(match.root?.first("number")?.text(in: bytes))
                seen.append(match)
                if seen.count % 2 == 1 { kept.append(match) }
            }
            XCTAssertEqual(seen, collected)
            XCTAssertEqual(numbers, ["3/2", "55/25", "10/1", "1/1"])
            XCTAssertEqual(kept, [collected[0], collected[2]])
            XCTAssertEqual(kept.map { $0.root?.first("also")?.text(in: bytes) }, ["4", "7"])
        }
    }

    func testForEachReusesTreesItDoesNotKeep() throws {
        let g = try Grammar(source: grammar, fileName: "test.peg")
        let rule = g.ruleID("ref")!
        let text = Array("decision 1/1 and 2, decision 3/3, resolution 4/4 and 5, decision 6/6".utf8)
        text.withUnsafeBufferPointer { bytes in
            let all = 0 ..< bytes.count
            let collected = g.scan(rule, in: bytes, range: all, boundary: .words)
            var index = 0
            g.scan(rule, in: bytes, range: all, boundary: .words) { match in
                // Nothing kept: each match must still read as its own, not as an earlier one.
                XCTAssertEqual(match, collected[index])
                XCTAssertEqual(match.root?.first("also")?.text(in: bytes), collected[index].root?.first("also")?.text(in: bytes))
                index += 1
            }
            XCTAssertEqual(index, 4)
        }
    }
}
