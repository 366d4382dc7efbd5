import ArgumentParser
import Foundation

/// The `undoc` command: turns United Nations documents into data.
@main
struct Undoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undoc",
        abstract: "Turn United Nations documents into data: structure, decisions, references.",
        discussion: """
            Exit status: 0 when every input was read, 1 when an input could not be read \
            (the others are still processed), 2 for a usage or grammar error.
            """,
        version: "0.2.0",
        subcommands: [ParseCommand.self, SymbolsCommand.self, GraphCommand.self, TraceCommand.self, IndexCommand.self,
                      SearchCommand.self, ShowCommand.self, SessionCommand.self, ImportMARCCommand.self]
    )

    /// Runs the command, mapping ArgumentParser's usage errors to exit status 2.
    static func main() {
        EarlyStart.begin(CommandLine.arguments)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            if code == .validationFailure {
                Foundation.exit(2)
            }
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}
