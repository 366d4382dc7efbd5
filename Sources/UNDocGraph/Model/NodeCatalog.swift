import UNDocModel

/// What the library catalogue (`--catalog`) says about a document or resolution node: the
/// record's title and date, its subjects and related documents, and which of the node's
/// own values came from it. Related documents stay attributes, not edges: the catalogue's
/// "related" (993) does not say which way a relation runs or what kind it is in terms of
/// `Relation`, and an edge needs evidence in a document's text.
public struct NodeCatalog: Codable, Sendable, Hashable {
    /// The library's record number (001).
    public var record: String?
    /// The catalogue file the record was read from.
    public var file: String
    public var title: String?
    /// The record's date, ISO 8601: publication date, or for a resolution the date of action.
    public var date: String?
    public var subjects: [String]?
    public var related: [CatalogRelatedDocument]?
    public var documentType: String?
    /// The node's fields whose value came from the record: `label`, `date`. Empty when the
    /// document's own text gave them.
    public var filled: [String]

    public init(_ record: CatalogRecord, kind: GraphNode.Kind, filled: [String]) {
        self.record = record.id
        file = record.source.file
        title = record.title
        date = Self.date(of: record, kind: kind)
        subjects = record.subjects.isEmpty ? nil : record.subjects
        related = record.related.isEmpty ? nil : record.related
        documentType = record.documentType
        self.filled = filled
    }

    /// The date a node of `kind` carries: a resolution's is the day it was adopted (992)
    /// when the record gives it; a document's, the day it was issued (269).
    static func date(of record: CatalogRecord, kind: GraphNode.Kind) -> String? {
        kind == .resolution ? record.actionDate ?? record.date : record.date
    }

    /// Gives a document or resolution node the catalogue's title as its label when it has
    /// no title of its own (its label is its symbol), the catalogue's date when it has
    /// none, and the record as an attribute. Returns whether the node has a record.
    @discardableResult
    public static func annotate(_ node: inout GraphNode, from catalog: Catalog) -> Bool {
        guard node.catalog == nil, node.kind == .document || node.kind == .resolution, let symbol = node.symbol,
              let record = catalog.record(for: symbol)
        else { return false }
        var filled: [String] = []
        if node.label == symbol, let title = record.title {
            node.label = title
            filled.append("label")
        }
        if node.date == nil, let date = date(of: record, kind: node.kind) {
            node.date = date
            filled.append("date")
        }
        node.catalog = NodeCatalog(record, kind: node.kind, filled: filled)
        return true
    }

    /// Annotates every node of a finished graph (one read from a file, say).
    public static func annotate(_ graph: inout Graph, from catalog: Catalog) {
        for index in graph.nodes.indices { annotate(&graph.nodes[index], from: catalog) }
    }
}
