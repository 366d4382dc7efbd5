import ArgumentParser
import Foundation
import UNDocIndex
import UNDocModel

/// `undoc search`: full-text search over an index.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the paragraphs, clauses, decisions, recommendations and footnotes of an index.",
        discussion: """
            QUERY is an SQLite FTS5 query: words (stemmed: "extradite" finds "extradition"), \
            "quoted phrases", AND, OR, NOT, NEAR(a b, 5), prefix*. Words with punctuation \
            (3/2, CTOC/COP/2006/L.4) are taken as phrases. Results are ranked by relevance \
            (bm25) and show the symbol, the element id and a snippet with the words found \
            highlighted. --kind decision also finds the clauses and paragraphs of decisions.
            """
    )

    @Argument(help: ArgumentHelp("What to search for.", valueName: "query"))
    var query: String

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: ArgumentHelp("Only documents whose symbol starts with this (CTOC/COP).", valueName: "prefix"))
    var symbolPrefix: String?

    @Option(name: .long, help: ArgumentHelp("Only documents of the body with this symbol prefix (CTOC/COP/WG.4).", valueName: "prefix"))
    var bodyPrefix: String?

    @Option(name: .long, help: ArgumentHelp("Only elements of this kind: \(IndexedKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: IndexedKind?

    @Option(name: .long, help: ArgumentHelp("Only documents issued in this year.", valueName: "year"))
    var year: Int?

    @Option(name: .long, help: "At most this many results.")
    var limit: Int = 20

    @Option(name: .long, help: "Output format: text or json.")
    var format: SearchFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if query.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give something to search for") }
    }

    func run() throws {
        let store = try database.openForReading()
        // Bold on a terminal; Markdown-style markers in files, pipes and JSON.
        let bold = format == .text && output == nil && standardOutputIsTerminal
        let search = SearchQuery(text: query, filter: DocumentFilter(bodyPrefix: bodyPrefix, symbolPrefix: symbolPrefix, year: year),
                                 kind: kind, limit: limit, highlight: bold ? ("\u{1B}[1m", "\u{1B}[0m") : ("**", "**"))
        let result: SearchResult
        do {
            result = try store.search(search)
        } catch {
            throw IndexFailure.report(error)
        }
        switch format {
        case .json:
            try OutputWriter.write(try DocumentJSON.encode(result), to: output)
        case .text:
            try OutputWriter.write(Data(Self.text(result).utf8), to: output)
            if result.hits.isEmpty { Console.error("undoc: nothing matches \(query)") }
            if result.more { Console.error("undoc: more results than --limit \(limit) shows") }
        }
    }

    static func text(_ result: SearchResult) -> String {
        var out = ""
        for hit in result.hits {
            // What `undoc show` takes: the symbol, or doc:file:PATH for a document without one.
            let name = hit.symbol ?? "doc:file:\(hit.file)"
            var place = hit.kind
            if let container = hit.container, container != hit.element { place += " in \(container)" }
            out += "\(name)#\(hit.element)  (\(place), line \(hit.line))\n"
            out += "    \(hit.snippet)\n"
        }
        return out
    }
}

enum SearchFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

extension IndexedKind: ExpressibleByArgument {}
