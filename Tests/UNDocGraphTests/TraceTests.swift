import Testing
import UNDocGraph
import UNDocModel

@Suite("undoc trace")
struct TraceTests {
    @Test("recommendation 6(c) of the 2010 report leads back to recommendation 19 of CTOC/COP/WG.4/2009/2")
    func recommendationLineage() throws {
        let graph = try GraphFixture.corpusGraph()
        let tracer = Tracer(graph: graph)
        let root = try tracer.resolve("recommendation 6(c)")
        #expect(root.id == "recommendation:CTOC/COP/WG.4/2010/L.1/Add.1:6(c)")
        let trace = tracer.trace(root, direction: .back)
        #expect(trace.back.map(\.node.id) == ["recommendation:CTOC/COP/WG.4/2009/2:19"])
        #expect(trace.back.first?.relation == .furtherTo)
        #expect(trace.context.first?.node.id == "doc:CTOC/COP/WG.4/2010/L.1/Add.1")
        let text = trace.text()
        #expect(text.contains("furtherTo → recommendation 19 of CTOC/COP/WG.4/2009/2"))
        #expect(text.contains("“recommendation 19 contained in the previous report”"))
    }

    @Test("decision 3/4 leads back to decision 2/6 and to the draft it was adopted from")
    func decisionLineage() throws {
        let tracer = Tracer(graph: try GraphFixture.corpusGraph())
        let trace = tracer.trace(try tracer.resolve("decision 3/4"), direction: .back)
        let reached = trace.back.map { "\($0.relation.rawValue) \($0.node.id)" }
        #expect(reached.contains("recalls decision:CTOC/COP:2/6"))
        #expect(reached.contains("adoptedAs doc:CTOC/COP/2006/L.9/Rev.1"))
        let draft = try #require(trace.back.first { $0.node.id == "doc:CTOC/COP/2006/L.9/Rev.1" })
        #expect(draft.children.contains { $0.relation == .revises && $0.node.id == "doc:CTOC/COP/2006/L.9" })
    }

    @Test("forward from a draft reaches the decision it became")
    func forward() throws {
        let tracer = Tracer(graph: try GraphFixture.corpusGraph())
        let trace = tracer.trace(try tracer.resolve("CTOC/COP/2006/L.4"), direction: .forward)
        #expect(trace.forward.contains { $0.relation == .adoptedAs && $0.node.id == "decision:CTOC/COP:3/2" })
        #expect(trace.back.isEmpty)
    }

    @Test("a cycle is reported, not followed")
    func cycle() throws {
        let graph = try GraphFixture.graph([
            ("A/1", nil, "Distr.: General\n1 May 2001\n\n1. See the note (A/2).\n"),
            ("A/2", nil, "Distr.: General\n2 May 2001\n\n1. See the note (A/1).\n"),
        ])
        let tracer = Tracer(graph: graph)
        let trace = tracer.trace(try tracer.resolve("A/1"), direction: .back)
        let step = try #require(trace.back.first)
        #expect(step.node.id == "doc:A/2")
        let back = try #require(step.children.first)
        #expect(back.node.id == "doc:A/1")
        #expect(back.cycle)
        #expect(back.children.isEmpty)
        #expect(trace.text().contains("(cycle: already on this path)"))
    }

    @Test("unknown and ambiguous ids are errors that say what exists")
    func resolution() throws {
        let tracer = Tracer(graph: try GraphFixture.corpusGraph())
        #expect(throws: TraceError.self) { try tracer.resolve("decision 9/9") }
        #expect(try tracer.resolve("recommendation 1").id == "recommendation:CTOC/COP/2006/14:1")
        // Both reports number a recommendation 7(a).
        do {
            _ = try tracer.resolve("recommendation 7(a)")
            Issue.record("expected an ambiguity between the two reports' recommendations 7(a)")
        } catch {
            guard case .ambiguous(_, let candidates) = error else {
                Issue.record("expected ambiguity, got \(error)")
                return
            }
            #expect(candidates == ["recommendation:CTOC/COP/2006/14:7(a)", "recommendation:CTOC/COP/WG.4/2010/L.1/Add.1:7(a)"])
        }
    }
}
