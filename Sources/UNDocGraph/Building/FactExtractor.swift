import UNDocModel

/// Turns a parsed document into `DocumentFacts`: its nodes (the document, its decisions and
/// recommendations) and an edge for every reference, with the evidence.
public enum FactExtractor {
    public static func facts(of document: Document, file: String) -> DocumentFacts {
        let node = document.symbol.map(NodeID.document(symbol:)) ?? NodeID.document(file: file)
        let key = document.symbol ?? "file:\(file)"
        var facts = DocumentFacts(
            file: file, node: node, symbol: document.symbol, title: document.metadata.title,
            issueDate: document.metadata.issueDate, bodyPrefix: document.metadata.bodyPrefix)
        var documentNode = GraphNode(id: node, kind: .document, label: document.metadata.title ?? document.symbol ?? file,
                                     external: false)
        documentNode.symbol = document.symbol
        documentNode.date = document.metadata.issueDate
        documentNode.file = file
        if let annotation = document.catalog {
            // Node fields made from metadata the catalogue filled (see CatalogEnricher).
            let filled = annotation.filled.compactMap { ["title": "label", "issueDate": "date"][$0] }
            documentNode.catalog = NodeCatalog(annotation.record, kind: .document, filled: filled)
        }
        facts.nodes.append(documentNode)
        if let symbol = document.symbol {
            // The symbol was given for the document (--symbol, a manifest): no printed span.
            let given = Evidence(document: node, file: file, element: "metadata", text: symbol,
                                 span: SourceSpan(start: 0, end: 0, line: 1, endLine: 1))
            facts.links += baseLinks(documentNode, evidence: given)
        }

        let body = document.metadata.bodyPrefix ?? document.metadata.body ?? key
        func decisionNode(_ number: String, body: String, title: String? = nil, document: String? = nil, external: Bool) -> GraphNode {
            GraphNode(id: NodeID.decision(body: body, number: number), kind: .decision,
                      label: "decision \(number) (\(body))\(title.map { ": \($0)" } ?? "")", document: document,
                      external: external)
        }
        func recommendationNode(_ id: String, report: String, reportNode: String?, external: Bool) -> GraphNode {
            GraphNode(id: NodeID.recommendation(report: report, number: id), kind: .recommendation,
                      label: "recommendation \(id) of \(report.hasPrefix("file:") ? String(report.dropFirst(5)) : report)",
                      document: reportNode, external: external)
        }
        func evidence(_ element: String, _ text: String, _ span: SourceSpan) -> Evidence {
            Evidence(document: node, file: file, element: element, text: text, span: span)
        }

        // The document's own decisions and recommendations.
        var decisionNodes: [String: GraphNode] = [:]
        for decision in document.decisions {
            var own = decisionNode(decision.id, body: body, title: decision.title, document: node, external: false)
            if let kind = decision.kind {
                // A draft is not the body's decision. "Draft resolution II" is numbered in its
                // chapter (every report has one); "Draft decision 3/1" in an L. document is
                // numbered as the decision it proposes, which the report of the session says
                // was adopted from that document, or not. Either way the node is the document's.
                own.id = NodeID.element(of: node, decision.element)
                let name = decision.id.contains("/") ? "\(kind) \(decision.id)" : decision.id
                own.label = "\(name) of \(key)\(decision.title.map { ": \($0)" } ?? "")"
            }
            decisionNodes[decision.element] = own
            facts.nodes.append(own)
            facts.links.append(Link(source: own, target: documentNode, relation: .publishedIn,
                                    evidence: evidence(decision.element, decision.heading, decision.span)))
        }
        var recommendationNodes: [String: GraphNode] = [:]
        for recommendation in document.recommendations {
            var own = recommendationNode(recommendation.id, report: key, reportNode: node, external: false)
            if let group = recommendation.group { own.note = group.heading }
            recommendationNodes[recommendation.element] = own
            facts.nodes.append(own)
            facts.links.append(Link(source: own, target: documentNode, relation: .publishedIn,
                                    evidence: evidence(recommendation.element, recommendation.id, recommendation.span)))
        }

        /// The node a reference speaks from: the decision or recommendation its element
        /// belongs to, else the document.
        func owner(of element: String) -> GraphNode {
            let head = element.split(separator: ".", maxSplits: 1).first.map(String.init) ?? element
            return decisionNodes[head] ?? recommendationNodes[head] ?? documentNode
        }
        func elementNode(_ element: String, unresolved: String? = nil) -> GraphNode {
            var result = GraphNode(id: NodeID.element(of: node, element), kind: .element, label: "\(element) of \(key)",
                                   document: node, external: false)
            if let unresolved {
                result.unresolved = true
                result.note = unresolved
            }
            return result
        }
        func documentTarget(_ symbol: String) -> GraphNode {
            var target = GraphNode(id: NodeID.document(symbol: symbol), kind: symbol.contains("/RES/") ? .resolution : .document,
                                   label: symbol, external: true)
            target.symbol = symbol
            return target
        }

        for reference in document.references {
            let source = owner(of: reference.from)
            let proof = evidence(reference.from, reference.text, reference.span)
            let isInternal = reference.status == .resolved
            let relation = Relation.from(relationWord: reference.relation, isInternal: isInternal)
            let target = reference.target
            if reference.kind == .decision || reference.kind == .resolution, let number = target.number, number.hasPrefix("draft ") {
                // "see chap. I, draft resolution II": a draft this report prints, or the element it lacks.
                let element = target.element ?? ElementID.decision(number)
                let to = decisionNodes[element] ?? elementNode(element, unresolved: reference.note ?? "no \(number) in this document")
                facts.links.append(Link(source: source, target: to, relation: relation, evidence: proof))
                continue
            }
            switch reference.kind {
            case .symbol:
                guard let symbol = target.symbol, symbol != document.symbol else { continue }
                facts.citedSymbols.append(symbol)
                let cited = documentTarget(symbol)
                facts.links.append(Link(source: source, target: cited, relation: relation, evidence: proof))
                facts.links += baseLinks(cited, evidence: proof)
            case .resolution:
                guard let symbol = target.symbol else {
                    var unknown = GraphNode(id: "resolution:?:\(target.number ?? target.key)", kind: .resolution,
                                            label: target.key, external: true)
                    unknown.unresolved = true
                    unknown.note = "the organ that adopted it is not named"
                    facts.links.append(Link(source: source, target: unknown, relation: relation, evidence: proof))
                    continue
                }
                var resolution = documentTarget(symbol)
                resolution.kind = .resolution
                resolution.date = target.date
                if let part = target.part {
                    let partNode = GraphNode(id: NodeID.part(of: resolution.id, part), kind: .part, label: "\(symbol), \(part)",
                                             document: resolution.id, external: true)
                    facts.links.append(Link(source: resolution, target: partNode, relation: .contains, evidence: proof))
                    facts.links.append(Link(source: source, target: partNode, relation: relation, evidence: proof))
                } else {
                    facts.links.append(Link(source: source, target: resolution, relation: relation, evidence: proof))
                }
            case .decision:
                if isInternal, let element = target.element, let own = decisionNodes[element] {
                    facts.links.append(Link(source: source, target: own, relation: relation, evidence: proof))
                } else {
                    let owner = target.bodyPrefix ?? target.body ?? "unknown body"
                    let external = decisionNode(target.number ?? target.key, body: owner, external: true)
                    facts.links.append(Link(source: source, target: external, relation: relation, evidence: proof))
                }
            case .recommendation:
                if isInternal, let element = target.element, let own = recommendationNodes[element] {
                    facts.links.append(Link(source: source, target: own, relation: relation, evidence: proof))
                } else if let qualifier = target.qualifier {
                    facts.pending.append(PendingRecommendation(
                        source: source, number: target.number ?? target.key, bodyPrefix: target.bodyPrefix,
                        qualifier: qualifier, relation: relation, evidence: proof))
                } else {
                    var missing = recommendationNode(target.number ?? target.key, report: key, reportNode: node, external: false)
                    missing.unresolved = true
                    missing.note = reference.note
                    facts.links.append(Link(source: source, target: missing, relation: relation, evidence: proof))
                }
            case .paragraph, .clause, .chapter, .annex:
                let from = elementNode(reference.from)
                let to = target.element.map { elementNode($0) }
                    ?? elementNode(target.key.replacingOccurrences(of: " ", with: "-"), unresolved: reference.note)
                facts.links.append(Link(source: from, target: to, relation: .seeAlso, evidence: proof))
            case .article:
                let instrument = target.instrument ?? "unnamed instrument"
                let article = GraphNode(id: NodeID.article(instrument: instrument, number: target.number ?? "?"),
                                        kind: .article, label: "article \(target.number ?? "?") of the \(instrument)",
                                        external: true)
                facts.links.append(Link(source: source, target: article, relation: relation, evidence: proof))
            case .treaty:
                let treaty = GraphNode(id: NodeID.treaty(volume: target.volume ?? "?", number: target.number ?? "?"),
                                       kind: .treaty, label: target.key, external: true)
                facts.links.append(Link(source: source, target: treaty, relation: relation, evidence: proof))
            }
        }
        facts.links += adoptions(in: document, decisions: decisionNodes, evidence: evidence)
        return facts
    }

    /// CTOC/COP/2006/L.6/Rev.1 revises L.6; …/Add.2 adds to its base; …/Corr.1 corrects it;
    /// a base may have a base of its own (…/L.1/Add.1/Corr.1 → …/L.1/Add.1 → …/L.1).
    static func baseLinks(_ node: GraphNode, evidence: Evidence) -> [Link] {
        guard let symbol = node.symbol, let slash = symbol.lastIndex(of: "/") else { return [] }
        let last = symbol[symbol.index(after: slash)...]
        let relation: Relation
        if last.hasPrefix("Rev.") {
            relation = .revises
        } else if last.hasPrefix("Add.") {
            relation = .addsTo
        } else if last.hasPrefix("Corr.") || last.hasPrefix("Amend.") {
            relation = .corrects
        } else {
            return []
        }
        let base = String(symbol[..<slash])
        var baseNode = GraphNode(id: NodeID.document(symbol: base), kind: node.kind, label: base, external: true)
        baseNode.symbol = base
        return [Link(source: node, target: baseNode, relation: relation, evidence: evidence)] + baseLinks(baseNode, evidence: evidence)
    }

    /// "adopted the draft decision … (CTOC/COP/2006/L.4). (For the text, see chap. I,
    /// decision 3/2.)": in an element that reports an adoption, the draft cited last before
    /// the pointer to the adopted text became that text.
    static func adoptions(in document: Document, decisions: [String: GraphNode],
                          evidence: (String, String, SourceSpan) -> Evidence) -> [Link] {
        var links: [Link] = []
        var byElement: [String: [Reference]] = [:]
        // Only elements that point at one of the document's decisions can report an adoption;
        // only their text is searched (searching every element's text with Foundation took
        // about 6% of the CPU time of `undoc graph` on 10,000 documents).
        var pointing: Set<String> = []
        for reference in document.references {
            byElement[reference.from, default: []].append(reference)
            if reference.kind == .decision && reference.status == .resolved && reference.relation == "see" {
                pointing.insert(reference.from)
            }
        }
        guard !pointing.isEmpty else { return [] }
        var texts: [String: String] = [:]
        for element in document.textElements() where pointing.contains(element.id) && texts[element.id] == nil {
            texts[element.id] = element.text
        }
        for element in pointing {
            guard let text = texts[element], contains(text, "adopted"), let references = byElement[element] else { continue }
            let ordered = references.sorted { $0.span.start < $1.span.start }
            for (index, pointer) in ordered.enumerated()
            where pointer.kind == .decision && pointer.status == .resolved && pointer.relation == "see" {
                guard let adopted = pointer.target.element.flatMap({ decisions[$0] }),
                      let draft = ordered[..<index].last(where: { $0.kind == .symbol }), let symbol = draft.target.symbol
                else { continue }
                var draftNode = GraphNode(id: NodeID.document(symbol: symbol), kind: .document, label: symbol, external: true)
                draftNode.symbol = symbol
                let span = draft.span.union(pointer.span)
                links.append(Link(source: draftNode, target: adopted, relation: .adoptedAs,
                                  evidence: evidence(element, "\(draft.text) … \(pointer.text)", span)))
            }
        }
        return links
    }

    /// Whether `text` contains `word`, comparing UTF-8 bytes.
    static func contains(_ text: String, _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var index = 0
            while index <= bytes.count - needle.count {
                if bytes[index] == first {
                    var matched = 1
                    while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }
}
