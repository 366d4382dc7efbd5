/// Moves a document's facts to another node id, for a second file that carries a symbol
/// the corpus already has.
enum FactRenamer {
    static func rename(_ facts: DocumentFacts, to node: String) -> DocumentFacts {
        var out = facts
        let old = facts.node
        func fix(_ id: String) -> String { id == old ? node : id.hasPrefix(old + "#") ? node + id.dropFirst(old.count) : id }
        func fix(_ value: GraphNode) -> GraphNode {
            var copy = value
            copy.id = fix(copy.id)
            copy.document = copy.document.map(fix)
            return copy
        }
        out.node = node
        out.symbol = nil
        out.nodes = facts.nodes.map(fix)
        out.links = facts.links.map { link in
            var copy = link
            copy.source = fix(link.source)
            copy.target = fix(link.target)
            copy.evidence.document = node
            return copy
        }
        out.pending = facts.pending.map { item in
            var copy = item
            copy.source = fix(item.source)
            copy.evidence.document = node
            return copy
        }
        return out
    }
}
