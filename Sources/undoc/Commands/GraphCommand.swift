import ArgumentParser
import Foundation
import UNDocGraph
import UNDocModel

/// `undoc graph`: the decision graph of a set of documents.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Build the decision graph of UN documents: what cites, recalls, adopts or builds on what.",
        discussion: """
            Folders are searched recursively for .txt, .text, .md, .docx, .html, .htm and .pdf \
            files; a document found in several formats under one name is read once, in that \
            order of preference. Every reference \
            becomes an edge to a node (a document, decision, resolution, recommendation, \
            article or treaty), with its evidence: document, element and exact text. What \
            lies outside the corpus becomes an external node. JSON follows \
            Schemas/undoc.graph-1.schema.json; GraphML loads in Gephi, networkx and igraph; \
            DOT renders with Graphviz; svg runs Graphviz's dot. Unreadable files are \
            reported and skipped (exit status 1); the graph of the rest is still written.
            """
    )

    @Argument(help: ArgumentHelp("Files and folders to read.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: "Output format: json, graphml, dot or svg.")
    var format: GraphFormat = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        var failed = 0
        let graph = try corpus.buildGraph(paths, common: common, failed: &failed)
        let data: Data
        switch format {
        case .json: data = try DocumentJSON.encode(graph)
        case .graphml: data = Data(GraphMLWriter.write(graph).utf8)
        case .dot: data = Data(DOTWriter.write(graph).utf8)
        case .svg: data = try GraphvizRunner.svg(DOTWriter.write(graph))
        }
        try OutputWriter.write(data, to: output)
        if failed > 0 { throw ExitCode(1) }
    }
}

enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case graphml
    case dot
    case svg
}

/// Renders DOT to SVG with Graphviz's `dot`, or says how to install it.
enum GraphvizRunner {
    static func svg(_ dot: String) throws -> Data {
        guard let executable = findExecutable("dot") else {
            Console.error("undoc: --format svg needs Graphviz's dot: install it (apt-get install graphviz, brew install graphviz), or use --format dot")
            throw ExitCode(1)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Feed the input on another thread so a large graph cannot deadlock the pipes.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(dot.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Console.error("undoc: dot failed: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
            throw ExitCode(1)
        }
        return svg
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
