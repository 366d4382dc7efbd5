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
            var command = try parseCommand(Array(CommandLine.arguments.dropFirst()))
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

    /// The command the arguments name. A subcommand's arguments are first read by that
    /// subcommand's parser alone: the root parser builds the option sets of every subcommand
    /// and checks them all for completion-script requests, some 14 M instructions (3-4 ms)
    /// of the Swift runtime's protocol-conformance look-ups, which for `undoc parse` of a
    /// short PDF is a quarter of pdftotext's own time. Whatever that parser does not turn
    /// into the subcommand itself (`--help`, a usage error, a failed validation) is read
    /// again by the root parser, so that help, messages and usage lines are the usual ones.
    static func parseCommand(_ arguments: [String]) throws -> ParsableCommand {
        if let name = arguments.first,
           let subcommand = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
           let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
           type(of: command) == subcommand // not the help command it gives for `--help`
        {
            return command
        }
        return try parseAsRoot(arguments)
    }
}
