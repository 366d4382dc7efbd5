/// What the library catalogue says about a parsed document, kept beside what its text says.
/// `filled` names the metadata fields whose value came from the catalogue: those fields have
/// no entry in `metadata.evidence`, so a reader can always tell text from catalogue.
public struct CatalogAnnotation: Codable, Sendable, Hashable {
    /// The catalogue record of the document's symbol.
    public var record: CatalogRecord
    /// Metadata fields filled from the record because the text does not give them, by their
    /// JSON names: `title`, `issueDate`, `agendaItem`, `agendaSymbol`, `bodyPrefix`.
    public var filled: [String]

    public init(record: CatalogRecord, filled: [String]) {
        self.record = record
        self.filled = filled
    }
}

/// Completes a parsed document from the catalogue, after parsing and apart from it: the
/// parser never sees the catalogue, so the same text always parses the same way.
public enum CatalogEnricher {
    /// Looks the document's symbol up in `catalog`; when a record is found, fills the
    /// metadata the text does not give and attaches the record. Text always wins: a value
    /// read in the document is never replaced. Returns whether a record was found.
    @discardableResult
    public static func enrich(_ document: inout Document, from catalog: Catalog) -> Bool {
        guard let symbol = document.symbol, let record = catalog.record(for: symbol) else { return false }
        var filled: [String] = []
        var metadata = document.metadata
        if metadata.title == nil, let title = record.title {
            metadata.title = title
            filled.append("title")
        }
        if metadata.issueDate == nil, let date = record.date {
            metadata.issueDate = date
            filled.append("issueDate")
        }
        if metadata.agendaItem == nil, let item = record.agenda.first, let number = item.number {
            metadata.agendaItem = AgendaItemRef(number: number, title: item.title, provisional: false)
            filled.append("agendaItem")
        }
        // The agenda symbol belongs with the item: only when the item is the catalogue's too,
        // or the text gives the same item number.
        if metadata.agendaSymbol == nil, let item = record.agenda.first, let agenda = item.symbol,
           filled.contains("agendaItem") || metadata.agendaItem?.number == item.number {
            metadata.agendaSymbol = agenda
            filled.append("agendaSymbol")
        }
        if metadata.bodyPrefix == nil, let prefix = record.bodyPrefix {
            metadata.bodyPrefix = prefix
            filled.append("bodyPrefix")
        }
        document.metadata = metadata
        document.catalog = CatalogAnnotation(record: record, filled: filled)
        return true
    }
}
