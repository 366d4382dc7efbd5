import Foundation
import Testing
import UNDocGraph
import UNDocModel

@Suite("graph of the bundled corpus")
struct CorpusGraphTests {
    static let graph = Result { try GraphFixture.corpusGraph() }
    let report = "doc:CTOC/COP/2006/14"
    let addendum = "recommendation:CTOC/COP/WG.4/2010/L.1/Add.1"
    let previous = "recommendation:CTOC/COP/WG.4/2009/2"

    @Test("002: each draft is adopted as its decision", arguments: [
        ("CTOC/COP/2006/L.4", "3/2"), ("CTOC/COP/2006/L.6/Rev.1", "3/1"),
        ("CTOC/COP/2006/L.10", "3/3"), ("CTOC/COP/2006/L.9/Rev.1", "3/4"),
    ])
    func adoptions(draft: String, decision: String) throws {
        let graph = try Self.graph.get()
        let edge = try #require(graph.edge("doc:\(draft)", .adoptedAs, "decision:CTOC/COP:\(decision)"))
        #expect(edge.evidence.allSatisfy { $0.file.hasSuffix("002_02cf9ff3ef13c05f.txt") })
        #expect(edge.evidence.contains { $0.text.contains(draft) && $0.text.contains("decision \(decision)") })
    }

    @Test("001: every lineage edge leads to the previous report, CTOC/COP/WG.4/2009/2", arguments: [
        ("2(b)", Relation.furtherTo, "18"), ("4(a)", .notes, "17"), ("4(d)", .notes, "17"),
        ("6(c)", .furtherTo, "19"), ("7(a)", .furtherTo, "20"),
    ])
    func lineage(recommendation: String, relation: Relation, earlier: String) throws {
        let graph = try Self.graph.get()
        let edge = try #require(graph.edge("\(addendum):\(recommendation)", relation, "\(previous):\(earlier)"))
        #expect(edge.evidence.first?.element == "rec-\(recommendation)")
        let target = try #require(graph.node("\(previous):\(earlier)"))
        #expect(target.external)
        #expect(target.document == "doc:CTOC/COP/WG.4/2009/2")
        #expect(graph.edge("\(previous):\(earlier)", .publishedIn, "doc:CTOC/COP/WG.4/2009/2") != nil)
    }

    @Test("002: decisions are the Conference's, published in its report, with their references")
    func decisions() throws {
        let graph = try Self.graph.get()
        for number in ["3/1", "3/2", "3/3", "3/4"] {
            let node = try #require(graph.node("decision:CTOC/COP:\(number)"))
            #expect(!node.external)
            #expect(graph.edge(node.id, .publishedIn, report) != nil)
        }
        #expect(graph.edge("decision:CTOC/COP:3/4", .recalls, "decision:CTOC/COP:2/6") != nil)
        #expect(graph.node("decision:CTOC/COP:2/6")?.external == true)
        for number in ["1/2", "1/3", "1/5", "1/6", "2/1", "2/2", "2/3", "2/4", "2/5"] {
            #expect(graph.edge("decision:CTOC/COP:3/1", .pursuantTo, "decision:CTOC/COP:\(number)") != nil)
        }
        #expect(graph.edge(report, .establishedBy, "decision:CTOC/COP:2/2") != nil)
    }

    @Test("002 and 003: resolutions by organ, with their annexes as parts")
    func resolutions() throws {
        let graph = try Self.graph.get()
        #expect(graph.node("doc:A/RES/55/25")?.kind == .resolution)
        for annex in ["I", "II", "III"] {
            #expect(graph.edge("doc:A/RES/55/25", .contains, "doc:A/RES/55/25#annex-\(annex)") != nil)
        }
        #expect(graph.edge("recommendation:CTOC/COP/2006/14:11", .establishedBy, "doc:E/RES/2006/27") != nil)
        #expect(graph.node("doc:E/RES/2006/27")?.date == "2006-07-27")
        #expect(graph.edge("doc:E/CN.15/2005/8", .cites, "doc:A/RES/58/137") != nil)
        #expect(graph.edge("doc:E/CN.15/2005/8", .cites, "doc:A/RES/55/25#annex-II") != nil)
    }

    @Test("003: the EU framework decision stays an EU act, not a Conference decision")
    func foreignDecision() throws {
        let graph = try Self.graph.get()
        let node = try #require(graph.node("decision:Council of the European Union:2004/68/JHA"))
        #expect(node.external)
        #expect(!graph.nodes.contains { $0.id.hasPrefix("decision:CTOC/COP:2004/68") })
    }

    @Test("revisions, addenda and corrigenda point to their base documents")
    func variants() throws {
        let graph = try Self.graph.get()
        #expect(graph.edge("doc:CTOC/COP/2006/L.6/Rev.1", .revises, "doc:CTOC/COP/2006/L.6") != nil)
        #expect(graph.edge("doc:CTOC/COP/2006/4/Corr.1", .corrects, "doc:CTOC/COP/2006/4") != nil)
        for n in 1...3 {
            #expect(graph.edge("doc:CTOC/COP/2006/L.1/Add.\(n)", .addsTo, "doc:CTOC/COP/2006/L.1") != nil)
        }
    }

    @Test("internal pointers link elements of one document")
    func internalPointers() throws {
        let graph = try Self.graph.get()
        #expect(graph.edge("\(report)#para-100", .seeAlso, "\(report)#para-111") != nil)
        #expect(graph.edge("\(report)#dec-3/1.d", .seeAlso, "\(report)#dec-3/1.c") != nil)
    }

    @Test("no self-reference, no organisation pairs as documents, parsed documents are not external")
    func hygiene() throws {
        let graph = try Self.graph.get()
        #expect(!graph.edges.contains { $0.source == $0.target })
        #expect(!graph.nodes.contains { $0.id.contains("OSCE") || $0.id.contains("AIDS") || $0.id.contains("DESA") })
        for symbol in ["CTOC/COP/WG.4/2010/L.1/Add.1", "CTOC/COP/2006/14", "E/CN.15/2005/8"] {
            let node = try #require(graph.node("doc:\(symbol)"))
            #expect(!node.external)
            #expect(node.file != nil)
        }
        #expect(graph.diagnostics.isEmpty)
    }

    @Test("every edge carries evidence whose text sits at its span in the file")
    func evidence() throws {
        let graph = try Self.graph.get()
        var texts: [String: [UInt8]] = [:]
        for edge in graph.edges {
            #expect(!edge.evidence.isEmpty)
            for item in edge.evidence {
                let bytes = try texts[item.file] ?? Array(Data(contentsOf: URL(fileURLWithPath: item.file)))
                texts[item.file] = bytes
                let text = String(decoding: bytes[item.span.start..<item.span.end], as: UTF8.self)
                if item.element == "metadata" {
                    // A symbol given for the document (manifest) rather than printed in it.
                    #expect(item.span.start == item.span.end)
                } else if edge.relation == .adoptedAs {
                    #expect(item.text.split(separator: "…").allSatisfy { text.contains($0.trimmingCharacters(in: .whitespaces)) })
                } else if edge.relation != .publishedIn {
                    #expect(text == item.text, "\(edge.source) \(edge.relation) \(edge.target)")
                }
            }
        }
    }

    @Test("the same corpus gives the same bytes")
    func deterministic() throws {
        let first = try DocumentJSON.encode(GraphFixture.corpusGraph())
        let second = try DocumentJSON.encode(GraphFixture.corpusGraph())
        #expect(first == second)
    }
}
