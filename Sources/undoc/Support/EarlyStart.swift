import Foundation
import UNDocIngest
import UNDocParser

/// Work started in `main` before the command line is parsed, which takes a few milliseconds
/// (ArgumentParser reflects over every option of every command): for a short PDF, undoc's
/// start-up would otherwise cost as much as converting it. What is started is only a head
/// start: each command still asks for exactly what it needs, and takes the early result
/// only when it is the same thing.
enum EarlyStart {
    /// The subcommands that compile the grammars.
    /// (An array: the first `Set<String>` costs a protocol-conformance look-up, 0.4 M instructions.)
    private static let parsingCommands = ["parse", "symbols", "graph", "index"]

    static func begin(_ arguments: [String]) {
        guard arguments.count > 2, parsingCommands.contains(arguments[1]) else { return }
        let options = arguments.dropFirst(2).filter { $0.hasPrefix("-") }
        if options.contains(where: { $0 == "-h" || $0 == "--help" }) { return }
        // pdftotext first: it is the longest step for a short PDF. As `parse` runs it by
        // default; with another --pdftotext or time limit, the command runs its own.
        var converting = false
        if arguments[1] == "parse", !options.contains(where: { $0.hasPrefix("--pdftotext") }) {
            converting = PDFPrelaunch.start(paths: Array(arguments.dropFirst(2)), limit: ProcessorCount.active)
        }
        // With --grammars, the command compiles another set; the built-in one would be wasted work.
        if !options.contains(where: { $0.hasPrefix("--grammars") }) {
            let grammars = CommonOptions.compile(overrideDirectory: nil)
            builtInGrammars = grammars
            // While pdftotext converts, the path its text will take is run once on a sample.
            if converting {
                Thread.detachNewThread {
                    if let grammars = try? grammars.get() { WarmUp.run(grammars) }
                }
            }
        }
    }

    /// The built-in grammars, compiling since `main`; the commands take them from here.
    /// Written once by `begin`, before any other thread runs, and only read afterwards.
    nonisolated(unsafe) private(set) static var builtInGrammars: Deferred<ParserGrammars>?
}
