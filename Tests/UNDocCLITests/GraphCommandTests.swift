import Foundation
import Testing

@Suite("undoc graph and undoc trace")
struct GraphCommandTests {
    @Test("graph of the corpus folder with the manifest: JSON with nodes and edges, exit 0")
    func corpusGraph() throws {
        let result = try CLI.run(["graph", "Corpus", "--manifest", "Corpus/manifest.tsv"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "undoc.graph/1")
        #expect((json?["documents"] as? [String])?.count == 3)
        let edges = json?["edges"] as? [[String: Any]] ?? []
        #expect(edges.contains { $0["source"] as? String == "doc:CTOC/COP/2006/L.4" && $0["relation"] as? String == "adoptedAs" })
    }

    @Test("an unreadable file in a folder is reported and skipped; the graph of the rest is written; exit 1")
    func unreadableFileInFolder() throws {
        let directory = try CLI.temporaryDirectory()
        let corpus = CLI.repositoryRoot.appendingPathComponent("Corpus")
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("001_caccf940e690384d.txt"),
                                         to: directory.appendingPathComponent("good.txt"))
        try Data([0x00, 0x01, 0x02]).write(to: directory.appendingPathComponent("broken.txt"))
        try Data().write(to: directory.appendingPathComponent("empty.txt"))
        let output = directory.appendingPathComponent("graph.json")
        let result = try CLI.run(["graph", directory.path, "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.txt: is a binary file"))
        #expect(result.stderr.contains("empty.txt: is empty"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        #expect((json?["documents"] as? [String])?.count == 1)
        let diagnostics = json?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.filter { $0["code"] as? String == "graph.unreadable" }.count == 2)
    }

    @Test("graphml and dot formats", arguments: [("graphml", "<graphml"), ("dot", "digraph undoc {")])
    func formats(format: String, opening: String) throws {
        let result = try CLI.run(["graph", "Corpus", "--format", format])
        #expect(result.status == 0)
        #expect(result.stdout.contains(opening))
    }

    @Test("trace quotes its evidence; an unknown id is exit 2")
    func trace() throws {
        let result = try CLI.run(["trace", "recommendation 6(c)", "Corpus", "--manifest", "Corpus/manifest.tsv", "--direction", "back"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("furtherTo → recommendation 19 of CTOC/COP/WG.4/2009/2"))
        #expect(result.stdout.contains("“recommendation 19 contained in the previous report”"))
        let unknown = try CLI.run(["trace", "decision 99/1", "Corpus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no node matches"))
        let nothing = try CLI.run(["trace", "decision 3/2"])
        #expect(nothing.status == 2)
    }

    @Test("trace reads a graph written by undoc graph")
    func traceFromGraphFile() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("g.json")
        #expect(try CLI.run(["graph", "Corpus", "--manifest", "Corpus/manifest.tsv", "-o", file.path]).status == 0)
        let result = try CLI.run(["trace", "decision 3/2", "--graph", file.path, "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "undoc.trace/1")
    }
}
