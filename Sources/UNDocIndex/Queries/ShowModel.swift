/// `undoc show`: one document or element with its references out and in
/// (`undoc.show/1`). A symbol the index knows only from citations (a draft, a resolution)
/// shows as its graph node, with what says so.
public struct ShowResult: Sendable, Codable, Equatable {
    public static let schemaVersion = "undoc.show/1"
    public var schema = ShowResult.schemaVersion
    /// What was asked for.
    public var target: String
    /// The indexed document, when the target is one or lies in one.
    public var document: IndexedDocumentInfo?
    /// The element asked for.
    public var element: ElementInfo?
    /// The graph nodes the target stands for (the document, or the decision an element is).
    public var nodes: [NodeInfo]
    public var counts: DocumentCounts?
    /// A document's decisions.
    public var decisions: [DecisionInfo]
    /// Rows of annex lists of documents that name the target.
    public var listedIn: [ListingInfo]
    /// References the parser found in the document or element.
    public var referencesOut: [OutgoingReference]
    /// Graph edges from a node known only from citations (a draft adopted as a decision, a
    /// revision of another document).
    public var linksOut: [GraphLink]
    /// Graph edges into the target, its decisions, recommendations and elements, each with
    /// the place that says so.
    public var referencesIn: [GraphLink]
}

/// An indexed document's metadata.
public struct IndexedDocumentInfo: Sendable, Codable, Equatable {
    public var symbol: String?
    public var file: String
    public var node: String
    public var format: String
    public var title: String?
    public var organ: String?
    public var body: String?
    public var bodyPrefix: String?
    public var session: String?
    public var place: String?
    public var dates: String?
    public var issueDate: String?
    public var distribution: String?
    public var agendaItem: String?
    public var agendaTitle: String?
    public var hash: String
    public var indexedAt: String
}

/// How much an indexed document holds.
public struct DocumentCounts: Sendable, Codable, Equatable {
    public var paragraphs: Int
    public var decisions: Int
    public var recommendations: Int
    public var footnotes: Int
    public var elements: Int
    public var references: Int
    public var listings: Int
    public var diagnostics: Int
}

/// One element of an indexed document, as stored.
public struct ElementInfo: Sendable, Codable, Equatable {
    public var element: String
    public var kind: String
    public var label: String?
    public var title: String?
    public var text: String
    public var container: String?
    public var line: Int
    public var endLine: Int
    /// Elements inside it (clauses of a decision, items of a list).
    public var children: Int
}

/// A node of the graph the target stands for.
public struct NodeInfo: Sendable, Codable, Equatable {
    public var id: String
    public var kind: String
    public var label: String
    public var external: Bool
    public var unresolved: Bool
    public var note: String?
}

/// A decision printed in a document.
public struct DecisionInfo: Sendable, Codable, Equatable {
    public var number: String
    public var element: String
    public var title: String?
    public var line: Int
}

/// A row of an annex list of documents that names the target.
public struct ListingInfo: Sendable, Codable, Equatable {
    /// The document whose annex lists it.
    public var symbol: String?
    public var file: String
    public var element: String
    public var annexTitle: String?
    public var printed: String
    public var title: String
    public var line: Int
}

/// A reference the parser found, with whether the symbol it cites is indexed.
public struct OutgoingReference: Sendable, Codable, Equatable {
    public var id: String
    public var from: String
    public var kind: String
    public var relation: String?
    public var target: String
    public var symbol: String?
    public var element: String?
    public var status: String
    public var note: String?
    public var text: String
    public var line: Int
    /// Whether the symbol it cites is an indexed document.
    public var inIndex: Bool
}

/// An edge of the graph with one piece of its evidence.
public struct GraphLink: Sendable, Codable, Equatable {
    public var source: String
    public var sourceLabel: String?
    public var relation: String
    public var target: String
    public var targetLabel: String?
    /// The document whose text says so: its symbol, file and graph node.
    public var symbol: String?
    public var file: String
    public var document: String
    public var element: String
    public var text: String
    public var line: Int
}
