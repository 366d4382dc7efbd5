import ArgumentParser
import Foundation
import UNDocIngest
import UNDocParser

/// Options shared by the commands that read documents.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of grammar files that replace the built-in ones of the same name.", valueName: "dir"))
    var grammars: String?

    @Option(name: .long, help: ArgumentHelp("Refuse inputs larger than this many megabytes.", valueName: "mb"))
    var maxSize: Int = InputReader.defaultMaxBytes / 1_048_576

    @Option(name: .long, help: ArgumentHelp("Read inputs as text, pdf, html or docx instead of telling the format from their content.", valueName: "format"))
    var inputFormat: InputFormatOption?

    @Option(name: .long, help: ArgumentHelp("The pdftotext to run for PDF input (default: pdftotext on PATH; Debian package poppler-utils).", valueName: "path"))
    var pdftotext: String = "pdftotext"

    @Option(name: .long, help: ArgumentHelp("Kill pdftotext if it has not finished a PDF within this many seconds.", valueName: "seconds"))
    var pdftotextTimeout: Double = PDFToText.defaultTimeout

    func validate() throws {
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of megabytes") }
        guard pdftotextTimeout > 0 else { throw ValidationError("--pdftotext-timeout must be a positive number of seconds") }
    }

    /// The reader for inputs read one at a time: a PDF is converted in page ranges on every core.
    var reader: InputReader { reader(parallelInputs: 1) }

    /// The reader for inputs read `parallelInputs` at a time, each PDF on its share of the cores.
    func reader(parallelInputs: Int) -> InputReader {
        var converter = PDFToText(executable: pdftotext, timeout: pdftotextTimeout)
        converter.rangesPerPDF = max(1, converter.rangesPerPDF / max(1, parallelInputs))
        return InputReader(maxBytes: maxSize * 1_048_576, format: inputFormat?.format, pdftotext: converter)
    }

    /// The grammars, or exit 2 with the grammar file's error.
    func loadGrammars() throws -> ParserGrammars {
        try loadGrammarsInBackground().get()
    }

    /// The grammars, compiled on another thread from now on (or already since `main`, by
    /// `EarlyStart`); `get()` reports a broken grammar file (and exits with status 2) like
    /// `loadGrammars`.
    func loadGrammarsInBackground() -> Deferred<ParserGrammars> {
        let directory = grammars.map { URL(fileURLWithPath: $0) }
        if directory == nil, let early = EarlyStart.builtInGrammars { return early }
        return Self.compile(overrideDirectory: directory)
    }

    /// Compiles the grammars on another thread. Waiting for them is a wait on a Dispatch
    /// group: a second thread asking `ParserGrammars.builtIn()` while the first compiles would
    /// wait on the runtime's once-lock, which spins on a core for as long as the compilation runs.
    static func compile(overrideDirectory directory: URL?) -> Deferred<ParserGrammars> {
        Deferred {
            do {
                return try ParserGrammars.load(overrideDirectory: directory)
            } catch {
                Console.error("undoc: \(error)")
                throw ExitCode(2)
            }
        }
    }
}

/// `--input-format`: the formats undoc reads.
enum InputFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text
    case pdf
    case html
    case docx

    var format: InputFormat {
        switch self {
        case .text: .text
        case .pdf: .pdf
        case .html: .html
        case .docx: .docx
        }
    }
}
