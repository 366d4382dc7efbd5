import Foundation

/// A lineage: the node traced, where it is published, and the steps back and forward.
/// This is the `undoc.trace/1` JSON contract.
public struct Trace: Codable, Sendable {
    public static let schemaVersion = "undoc.trace/1"

    public var schema = Trace.schemaVersion
    public var root: GraphNode
    public var direction: Tracer.Direction
    /// Where the node is published or what contains it.
    public var context: [TraceStep]
    public var back: [TraceStep]
    public var forward: [TraceStep]
}

/// One step of a lineage: the node reached, by which relation, on what evidence.
public struct TraceStep: Codable, Sendable {
    public var node: GraphNode
    public var relation: Relation
    public var evidence: [Evidence]
    public var children: [TraceStep] = []
    /// The node is already on the path from the root: a cycle, not followed.
    public var cycle: Bool = false
    /// The node was expanded earlier in this trace; its steps are not repeated.
    public var shownAbove: Bool = false
}

extension Trace {
    /// A readable tree quoting the evidence for every step.
    public func text() -> String {
        var out = "\(root.label)  [\(root.id)]\(root.external ? "  (outside the corpus)" : "")\n"
        for step in context {
            out += "  \(step.relation == .publishedIn ? "published in" : step.relation.rawValue): \(step.node.label)  [\(step.node.id)]\n"
        }
        func render(_ steps: [TraceStep], indent: String) {
            for (index, step) in steps.enumerated() {
                let last = index == steps.count - 1
                var line = "\(indent)\(last ? "└─" : "├─") \(step.relation.rawValue) → \(step.node.label)  [\(step.node.id)]"
                if step.node.external { line += "  (outside the corpus)" }
                if step.node.unresolved == true { line += "  (unresolved: \(step.node.note ?? "target unknown"))" }
                if step.cycle { line += "  (cycle: already on this path)" }
                if step.shownAbove { line += "  (shown above)" }
                out += line + "\n"
                let pad = indent + (last ? "   " : "│  ")
                for evidence in step.evidence.prefix(3) {
                    out += "\(pad)   “\(evidence.text)” — \(evidence.file), \(evidence.element), line \(evidence.span.line)\n"
                }
                if step.evidence.count > 3 { out += "\(pad)   … and \(step.evidence.count - 3) more places\n" }
                render(step.children, indent: pad)
            }
        }
        if direction != .forward {
            out += "back:\n"
            if back.isEmpty { out += "  (nothing earlier in the graph)\n" }
            render(back, indent: "  ")
        }
        if direction != .back {
            out += "forward:\n"
            if forward.isEmpty { out += "  (nothing later in the graph)\n" }
            render(forward, indent: "  ")
        }
        return out
    }
}
