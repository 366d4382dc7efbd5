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

    func validate() throws {
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of megabytes") }
    }

    var reader: InputReader { InputReader(maxBytes: maxSize * 1_048_576) }

    /// The grammars, or exit 2 with the grammar file's error.
    func loadGrammars() throws -> ParserGrammars {
        do {
            return try ParserGrammars.load(overrideDirectory: grammars.map { URL(fileURLWithPath: $0) })
        } catch {
            Console.error("undoc: \(error)")
            throw ExitCode(2)
        }
    }
}
