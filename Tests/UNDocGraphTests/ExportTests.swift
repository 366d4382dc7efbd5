import Foundation
import JSONSchemaValidation
import Testing
import UNDocGraph
import UNDocModel

@Suite("graph output")
struct ExportTests {
    @Test("the JSON validates against Schemas/undoc.graph-1.schema.json")
    func schema() throws {
        let schema = try JSONSchema(contentsOf: GraphFixture.root.appendingPathComponent("Schemas/undoc.graph-1.schema.json"))
        let data = try DocumentJSON.encode(GraphFixture.corpusGraph())
        #expect(try schema.validate(data) == [])
        var broken = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        broken["edges"] = [["source": "a", "target": "b", "relation": "likes", "evidence": []]]
        #expect(!schema.validate(jsonObject: broken).isEmpty)
    }

    @Test("networkx reads the GraphML with every node, edge and attribute")
    func networkx() throws {
        let graph = try GraphFixture.corpusGraph()
        let file = try GraphFixture.temporaryDirectory().appendingPathComponent("corpus.graphml")
        try Data(GraphMLWriter.write(graph).utf8).write(to: file)
        let script = """
            import sys, networkx
            g = networkx.read_graphml(sys.argv[1])
            relations = sorted({d["relation"] for _, _, d in g.edges(data=True)})
            print(g.number_of_nodes(), g.number_of_edges(), ",".join(relations))
            print(g.nodes["decision:CTOC/COP:3/2"]["kind"], g.nodes["decision:CTOC/COP:3/2"]["external"])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with networkx is needed for this test (pip install networkx): \(err)")
        let lines = out.split(separator: "\n")
        let counts = lines[0].split(separator: " ")
        // Two relations between the same pair make networkx read a multigraph, so every edge counts.
        #expect(Int(counts[0]) == graph.nodes.count)
        #expect(Int(counts[1]) == graph.edges.count)
        #expect(counts[2].contains("adoptedAs") && counts[2].contains("furtherTo"))
        #expect(lines[1] == "decision False")
    }

    @Test("DOT names every node and labels every edge")
    func dot() throws {
        let graph = try GraphFixture.corpusGraph()
        let dot = DOTWriter.write(graph)
        #expect(dot.hasPrefix("digraph undoc {"))
        #expect(dot.contains("\"doc:CTOC/COP/2006/L.4\" -> \"decision:CTOC/COP:3/2\" [label=\"adoptedAs\"]"))
        #expect(dot.components(separatedBy: " -> ").count - 1 == graph.edges.count)
    }

    @Test("GraphML escapes what XML cannot hold as is")
    func escaping() {
        var node = GraphNode(id: "doc:A&B<1>", kind: .document, label: "Quote \" and 'apostrophe'\u{1}", external: true)
        node.date = "2006-01-01"
        let graph = Graph(documents: [], nodes: [node], edges: [], diagnostics: [])
        let xml = GraphMLWriter.write(graph)
        #expect(xml.contains("id=\"doc:A&amp;B&lt;1&gt;\""))
        #expect(xml.contains("Quote &quot; and &apos;apostrophe&apos;</data>"))
    }
}

@Suite("trace output")
struct TraceOutputTests {
    @Test("trace JSON validates against Schemas/undoc.trace-1.schema.json")
    func schema() throws {
        let schema = try JSONSchema(contentsOf: GraphFixture.root.appendingPathComponent("Schemas/undoc.trace-1.schema.json"))
        let tracer = Tracer(graph: try GraphFixture.corpusGraph())
        for query in ["decision 3/4", "recommendation 6(c)", "CTOC/COP/2006/L.4"] {
            let trace = tracer.trace(try tracer.resolve(query), direction: .both)
            #expect(try schema.validate(DocumentJSON.encode(trace)) == [], "\(query)")
        }
    }
}
