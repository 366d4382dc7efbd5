/// Phrases the Markdown and HTML catalogues share, so both say the same thing.
enum CatalogueText {
    /// "Conference of the Parties … — Third session".
    static func heading(_ catalogue: SessionCatalogue) -> String {
        let body = catalogue.bodies.first ?? catalogue.filter.bodyPrefix ?? catalogue.filter.symbolPrefix ?? "Documents"
        let session = catalogue.sessions.count == 1 ? catalogue.sessions[0] : catalogue.filter.session
        let year = catalogue.filter.year.map(String.init)
        return [body, session ?? year].compactMap { $0 }.joined(separator: " — ")
    }

    /// How the documents were chosen and how many there are.
    static func selection(_ catalogue: SessionCatalogue) -> String {
        let filter = catalogue.filter
        var parts: [String] = []
        if let value = filter.bodyPrefix { parts.append("body \(value)") }
        if let value = filter.symbolPrefix { parts.append("symbols \(value)…") }
        if let value = filter.session { parts.append("session \(value)") }
        if let value = filter.year { parts.append("year \(value)") }
        let count = catalogue.documents.count
        return "\(parts.joined(separator: ", ")) — \(count) indexed document\(count == 1 ? "" : "s")"
    }

    /// "CTOC/COP/2006/14, para-111 (line 628)".
    static func place(_ place: Place) -> String {
        "\(place.symbol ?? place.file), \(place.element) (line \(place.line))"
    }

    /// "CTOC/COP/2006/14, annex-I".
    static func place(_ symbol: String?, _ file: String, _ element: String) -> String {
        "\(symbol ?? file), \(element)"
    }

    /// "✓", "—", or the indexed part of a row that lists several documents.
    static func indexed(_ entry: ListedDocument) -> String {
        if entry.indexed.isEmpty { return "—" }
        if entry.indexed.count == entry.symbols.count { return "✓" }
        return "✓ " + entry.indexed.joined(separator: ", ")
    }
}
