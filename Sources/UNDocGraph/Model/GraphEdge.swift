import UNDocModel

/// A typed edge with the evidence for it: every place in the corpus that says so.
public struct GraphEdge: Codable, Sendable, Hashable {
    public var source: String
    public var target: String
    public var relation: Relation
    public var evidence: [Evidence]

    public init(source: String, target: String, relation: Relation, evidence: [Evidence]) {
        self.source = source
        self.target = target
        self.relation = relation
        self.evidence = evidence
    }
}

/// Where an edge was read: the document, the element, the exact text and its span.
public struct Evidence: Codable, Sendable, Hashable, Comparable {
    /// The node id of the document.
    public var document: String
    /// The file it was parsed from.
    public var file: String
    /// The element id within the document: "para-61", "rec-6(c)", "dec-3/4".
    public var element: String
    public var text: String
    public var span: SourceSpan

    public init(document: String, file: String, element: String, text: String, span: SourceSpan) {
        self.document = document
        self.file = file
        self.element = element
        self.text = text
        self.span = span
    }

    public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
        (lhs.file, lhs.span.start, lhs.span.end, lhs.element) < (rhs.file, rhs.span.start, rhs.span.end, rhs.element)
    }
}
