/// Writes a graph as GraphML, which Gephi, networkx and igraph read. Node and edge
/// attributes are declared as `<key>`s; an edge's evidence is given as its first text and
/// the number of places that say so.
public enum GraphMLWriter {
    public static func write(_ graph: Graph) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="kind" for="node" attr.name="kind" attr.type="string"/>
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="document" for="node" attr.name="document" attr.type="string"/>
              <key id="external" for="node" attr.name="external" attr.type="boolean"/>
              <key id="unresolved" for="node" attr.name="unresolved" attr.type="boolean"/>
              <key id="date" for="node" attr.name="date" attr.type="string"/>
              <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
              <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
              <key id="evidenceCount" for="edge" attr.name="evidenceCount" attr.type="int"/>
              <key id="element" for="edge" attr.name="element" attr.type="string"/>
              <graph id="undoc" edgedefault="directed">

            """
        for node in graph.nodes {
            out += "    <node id=\"\(escape(node.id))\">\n"
            out += data("kind", node.kind.rawValue)
            out += data("label", node.label)
            if let document = node.document { out += data("document", document) }
            out += data("external", node.external ? "true" : "false")
            out += data("unresolved", node.unresolved == true ? "true" : "false")
            if let date = node.date { out += data("date", date) }
            out += "    </node>\n"
        }
        for (index, edge) in graph.edges.enumerated() {
            out += "    <edge id=\"e\(index)\" source=\"\(escape(edge.source))\" target=\"\(escape(edge.target))\">\n"
            out += data("relation", edge.relation.rawValue)
            if let first = edge.evidence.first {
                out += data("evidence", first.text)
                out += data("element", "\(first.document)#\(first.element)")
            }
            out += data("evidenceCount", String(edge.evidence.count))
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private static func data(_ key: String, _ value: String) -> String {
        "      <data key=\"\(key)\">\(escape(value))</data>\n"
    }

    /// Escapes XML text and attribute values; drops control characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
