import Foundation
import Testing
import UNDocModel
@testable import UNDocParser

/// The ids internal pointers resolve against are every element the model holds.
@Suite("element ids")
struct ElementIDTests {
    @Test("elementIDs holds the text elements, decisions, recommendations, annexes and sections",
          arguments: ["001_caccf940e690384d.txt", "002_02cf9ff3ef13c05f.txt", "003_d14f16574e34a7cb.txt"])
    func sameAsTheWalker(_ file: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus").appendingPathComponent(file)
        let (document, _) = try Fixture.parse(try String(contentsOf: url, encoding: .utf8))
        var expected = Set(document.textElements().map(\.id))
        expected.formUnion(document.decisions.map(\.element))
        expected.formUnion(document.recommendations.map(\.element))
        expected.formUnion(document.annexes.map(\.id))
        func sections(_ list: [Section]) {
            for section in list {
                expected.insert(section.id)
                sections(section.children)
            }
        }
        sections(document.sections)
        #expect(DocumentParser.elementIDs(document) == expected)
        #expect(expected.count > 40)
    }
}
