import ArgumentParser
import Foundation
import UNDocIngest
import UNDocModel
import UNDocParser

/// `undoc parse`: documents to the typed model, as JSON or a readable outline.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse UN documents into the undoc.document/1 JSON model or a text outline.",
        discussion: """
            One input prints one JSON object; several print a JSON array in input order, \
            or, with --output-dir, one FILE.json per input. Inputs that cannot be read are \
            reported on standard error and skipped; the exit status is then 1. With \
            --catalog, what the text does not give (title, issue date, agenda item) is \
            filled from the document's record in the library catalogue and listed in \
            catalog.filled; a value the text gives is never replaced.
            """
    )

    @Argument(help: ArgumentHelp("Documents to parse (text, PDF, HTML or Word .docx); - reads standard input.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "Output format: json or text.")
    var format: ParseFormat = .json

    @Option(name: .long, help: ArgumentHelp("The document's own symbol, when its text does not print it (one input only).", valueName: "symbol"))
    var symbol: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Write one JSON or text file per input into this folder.", valueName: "dir"))
    var outputDir: String?

    @Option(name: .shortAndLong, help: "How many files to parse at once (default: the number of cores).")
    var jobs: Int = ProcessorCount.active

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var common: CommonOptions

    func validate() throws {
        if symbol != nil, files.count != 1 {
            throw ValidationError("--symbol names one document's symbol: give exactly one input with it")
        }
        if output != nil, outputDir != nil {
            throw ValidationError("use either -o or --output-dir, not both")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        // Compiling the grammars overlaps with reading the inputs: for a short PDF, pdftotext
        // takes about as long as the compilation.
        let grammars = common.loadGrammarsInBackground()
        if let symbol, SymbolRecognizer(grammars: try grammars.get()).recognizeWhole(symbol) == nil {
            Console.error("undoc: --symbol \(symbol): not a UN document symbol (see Grammars/symbols.peg)")
            throw ExitCode(2)
        }
        let catalog = try catalogOptions.load()
        let reader = common.reader(parallelInputs: min(jobs, files.count))
        let symbol = self.symbol
        let total = files.count
        var progress: (@Sendable (Int) -> Void)?
        if total > 1 {
            progress = { @Sendable done in Console.progress("parsed \(done)/\(total)") }
        }
        let results = parallelMap(files, jobs: jobs, progress: progress) { path in
            Self.parse(path, reader: reader, grammars: grammars, symbol: symbol, catalog: catalog)
        }
        Console.endProgress()
        // A broken grammar file: nothing is written (its error was printed once, exit 2).
        _ = try grammars.get()

        var failed = 0
        var documents: [Document] = []
        for case let result? in results {
            switch result {
            case .success(let document): documents.append(document)
            case .failure(let error):
                Console.error("undoc: \(error)")
                failed += 1
            }
        }
        if let outputDir {
            try writeEach(documents, to: outputDir)
        } else if !documents.isEmpty {
            let data = try render(documents, single: files.count == 1)
            try OutputWriter.write(data, to: output)
        }
        if failed > 0 { throw ExitCode(1) }
    }

    private static func parse(_ path: String, reader: InputReader, grammars: Deferred<ParserGrammars>, symbol: String?,
                              catalog: Catalog?) -> Result<Document, FileError>?
    {
        do throws(FileError) {
            let source = try reader.read(path: path)
            guard let grammars = try? grammars.get() else { return nil }
            let parser = DocumentParser(grammars: grammars)
            // A PDF prints its symbol on the masthead and in the running heads.
            var document = parser.parse(source, symbol: symbol ?? source.printedSymbol)
            if let catalog { CatalogEnricher.enrich(&document, from: catalog) }
            return .success(document)
        } catch {
            return .failure(error)
        }
    }

    private func render(_ documents: [Document], single: Bool) throws -> Data {
        switch format {
        case .json:
            return single ? try DocumentJSON.encode(documents[0]) : try DocumentJSON.encode(documents)
        case .text:
            return Data(documents.map(TextOutline.render).joined(separator: "\n").utf8)
        }
    }

    private func writeEach(_ documents: [Document], to directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: directory, reason: (error as NSError).localizedDescription)
        }
        for document in documents {
            let name = URL(fileURLWithPath: document.source.file).deletingPathExtension().lastPathComponent
            let path = URL(fileURLWithPath: directory).appendingPathComponent("\(name).\(format == .json ? "json" : "txt")").path
            try OutputWriter.write(try render([document], single: true), to: path)
        }
    }
}

enum ParseFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case text
}
