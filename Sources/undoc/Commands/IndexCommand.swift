import ArgumentParser
import Foundation
import UNDocIndex
import UNDocModel
import UNDocParser

/// `undoc index`: builds or updates a session index.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update a session index (one SQLite file) of UN documents for search, show and session.",
        discussion: """
            Stores every document found under PATH (folders recurse, as for `undoc graph`): \
            its metadata, its elements with a full-text index, the documents its annexes \
            list, its references, and the decision graph of everything indexed. Run it again \
            to update: only new and changed files are parsed (by content hash, or a changed \
            manifest entry), files deleted from under PATH are removed, and the graph is \
            rebuilt from what is stored. The run is one transaction: if it fails or is \
            interrupted, the previous index stays as it was. Readers (search, show, session) \
            keep working while it runs; a second `undoc index` on the same file waits up to \
            --wait seconds, then gives up. Unreadable files are reported and skipped (exit \
            status 1); one indexed before keeps its entry unless it no longer exists.
            """
    )

    @Argument(help: ArgumentHelp("Files and folders to index.", valueName: "path"))
    var paths: [String]

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: ArgumentHelp("Wait this long for another undoc index writing the same file.", valueName: "seconds"))
    var wait: Double = 5

    @Flag(name: .long, help: "Parse every file again, changed or not (after changing --grammars, say).")
    var reparse = false

    @Option(name: .long, help: "Report format on standard output: text or json.")
    var format: IndexFormat = .text

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var common: CommonOptions

    func validate() throws {
        if wait < 0 { throw ValidationError("--wait must be 0 or more seconds") }
    }

    func run() throws {
        let parser = DocumentParser(grammars: try common.loadGrammars())
        let writer = IndexWriter(parser: parser, reader: common.reader(parallelInputs: corpus.jobs), manifest: try corpus.loadManifest(), jobs: corpus.jobs,
                                 parserKey: parserKey(), reparseAll: reparse, catalog: try corpus.catalogOptions.load())
        var failed = 0
        let report: IndexReport
        do {
            let store = try IndexStore.open(path: database.db, access: .write(wait: wait))
            report = try writer.index(paths, into: store, progress: { @Sendable progress in
                Self.show(progress)
            }, failure: { error in
                Console.endProgress()
                Console.error("undoc: \(error)")
                failed += 1
            })
        } catch {
            throw IndexFailure.report(error)
        }
        Console.endProgress()
        let data: Data
        switch format {
        case .json: data = try DocumentJSON.encode(report)
        case .text: data = Data((Self.summary(report, path: database.db) + "\n").utf8)
        }
        try OutputWriter.write(data, to: nil)
        if failed > 0 { throw ExitCode(1) }
    }

    /// Identifies the parser: undoc's version and the grammar files that replace the
    /// built-in ones. An index written with another parser is parsed again in full.
    func parserKey() -> String {
        var key = "undoc \(Undoc.configuration.version)"
        if let grammars = common.grammars {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: grammars)) ?? []).sorted()
            let contents = names.map { name -> String in
                let data = FileManager.default.contents(atPath: (grammars as NSString).appendingPathComponent(name)) ?? Data()
                return "\(name)=\(ContentHash.fnv1a(data))"
            }
            key += "; grammars: " + contents.joined(separator: ",")
        }
        if let catalog = corpus.catalogOptions.fingerprint() { key += "; catalog: " + catalog }
        return key
    }

    static func show(_ progress: IndexWriter.Progress) {
        switch progress {
        case .scanning(let done, let total): Console.progress(ProgressBar.line("reading and hashing", done: done, total: total))
        case .waitingForLock: Console.progress("waiting for the index lock…")
        case .parsing(let done, let total): Console.progress(ProgressBar.line("parsed", done: done, total: total))
        case .removing(let count): Console.progress("removing \(count) deleted file\(count == 1 ? "" : "s")…")
        case .buildingGraph(let documents): Console.progress("building the graph of \(documents) documents…")
        case .committing: Console.progress("committing…")
        }
    }

    /// "Corpus.db: 3 documents (3 added, 0 updated, 0 unchanged, 0 removed); graph 250 nodes, 310 edges; 0.4 s".
    static func summary(_ report: IndexReport, path: String) -> String {
        var line = "\(path): \(report.documents) document\(report.documents == 1 ? "" : "s") "
        line += "(\(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged, \(report.removed) removed"
        if report.failed > 0 { line += ", \(report.failed) unreadable" }
        line += "); graph \(report.nodes) nodes, \(report.edges) edges"
        if !report.graphRebuilt { line += " (unchanged)" }
        line += String(format: "; %.1f s", report.seconds)
        return line
    }
}

enum IndexFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
