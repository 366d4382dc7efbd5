import UNDocModel

/// What one parsed document contributes to the graph. It is taken right after parsing so
/// the document itself can be dropped: the graph of 100,000 documents never holds their text.
/// Codable so that an index can store them and rebuild the graph without parsing again.
public struct DocumentFacts: Sendable, Codable {
    public var file: String
    /// The document's node id.
    public var node: String
    public var symbol: String?
    public var title: String?
    public var issueDate: String?
    public var bodyPrefix: String?
    /// Nodes the document defines: itself, its decisions and recommendations.
    var nodes: [GraphNode] = []
    /// Edges whose both ends are known now.
    var links: [Link] = []
    /// "recommendation 19 of the previous report": the report is found once the whole
    /// corpus is known.
    var pending: [PendingRecommendation] = []
    /// Symbols this document cites, for finding "the previous report" in its own text.
    var citedSymbols: [String] = []
}

/// An edge, with what the builder needs to create either end if it is not in the graph yet.
struct Link: Sendable, Codable {
    var source: GraphNode
    var target: GraphNode
    var relation: Relation
    var evidence: Evidence
}

/// A recommendation of a report the citing text names only as "the previous report".
struct PendingRecommendation: Sendable, Codable {
    var source: GraphNode
    var number: String
    /// The body whose report it is (symbol prefix), e.g. CTOC/COP/WG.4.
    var bodyPrefix: String?
    var qualifier: String
    var relation: Relation
    var evidence: Evidence
}

extension DocumentFacts {
    /// The same facts with links and pending recommendations in one fixed order, so equal
    /// facts encode to equal bytes however they were found (an index compares them to tell
    /// whether a changed file changed the graph). The graph built from them is the same.
    public func canonicalized() -> DocumentFacts {
        var copy = self
        copy.links.sort {
            ($0.source.id, $0.target.id, $0.relation, $0.evidence) < ($1.source.id, $1.target.id, $1.relation, $1.evidence)
        }
        copy.pending.sort {
            ($0.source.id, $0.number, $0.relation, $0.evidence) < ($1.source.id, $1.number, $1.relation, $1.evidence)
        }
        return copy
    }
}
