import ArgumentParser
import Foundation
import UNDocIngest
import UNDocModel

/// `undoc import-marc`: UN Digital Library MARCXML exports to a catalogue of document
/// metadata that `--catalog` gives to parse, graph, trace and index.
struct ImportMARCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-marc",
        abstract: "Read UN Digital Library MARCXML exports into a catalogue of document metadata (undoc.catalog/1).",
        discussion: """
            Reads the records of MARCXML files exported from digitallibrary.un.org: symbols \
            (191), title (245, 246), date (269, 992), agenda items (991), subjects (650), \
            related documents (993), corporate author (710), document type (989, 089) and \
            file links (856). Files are streamed, so exports of hundreds of megabytes are \
            fine. Several files are merged in order: a record met twice is kept once; two \
            records claiming one symbol are both kept, the first is used, and the conflict \
            is reported. JSON follows Schemas/undoc.catalog-1.schema.json; tsv prints symbol, \
            date and title, one record a line. Give the result (or the MARCXML itself) to \
            parse, graph, trace or index with --catalog.

            Nothing outside the file is read: no DTD is loaded, no entity is fetched or \
            expanded; a file that declares entities is reported. Malformed XML is read as \
            far as libxml2 can recover it and its errors are reported. Exit status: 0 when \
            every file was read in full; 1 when a file could not be read, held no record or \
            was not well-formed (the records of the other files, and those recovered, are \
            still written); 2 for a usage error.
            """
    )

    @Argument(help: ArgumentHelp("MARCXML files exported from the UN Digital Library; - reads standard input.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "Output format: json (undoc.catalog/1) or tsv (symbol, date, title).")
    var format: CatalogFormat = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    /// Problems printed on standard error for each file; all are in the JSON's diagnostics.
    static let problemsShown = 10

    func run() throws {
        var catalog = Catalog()
        var failed = 0
        var seen = Set<String>()
        for file in files where seen.insert(file).inserted {
            do {
                let result = file == "-"
                    ? try MARCReader.read(handle: FileHandle.standardInput, name: "<stdin>")
                    : try MARCReader.read(path: file)
                catalog.add(result.records, from: file == "-" ? "<stdin>" : file, format: .marcxml,
                            diagnostics: result.diagnostics)
                Self.show(result.diagnostics)
                if !result.isComplete { failed += 1 }
            } catch {
                Console.error("undoc: \(error)")
                Self.show(error.diagnostics)
                failed += 1
            }
        }
        // Conflicts between files come from the merge, after the files' own problems.
        Self.show(catalog.diagnostics.filter { $0.code.hasPrefix("catalog.") })
        if catalog.isEmpty {
            Console.error("undoc: no catalogue written: no file gave a record")
            throw ExitCode(1)
        }
        try OutputWriter.write(try render(catalog), to: output)
        if failed > 0 { throw ExitCode(1) }
    }

    private func render(_ catalog: Catalog) throws -> Data {
        switch format {
        case .json:
            return try DocumentJSON.encode(catalog)
        case .tsv:
            var out = "symbol\tdate\ttitle\n"
            for record in catalog.records {
                guard let symbol = record.symbol else { continue }
                out += [symbol, record.date ?? record.dateText ?? "", record.title ?? ""].map(Self.cell).joined(separator: "\t") + "\n"
            }
            return Data(out.utf8)
        }
    }

    /// A TSV cell: tabs and line breaks become spaces.
    static func cell(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    /// Warnings and errors, a few per file; information (records without a symbol,
    /// duplicates) is only in the JSON.
    static func show(_ diagnostics: [CatalogDiagnostic]) {
        let problems = diagnostics.filter { $0.severity >= .warning }
        for problem in problems.prefix(problemsShown) {
            Console.error("undoc: \(problem.description)")
        }
        if problems.count > problemsShown {
            Console.error("undoc: \(problems.count - problemsShown) more problems (see the catalogue's diagnostics)")
        }
    }
}

enum CatalogFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case tsv
}
