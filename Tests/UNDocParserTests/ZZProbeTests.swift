import XCTest
import UNDocIngest
@testable import UNDocParser

final class ZZProbeTests: XCTestCase {
    func testProbeScaling() throws {
        let grammars = try Fixture.grammars()
        for (label, sentence) in [("prose", "The Conference of the Parties considered the matter at length and took note of the views expressed. "),
                                  ("refs", "The Conference of the Parties, recalling its decision 3/2 and General Assembly resolution 55/25, annex II, considered the matter (see paragraph 1 above). ")] {
            for size in [250_000, 500_000, 1_000_000] {
                var text = "1. "
                while text.utf8.count < size { text += sentence }
                let start = Date()
                let source = try InputReader().decode(Array(text.utf8), name: "t.txt")
                let document = DocumentParser(grammars: grammars).parse(source)
                print("PROBE \(label) \(size) refs=\(document.references.count) \(Date().timeIntervalSince(start))s")
            }
        }
    }
}
