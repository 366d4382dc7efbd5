import ArgumentParser
import Foundation
import UNDocGraph
import UNDocModel

/// `undoc trace`: the lineage of a recommendation, decision or document.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Follow the lineage of a recommendation, decision or document back and forward.",
        discussion: """
            ID is a node id from `undoc graph` (recommendation:CTOC/COP/WG.4/2009/2:19), a \
            symbol (CTOC/COP/2006/L.4), or a number as cited ("decision 3/4", "recommendation \
            6(c)"). The graph is built from PATH (files and folders) or read from --graph, a \
            JSON file written by `undoc graph`. Back follows what the node builds on (what it \
            recalls, is further to, was adopted from); forward, what builds on it. Cycles are \
            reported, not followed.
            """
    )

    @Argument(help: ArgumentHelp("The node to trace.", valueName: "id"))
    var id: String

    @Argument(help: ArgumentHelp("Files and folders to build the graph from.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read the graph from this undoc.graph/1 JSON file instead of parsing.", valueName: "file"))
    var graph: String?

    @Option(name: .long, help: "back, forward or both.")
    var direction: Tracer.Direction = .both

    @Option(name: .long, help: "Output format: text or json.")
    var format: TraceFormat = .text

    @Option(name: .long, help: "How many steps to follow at most.")
    var depth: Int = 50

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var common: CommonOptions

    func validate() throws {
        if paths.isEmpty, graph == nil { throw ValidationError("give the documents to read (PATH...) or a graph (--graph FILE)") }
        if !paths.isEmpty, graph != nil { throw ValidationError("give either PATH... or --graph, not both") }
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        var failed = 0
        var built: Graph
        if let graph {
            do {
                built = try JSONDecoder().decode(Graph.self, from: Data(contentsOf: URL(fileURLWithPath: graph)))
            } catch {
                Console.error("undoc: \(graph): not an undoc.graph/1 file (\(error.localizedDescription))")
                throw ExitCode(1)
            }
            // A graph written without --catalog still gets the catalogue's titles and dates.
            if let catalog = try corpus.catalogOptions.load() { NodeCatalog.annotate(&built, from: catalog) }
        } else {
            built = try corpus.buildGraph(paths, common: common, failed: &failed)
        }
        let tracer = Tracer(graph: built)
        let root: GraphNode
        do {
            root = try tracer.resolve(id)
        } catch {
            Console.error("undoc: \(error)")
            throw ExitCode(2)
        }
        let trace = tracer.trace(root, direction: direction, depth: depth)
        let data = format == .json ? try DocumentJSON.encode(trace) : Data(trace.text().utf8)
        try OutputWriter.write(data, to: output)
        if failed > 0 { throw ExitCode(1) }
    }
}

enum TraceFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

extension Tracer.Direction: ExpressibleByArgument {}
