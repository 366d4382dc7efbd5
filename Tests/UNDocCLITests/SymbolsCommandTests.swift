import Foundation
import Testing

@Suite("undoc symbols")
struct SymbolsCommandTests {
    @Test("spells out collective forms from standard input")
    func collective() throws {
        let result = try CLI.run(["symbols"], stdin: "adopted the report (CTOC/COP/2006/L.1 and Add.1-3).\n")
        #expect(result.status == 0)
        for symbol in ["CTOC/COP/2006/L.1\t", "CTOC/COP/2006/L.1/Add.1\t", "CTOC/COP/2006/L.1/Add.2\t", "CTOC/COP/2006/L.1/Add.3\t"] {
            #expect(result.stdout.contains(symbol))
        }
    }

    @Test("--unique --format json lists each symbol once with its components")
    func uniqueJSON() throws {
        let result = try CLI.run(["symbols", "--unique", "--format", "json", "Corpus/002_02cf9ff3ef13c05f.txt"])
        #expect(result.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let names = list?.compactMap { $0["normalized"] as? String } ?? []
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        #expect(names.contains("CTOC/COP/2006/L.9/Rev.1"))
        #expect(!names.contains { $0.contains("OSCE") })
        let l9 = list?.first { $0["normalized"] as? String == "CTOC/COP/2006/L.9/Rev.1" }
        #expect(l9?["organ"] as? String == "CTOC/COP")
        #expect(l9?["modifiers"] as? [String] == ["Rev.1"])
    }
}
