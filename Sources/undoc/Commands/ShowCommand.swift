import ArgumentParser
import Foundation
import UNDocIndex
import UNDocModel

/// `undoc show`: one document or element of an index with its references out and in.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an indexed document or element with what it cites and what cites it.",
        discussion: """
            TARGET is a symbol (CTOC/COP/2006/14), a symbol and an element id \
            (CTOC/COP/2006/14#dec-3/2, …#para-111, …#rec-6(c)), doc:file:PATH for a document \
            without a symbol, or a graph node id. A document prints its metadata, counts, \
            decisions and references; references in are the graph's edges into the document, \
            its decisions, recommendations and elements, each with the place that says so. A \
            symbol the index only cites or lists (a draft, a resolution) shows as its node.
            """
    )

    @Argument(help: ArgumentHelp("SYMBOL, SYMBOL#ELEMENT or doc:file:PATH.", valueName: "target"))
    var target: String

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: "Output format: text or json.")
    var format: SearchFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try database.openForReading()
        let result: ShowResult
        do {
            result = try store.show(target)
        } catch {
            throw IndexFailure.report(error)
        }
        let data = format == .json ? try DocumentJSON.encode(result) : Data(ShowText.render(result).utf8)
        try OutputWriter.write(data, to: output)
    }
}
