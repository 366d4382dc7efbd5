/// Writes a graph in Graphviz DOT: one shape per node kind, external nodes dashed,
/// unresolved ones red, edges labelled with their relation.
public enum DOTWriter {
    public static func write(_ graph: Graph) -> String {
        var out = "digraph undoc {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n"
        for node in graph.nodes {
            var attributes = ["label=\(quote(wrap(node.label)))", "shape=\(shape(node.kind))"]
            var styles: [String] = []
            if node.external { styles.append("dashed") }
            if node.unresolved == true { attributes.append("color=red") }
            if !styles.isEmpty { attributes.append("style=\(quote(styles.joined(separator: ",")))") }
            out += "  \(quote(node.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for edge in graph.edges {
            out += "  \(quote(edge.source)) -> \(quote(edge.target)) [label=\(quote(edge.relation.rawValue))];\n"
        }
        out += "}\n"
        return out
    }

    private static func shape(_ kind: GraphNode.Kind) -> String {
        switch kind {
        case .document: "note"
        case .resolution: "tab"
        case .decision: "box"
        case .recommendation: "ellipse"
        case .part, .element: "plaintext"
        case .article, .treaty: "component"
        }
    }

    /// Long labels wrap at about 40 characters so rendered graphs stay readable.
    private static func wrap(_ label: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in label.split(separator: " ") {
            if line.count + word.count > 40, !line.isEmpty {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.prefix(4).joined(separator: "\n")
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
