/// A session catalogue (`undoc.session/1`), in the manner of the Dag Hammarskjöld
/// Library's indexes to proceedings: the documents of a session, the documents before it,
/// its agenda, the decisions adopted with the drafts they came from, and where each
/// document is cited.
public struct SessionCatalogue: Sendable, Codable, Equatable {
    public static let schemaVersion = "undoc.session/1"
    public var schema = SessionCatalogue.schemaVersion
    /// How the documents were selected.
    public var filter: DocumentFilter
    /// Bodies, sessions, places and meeting dates of the documents, as printed.
    public var bodies: [String]
    public var sessions: [String]
    public var meetings: [String]
    /// The indexed documents selected, by symbol.
    public var documents: [CatalogueDocument]
    /// The lists of documents before the session printed in their annexes.
    public var documentsBefore: [DocumentList]
    /// The agendas printed in them (adopted in a report paragraph, or in an annex).
    public var agendas: [Agenda]
    /// The documents issued under each agenda item, from their mastheads.
    public var agendaDocuments: [AgendaItemDocuments]
    public var decisions: [AdoptedDecision]
    /// Every document of the catalogue (selected, listed or adopted from) that the index
    /// cites, with where.
    public var citations: [CitedDocument]
}

/// An indexed document of the session.
public struct CatalogueDocument: Sendable, Codable, Equatable {
    public var symbol: String?
    public var file: String
    public var title: String?
    public var issueDate: String?
    public var distribution: String?
    public var session: String?
    public var agendaItem: String?
}

/// An annex that lists documents.
public struct DocumentList: Sendable, Codable, Equatable {
    /// The document whose annex it is.
    public var symbol: String?
    public var file: String
    public var annex: String
    public var title: String?
    public var entries: [ListedDocument]
}

/// A row of a list of documents.
public struct ListedDocument: Sendable, Codable, Equatable {
    /// As printed: "CTOC/COP/2006/L.1 and Add.1-3".
    public var printed: String
    /// Every symbol it stands for.
    public var symbols: [String]
    public var title: String
    /// Those of `symbols` that are indexed documents.
    public var indexed: [String]
}

/// An agenda printed in a document of the session.
public struct Agenda: Sendable, Codable, Equatable {
    public var symbol: String?
    public var file: String
    /// The paragraph or annex that prints it.
    public var element: String
    /// The annex title or the paragraph's words ("adopted the following agenda for its third session").
    public var heading: String
    public var items: [AgendaEntry]
}

/// An item or sub-item of an agenda.
public struct AgendaEntry: Sendable, Codable, Equatable {
    public var element: String
    /// "1.", "(a)".
    public var label: String?
    public var text: String
    /// 0 for an item, 1 for its sub-items ("(a)"), 2 for theirs ("(i)"), and so on.
    public var depth: Int
}

/// The documents whose masthead says they are issued under an agenda item.
public struct AgendaItemDocuments: Sendable, Codable, Equatable {
    public var item: String
    public var title: String?
    public var documents: [String]
}

/// A decision printed in a document of the session.
public struct AdoptedDecision: Sendable, Codable, Equatable {
    public var number: String
    public var title: String?
    /// The graph node (decision:CTOC/COP:3/2).
    public var node: String?
    /// Where it is printed.
    public var publishedIn: Place
    /// The drafts adopted as it (edges `adoptedAs`).
    public var drafts: [Draft]
}

/// A draft adopted as a decision.
public struct Draft: Sendable, Codable, Equatable {
    public var symbol: String
    /// From the index or the annex list of documents.
    public var title: String?
    /// What it revises, corrects or adds to (CTOC/COP/2006/L.6 for …/L.6/Rev.1).
    public var revises: [String]
    public var indexed: Bool
    /// The paragraphs that record the adoption.
    public var recordedIn: [Place]
}

/// A place in an indexed document.
public struct Place: Sendable, Codable, Equatable {
    public var symbol: String?
    public var file: String
    public var element: String
    public var line: Int
    public var text: String?
}

/// A document of the catalogue and the places in the index that cite it.
public struct CitedDocument: Sendable, Codable, Equatable {
    public var symbol: String
    public var title: String?
    public var indexed: Bool
    public var citedBy: [Citation]
}

/// One place that cites a document (or a part or decision of it).
public struct Citation: Sendable, Codable, Equatable {
    public var relation: String
    /// What exactly is cited when it is a part of the document (a decision, an annex).
    public var target: String
    public var place: Place
}
