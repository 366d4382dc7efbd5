/// Follows the lineage of a node through the graph: back to what it builds on (what it
/// recalls, is further to, was adopted from) or forward to what builds on it. Cycles are
/// reported, never followed twice.
public struct Tracer: Sendable {
    public enum Direction: String, Sendable, CaseIterable, Codable {
        case back
        case forward
        case both
    }

    private let nodes: [String: GraphNode]
    private let outgoing: [String: [GraphEdge]]
    private let incoming: [String: [GraphEdge]]

    public init(graph: Graph) {
        nodes = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var outgoing: [String: [GraphEdge]] = [:]
        var incoming: [String: [GraphEdge]] = [:]
        for edge in graph.edges {
            outgoing[edge.source, default: []].append(edge)
            incoming[edge.target, default: []].append(edge)
        }
        self.outgoing = outgoing
        self.incoming = incoming
    }

    /// Finds the node a user means: an exact id ("decision:CTOC/COP:3/4"), a symbol
    /// ("CTOC/COP/2006/L.4"), or a number as cited ("decision 3/4", "3/4",
    /// "recommendation 6(c)", "6(c)"). Parsed nodes win over external ones of the same number.
    public func resolve(_ query: String) throws(TraceError) -> GraphNode {
        let text = query.trimmingCharacters(in: .whitespaces)
        if let exact = nodes[text] { return exact }
        if let document = nodes[NodeID.document(symbol: text)] { return document }
        let lowered = text.lowercased()
        var kind: GraphNode.Kind?
        var number = text
        for (word, wanted) in [("decision ", GraphNode.Kind.decision), ("recommendation ", .recommendation), ("rec ", .recommendation)]
        where lowered.hasPrefix(word) {
            kind = wanted
            number = String(text.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
        }
        let candidates = nodes.values.filter { node in
            (kind == nil ? node.kind == .decision || node.kind == .recommendation : node.kind == kind)
                && node.id.hasSuffix(":" + number)
        }
        let parsed = candidates.filter { !$0.external }
        let pool = parsed.isEmpty ? candidates : parsed
        if pool.count == 1 { return pool[0] }
        if pool.isEmpty { throw .notFound(query) }
        throw .ambiguous(query, pool.map(\.id).sorted())
    }

    /// The lineage of `node` in `direction`, at most `depth` steps deep.
    public func trace(_ node: GraphNode, direction: Direction, depth: Int = 50) -> Trace {
        var context: [TraceStep] = []
        for edge in outgoing[node.id] ?? [] where edge.relation.isContainment {
            if let target = nodes[edge.target] {
                context.append(TraceStep(node: target, relation: edge.relation, evidence: edge.evidence))
            }
        }
        var back: [TraceStep] = []
        var forward: [TraceStep] = []
        if direction != .forward {
            var expanded: Set<String> = []
            back = steps(from: node.id, back: true, path: [node.id], expanded: &expanded, depth: depth)
        }
        if direction != .back {
            var expanded: Set<String> = []
            forward = steps(from: node.id, back: false, path: [node.id], expanded: &expanded, depth: depth)
        }
        return Trace(root: node, direction: direction, context: context, back: back, forward: forward)
    }

    private func steps(from id: String, back: Bool, path: Set<String>, expanded: inout Set<String>, depth: Int) -> [TraceStep] {
        guard depth > 0 else { return [] }
        expanded.insert(id)
        var found: [(GraphEdge, String)] = []
        // Going back: the edges this node points back along, and the drafts adopted as it.
        for edge in outgoing[id] ?? [] where !edge.relation.isContainment {
            if edge.relation.pointsBack == back { found.append((edge, edge.target)) }
        }
        for edge in incoming[id] ?? [] where !edge.relation.isContainment {
            if edge.relation.pointsBack != back { found.append((edge, edge.source)) }
        }
        found.sort { ($0.1, $0.0.relation) < ($1.1, $1.0.relation) }
        return found.compactMap { edge, next in
            guard let node = nodes[next] else { return nil }
            var step = TraceStep(node: node, relation: edge.relation, evidence: edge.evidence)
            if path.contains(next) {
                step.cycle = true
            } else if expanded.contains(next) {
                step.shownAbove = true
            } else {
                step.children = steps(from: next, back: back, path: path.union([next]), expanded: &expanded, depth: depth - 1)
            }
            return step
        }
    }
}

/// Why a trace could not start.
public enum TraceError: Error, CustomStringConvertible, Sendable {
    case notFound(String)
    case ambiguous(String, [String])

    public var description: String {
        switch self {
        case .notFound(let query):
            "no node matches \"\(query)\" (try a node id from `undoc graph`, a symbol, \"decision 3/4\" or \"recommendation 6(c)\")"
        case .ambiguous(let query, let candidates):
            "\"\(query)\" is ambiguous: \(candidates.joined(separator: ", "))"
        }
    }
}
