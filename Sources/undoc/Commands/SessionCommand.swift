import ArgumentParser
import Foundation
import UNDocIndex
import UNDocModel

/// `undoc session`: a session catalogue from an index.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Catalogue a session from an index: its documents, agenda, decisions and their drafts, and citations.",
        discussion: """
            Selects the indexed documents by body (--body-prefix CTOC/COP), symbol prefix, \
            session as printed ("Third session") and year of issue; the options combine. The \
            catalogue, in the manner of the Dag Hammarskjöld Library's indexes to \
            proceedings, lists the documents selected; the documents before the session, \
            from the lists printed in their annexes, marking those in the index; the agenda; \
            the decisions adopted, each with the drafts it was adopted from and where that is \
            recorded; and for each document of the session, where the index cites it. \
            Markdown, a self-contained HTML page, or JSON (undoc.session/1).
            """
    )

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: ArgumentHelp("The body's symbol prefix, exactly (CTOC/COP; not its working groups).", valueName: "prefix"))
    var bodyPrefix: String?

    @Option(name: .long, help: ArgumentHelp("Documents whose symbol starts with this.", valueName: "prefix"))
    var symbolPrefix: String?

    @Option(name: .long, help: ArgumentHelp("The session as printed on the documents (\"Third session\").", valueName: "session"))
    var session: String?

    @Option(name: .long, help: ArgumentHelp("Year of issue.", valueName: "year"))
    var year: Int?

    @Option(name: .long, help: "Output format: markdown, html or json.")
    var format: CatalogueFormat = .markdown

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if bodyPrefix == nil, symbolPrefix == nil, session == nil, year == nil {
            throw ValidationError("choose the documents: give --body-prefix, --symbol-prefix, --session or --year (they combine)")
        }
    }

    func run() throws {
        let store = try database.openForReading()
        let catalogue: SessionCatalogue
        do {
            catalogue = try store.session(DocumentFilter(bodyPrefix: bodyPrefix, symbolPrefix: symbolPrefix, session: session, year: year))
        } catch {
            throw IndexFailure.report(error)
        }
        let data: Data
        switch format {
        case .markdown: data = Data(MarkdownCatalogue.render(catalogue).utf8)
        case .html: data = Data(HTMLCatalogue.render(catalogue).utf8)
        case .json: data = try DocumentJSON.encode(catalogue)
        }
        try OutputWriter.write(data, to: output)
    }
}

enum CatalogueFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown
    case html
    case json
}
