import ArgumentParser
import Foundation
import UNDocGraph
import UNDocIngest
import UNDocParser

/// Options of the commands that read a whole corpus.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A TSV of path<TAB>symbol[<TAB>date] for documents that do not print their symbol.", valueName: "file"))
    var manifest: String?

    @Option(name: .shortAndLong, help: "How many files to parse at once (default: the number of cores).")
    var jobs: Int = ProcessorCount.active

    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// Parses `paths` (folders recurse) into a graph. Unreadable files are reported on
    /// stderr and in the graph's diagnostics; `failed` counts them.
    func buildGraph(_ paths: [String], common: CommonOptions, failed: inout Int) throws -> Graph {
        let parser = DocumentParser(grammars: try common.loadGrammars())
        var loadedManifest = Manifest()
        if let manifest {
            do {
                loadedManifest = try Manifest(contentsOf: manifest)
            } catch {
                Console.error("undoc: \(manifest): \(error)")
                throw ExitCode(2)
            }
        }
        let catalog = try catalogOptions.load()
        let files = CorpusLoader.files(in: paths)
        if files.isEmpty {
            Console.error("undoc: no documents found in \(paths.joined(separator: ", ")) (looked for \(CorpusLoader.extensions.map { "." + $0 }.joined(separator: ", ")))")
            throw ExitCode(1)
        }
        let loader = CorpusLoader(parser: parser, reader: common.reader(parallelInputs: jobs), manifest: loadedManifest, jobs: jobs, catalog: catalog)
        var failures = 0
        let graph = loader.graph(of: files, progress: { done, total in
            Console.progress("parsed \(done)/\(total) documents")
        }, failure: { error in
            Console.endProgress()
            Console.error("undoc: \(error)")
            failures += 1
        })
        Console.endProgress()
        failed = failures
        return graph
    }
}
