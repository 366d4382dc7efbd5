import ArgumentParser
import Foundation
import UNDocGraph
import UNDocIndex

/// `--db FILE`: the session index the index, search, show and session commands use.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index: one SQLite file (created by `undoc index`).", valueName: "file"))
    var db: String

    /// Opens the index for reading, or reports why not (exit 1).
    func openForReading() throws -> IndexStore {
        do {
            return try IndexStore.open(path: db, access: .read)
        } catch {
            throw IndexFailure.report(error)
        }
    }
}

/// Prints an index error and gives the exit status for it: 2 for a query the user must
/// fix, 1 for everything else.
enum IndexFailure {
    static func report(_ error: IndexError) -> ExitCode {
        Console.endProgress()
        Console.error("undoc: \(error)")
        if case .malformedQuery = error { return ExitCode(2) }
        return ExitCode(1)
    }
}

extension CorpusOptions {
    /// The manifest given with --manifest (empty without one), or exit 2 with its error.
    func loadManifest() throws -> Manifest {
        guard let manifest else { return Manifest() }
        do {
            return try Manifest(contentsOf: manifest)
        } catch {
            Console.error("undoc: \(manifest): \(error)")
            throw ExitCode(2)
        }
    }
}

/// A one-line progress bar for a terminal: `[#######·········]  412/1000  parsing`.
enum ProgressBar {
    static func line(_ label: String, done: Int, total: Int, width: Int = 30) -> String {
        guard total > 0 else { return label }
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled)
        let digits = String(total).count
        let count = String(repeating: " ", count: max(0, digits - String(done).count)) + "\(done)/\(total)"
        return "[\(bar)] \(count)  \(label)"
    }
}

/// Whether standard output is a terminal (for bold highlights).
var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
