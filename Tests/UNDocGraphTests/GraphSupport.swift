import Foundation
import UNDocGraph
import UNDocIngest
import UNDocModel
import UNDocParser

enum GraphFixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func parser() throws -> DocumentParser {
        DocumentParser(grammars: try ParserGrammars.builtIn())
    }

    /// The graph of the bundled corpus with the symbols of Corpus/manifest.tsv.
    static func corpusGraph() throws -> Graph {
        let manifest = try Manifest(contentsOf: root.appendingPathComponent("Corpus/manifest.tsv").path)
        let loader = CorpusLoader(parser: try parser(), reader: InputReader(), manifest: manifest, jobs: 2)
        let files = CorpusLoader.files(in: [root.appendingPathComponent("Corpus").path])
        return loader.graph(of: files)
    }

    /// The graph of documents given as text, each with a symbol and a date.
    static func graph(_ documents: [(symbol: String?, date: String?, text: String)]) throws -> Graph {
        let parser = try parser()
        var builder = GraphBuilder()
        for (index, item) in documents.enumerated() {
            let source = try InputReader().decode(Array(item.text.utf8), name: "doc\(index + 1).txt")
            var document = parser.parse(source, symbol: item.symbol)
            if let date = item.date { document.metadata.issueDate = date }
            builder.add(FactExtractor.facts(of: document, file: "doc\(index + 1).txt"))
        }
        return builder.finish()
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("undoc-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Graph {
    func edge(_ source: String, _ relation: Relation, _ target: String) -> GraphEdge? {
        edges.first { $0.source == source && $0.relation == relation && $0.target == target }
    }

    func node(_ id: String) -> GraphNode? { nodes.first { $0.id == id } }
}

/// A Working Group masthead, so the parser knows whose reports these are.
let workingGroupMasthead = """
    Distr.: Limited
    28 January 2011

    Original: English

    ## Working Group on Trafficking in Persons

    """
