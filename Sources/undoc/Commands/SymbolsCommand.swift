import ArgumentParser
import Foundation
import UNDocIngest
import UNDocModel
import UNDocParser

/// `undoc symbols`: every UN document symbol in the input, normalised, with its parts.
struct SymbolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbols",
        abstract: "List the UN document symbols in text, each with its normalised form and components.",
        discussion: """
            Collective forms are spelt out: "CTOC/COP/2006/L.1 and Add.1-3" lists L.1 and \
            its addenda 1 to 3. With no file, reads standard input, so a symbol can be \
            checked with: echo "A/C.3/60/L.5/Rev.1" | undoc symbols
            """
    )

    @Argument(help: ArgumentHelp("Text files to read; - or nothing reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(name: .long, help: "Output format: text (one printed symbol a line) or json.")
    var format: SymbolsFormat = .text

    @Flag(name: .long, help: "List each normalised symbol once, sorted.")
    var unique = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var common: CommonOptions

    struct Found: Encodable {
        var file: String
        var printed: String
        var line: Int
        var span: SourceSpan
        var symbols: [DocumentSymbol]
    }

    func run() throws {
        let recognizer = SymbolRecognizer(grammars: try common.loadGrammars())
        var found: [Found] = []
        var failed = false
        for path in files.isEmpty ? ["-"] : files {
            do {
                let source = try common.reader.read(path: path)
                for group in recognizer.symbols(in: String(decoding: source.bytes, as: UTF8.self)) {
                    let span = source.span(group.range.lowerBound, group.range.upperBound)
                    found.append(Found(file: source.name, printed: group.printed, line: span.line, span: span,
                                       symbols: group.symbols))
                }
            } catch {
                Console.error("undoc: \(error)")
                failed = true
            }
        }
        try OutputWriter.write(render(found), to: output)
        if failed { throw ExitCode(1) }
    }

    private func render(_ found: [Found]) throws -> Data {
        if unique {
            var seen: [String: DocumentSymbol] = [:]
            for symbol in found.flatMap(\.symbols) { seen[symbol.normalized] = symbol }
            let sorted = seen.keys.sorted().compactMap { seen[$0] }
            switch format {
            case .json: return try DocumentJSON.encode(sorted)
            case .text: return Data(sorted.map { describe($0) + "\n" }.joined().utf8)
            }
        }
        switch format {
        case .json:
            return try DocumentJSON.encode(found)
        case .text:
            var lines: [String] = []
            for item in found {
                let spelled = item.symbols.map(\.normalized)
                let expansion = spelled == [item.printed] ? "" : "  = \(spelled.joined(separator: ", "))"
                lines.append("\(item.file):\(item.line): \(item.printed)\(expansion)")
                for symbol in item.symbols { lines.append("    \(describe(symbol))") }
            }
            return Data(lines.map { $0 + "\n" }.joined().utf8)
        }
    }

    private func describe(_ symbol: DocumentSymbol) -> String {
        var parts = ["organ \(symbol.organ)"]
        if !symbol.parts.isEmpty { parts.append("parts \(symbol.parts.joined(separator: " "))") }
        if !symbol.modifiers.isEmpty { parts.append("modifiers \(symbol.modifiers.joined(separator: " "))") }
        return "\(symbol.normalized)\t\(parts.joined(separator: "; "))"
    }
}

enum SymbolsFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
