import UNDocModel

/// The decision graph of a corpus: the `undoc.graph/1` JSON contract
/// (`Schemas/undoc.graph-1.schema.json`). Nodes are sorted by id and edges by source,
/// target and relation, so the same inputs always give the same bytes.
public struct Graph: Codable, Sendable {
    public static let schemaVersion = "undoc.graph/1"

    public var schema: String
    /// The files the graph was built from, in order.
    public var documents: [String]
    public var nodes: [GraphNode]
    public var edges: [GraphEdge]
    /// Ambiguous references, unreadable files, unresolved targets.
    public var diagnostics: [GraphDiagnostic]

    public init(documents: [String], nodes: [GraphNode], edges: [GraphEdge], diagnostics: [GraphDiagnostic]) {
        schema = Graph.schemaVersion
        self.documents = documents
        self.nodes = nodes
        self.edges = edges
        self.diagnostics = diagnostics
    }
}

/// A problem found while building the graph.
public struct GraphDiagnostic: Codable, Sendable, Hashable, Comparable {
    public var severity: Diagnostic.Severity
    /// Dotted code: `graph.ambiguous`, `graph.unresolved`, `graph.unreadable`, …
    public var code: String
    public var message: String
    public var file: String?
    public var node: String?
    /// For ambiguous references: every candidate.
    public var candidates: [String]?

    public init(_ severity: Diagnostic.Severity, code: String, message: String, file: String? = nil,
                node: String? = nil, candidates: [String]? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.node = node
        self.candidates = candidates
    }

    public static func < (lhs: GraphDiagnostic, rhs: GraphDiagnostic) -> Bool {
        (lhs.file ?? "", lhs.code, lhs.node ?? "", lhs.message) < (rhs.file ?? "", rhs.code, rhs.node ?? "", rhs.message)
    }
}
