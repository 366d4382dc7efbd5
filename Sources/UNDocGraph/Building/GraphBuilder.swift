import UNDocModel

/// Accumulates the facts of parsed documents, one at a time, and resolves what needs the
/// whole corpus: "the previous report", documents cited by symbol that the corpus holds,
/// revisions, addenda and corrigenda of the documents cited.
public struct GraphBuilder: Sendable {
    struct EdgeKey: Hashable, Sendable {
        var source: String
        var target: String
        var relation: Relation
    }

    struct Summary: Sendable {
        var node: String
        var file: String
        var symbol: String?
        var bodyPrefix: String?
        var issueDate: String?
        var citedSymbols: [String]
    }

    private var nodes: [String: GraphNode] = [:]
    private var edges: [EdgeKey: [Evidence]] = [:]
    private var files: [String] = []
    private var summaries: [Summary] = []
    private var pending: [(PendingRecommendation, Int)] = []
    private var diagnostics: [GraphDiagnostic] = []
    private var symbolOwners: [String: String] = [:]
    /// Per body prefix, the parsed documents with a symbol and an issue date, sorted by date:
    /// "the previous report" by date is a binary search, not a pass over the corpus.
    private var datedDocuments: [String: [(date: String, symbol: String)]] = [:]
    /// The library catalogue: titles and dates for the nodes that have none of their own,
    /// and issue dates for "the previous report" when a document does not print its date.
    private let catalog: Catalog?

    public init(catalog: Catalog? = nil) {
        self.catalog = catalog.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Adds one parsed document.
    public mutating func add(_ facts: DocumentFacts) {
        var facts = facts
        files.append(facts.file)
        if let symbol = facts.symbol {
            if let first = symbolOwners[symbol] {
                // Two files claim one symbol: keep both, the second under its file name.
                diagnostics.append(GraphDiagnostic(
                    .warning, code: "graph.duplicateSymbol",
                    message: "\(facts.file) and \(first) both carry the symbol \(symbol); the second is kept as \(NodeID.document(file: facts.file))",
                    file: facts.file, node: NodeID.document(symbol: symbol), candidates: [first, facts.file]))
                facts = FactRenamer.rename(facts, to: NodeID.document(file: facts.file))
            } else {
                symbolOwners[symbol] = facts.file
            }
        }
        for node in facts.nodes { insert(node) }
        for link in facts.links { connect(link) }
        let index = summaries.count
        // Facts stored before the catalogue was given (an index) lack its date and body.
        let record = facts.symbol.flatMap { catalog?.record(for: $0) }
        summaries.append(Summary(node: facts.node, file: facts.file, symbol: facts.symbol,
                                 bodyPrefix: facts.bodyPrefix ?? record?.bodyPrefix,
                                 issueDate: facts.issueDate ?? record?.date, citedSymbols: facts.citedSymbols))
        pending += facts.pending.map { ($0, index) }
    }

    /// Records a file that could not be read or parsed; the graph of the rest is still built.
    public mutating func addFailure(file: String, message: String) {
        diagnostics.append(GraphDiagnostic(.error, code: "graph.unreadable", message: message, file: file))
    }

    /// The finished graph, sorted.
    public consuming func finish() -> Graph {
        for summary in summaries {
            guard let prefix = summary.bodyPrefix, let date = summary.issueDate, let symbol = summary.symbol,
                  Self.isReport(symbol)
            else { continue }
            datedDocuments[prefix, default: []].append((date, symbol))
        }
        for prefix in datedDocuments.keys { datedDocuments[prefix]?.sort { ($0.date, $0.symbol) < ($1.date, $1.symbol) } }
        for (recommendation, index) in pending { resolve(recommendation, in: summaries[index]) }
        if let catalog {
            for index in nodes.values.indices { NodeCatalog.annotate(&nodes.values[index], from: catalog) }
        }
        let sortedNodes = nodes.values.sorted { $0.id < $1.id }
        let sortedEdges = edges.map { key, evidence in
            GraphEdge(source: key.source, target: key.target, relation: key.relation, evidence: Array(Set(evidence)).sorted())
        }.sorted { ($0.source, $0.target, $0.relation) < ($1.source, $1.target, $1.relation) }
        return Graph(documents: files, nodes: sortedNodes, edges: sortedEdges, diagnostics: diagnostics.sorted())
    }

    // MARK: - Nodes and edges

    /// Adds a node, or completes the one already there: a parsed document's own node wins
    /// over the external node its citations made.
    private mutating func insert(_ node: GraphNode) {
        guard var existing = nodes[node.id] else {
            nodes[node.id] = node
            return
        }
        if existing.external, !node.external {
            var merged = node
            merged.date = merged.date ?? existing.date
            nodes[node.id] = merged
            return
        }
        existing.date = existing.date ?? node.date
        existing.document = existing.document ?? node.document
        existing.symbol = existing.symbol ?? node.symbol
        existing.catalog = existing.catalog ?? node.catalog
        if existing.unresolved == true, node.unresolved != true, !node.external {
            existing.unresolved = nil
            existing.note = node.note
        }
        nodes[node.id] = existing
    }

    private mutating func connect(_ link: Link) {
        insert(link.source)
        insert(link.target)
        edges[EdgeKey(source: link.source.id, target: link.target.id, relation: link.relation), default: []]
            .append(link.evidence)
    }

    // MARK: - "The previous report"

    private mutating func resolve(_ item: PendingRecommendation, in citing: Summary) {
        let prefix = item.bodyPrefix ?? citing.bodyPrefix
        var candidates = prefix.map { previousReportsCited(by: citing, prefix: $0) } ?? []
        var how = "the document cites it"
        if candidates.isEmpty, let prefix {
            candidates = previousReportsInCorpus(before: citing, prefix: prefix)
            how = "it is the corpus's latest earlier report of \(prefix)"
        }
        let target: GraphNode
        if candidates.count == 1 {
            let report = candidates[0]
            var node = GraphNode(id: NodeID.recommendation(report: report, number: item.number), kind: .recommendation,
                                 label: "recommendation \(item.number) of \(report)", document: NodeID.document(symbol: report),
                                 external: true)
            node.note = "\(item.qualifier): \(report) (\(how))"
            if let parsed = nodes[NodeID.document(symbol: report)], !parsed.external, nodes[node.id] == nil {
                node.external = false
                node.unresolved = true
                node.note = "\(report) is in the corpus but has no recommendation \(item.number)"
            }
            target = node
            var reportNode = GraphNode(id: NodeID.document(symbol: report), kind: .document, label: report, external: true)
            reportNode.symbol = report
            connect(Link(source: node, target: reportNode, relation: .publishedIn, evidence: item.evidence))
        } else {
            let what = prefix.map { "previous report of \($0)" } ?? item.qualifier
            var node = GraphNode(id: NodeID.recommendation(report: "?\(what)", number: item.number), kind: .recommendation,
                                 label: "recommendation \(item.number) of the \(what)", external: true)
            node.unresolved = true
            if candidates.isEmpty {
                node.note = "which report is \"\(item.qualifier)\" is not known: neither \(citing.file) nor the corpus names an earlier report\(prefix.map { " of \($0)" } ?? "")"
                diagnostics.append(GraphDiagnostic(.warning, code: "graph.unresolved", message: node.note ?? "",
                                                   file: citing.file, node: node.id))
            } else {
                node.note = "ambiguous: \(candidates.joined(separator: " or "))"
                diagnostics.append(GraphDiagnostic(
                    .warning, code: "graph.ambiguous",
                    message: "\"\(item.evidence.text)\" could point into \(candidates.joined(separator: " or "))",
                    file: citing.file, node: node.id, candidates: candidates))
            }
            target = node
        }
        connect(Link(source: item.source, target: target, relation: item.relation, evidence: item.evidence))
    }

    /// Reports of the body that the citing document itself cites (a footnote giving the
    /// previous report's symbol), the latest by year.
    private func previousReportsCited(by citing: Summary, prefix: String) -> [String] {
        let own = citing.symbol
        let cited = Set(citing.citedSymbols.filter { $0.hasPrefix(prefix + "/") && $0 != own && Self.isReport($0) })
        guard !cited.isEmpty else { return [] }
        // A report's previous report is of an earlier year: papers of its own session are not it.
        let ownYear = own.flatMap(Self.year)
        let earlier = cited.filter { symbol in ownYear.map { (Self.year(symbol) ?? 0) < $0 } ?? true }
        let latest = earlier.compactMap(Self.year).max()
        let best = earlier.filter { Self.year($0) == latest }.sorted()
        return best.count > 1 ? Self.withoutVariants(best) : best
    }

    /// Parsed documents of the body issued before the citing one, the latest by date.
    private func previousReportsInCorpus(before citing: Summary, prefix: String) -> [String] {
        guard let date = citing.issueDate, let dated = datedDocuments[prefix] else { return [] }
        // The first document issued on or after `date`; the ones before it share the latest date.
        var low = 0
        var high = dated.count
        while low < high {
            let middle = (low + high) / 2
            if dated[middle].date < date { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return [] }
        let latest = dated[low - 1].date
        var out: [String] = []
        var index = low - 1
        while index >= 0, dated[index].date == latest {
            out.append(dated[index].symbol)
            index -= 1
        }
        return out.sorted()
    }

    /// Whether a symbol can be a report: not a draft (L.), a conference room paper (CRP.),
    /// an information paper (INF/) or a corrigendum.
    static func isReport(_ symbol: String) -> Bool {
        !symbol.split(separator: "/").contains { part in
            part.hasPrefix("L.") || part.hasPrefix("CRP.") || part == "INF" || part.hasPrefix("Corr.")
        }
    }

    /// The first four-digit part of a symbol: its year.
    static func year(_ symbol: String) -> Int? {
        symbol.split(separator: "/").first { $0.count == 4 && $0.allSatisfy(\.isNumber) }.flatMap { Int($0) }
    }

    /// Keeps base documents when their addenda or corrigenda are cited too.
    static func withoutVariants(_ symbols: [String]) -> [String] {
        let set = Set(symbols)
        return symbols.filter { symbol in
            guard let slash = symbol.lastIndex(of: "/") else { return true }
            return !set.contains(String(symbol[..<slash]))
        }
    }
}
