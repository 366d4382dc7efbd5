/// A recommendation, identified as it is cited: "6(c)" for item (c) under the heading
/// "6. Training", "2" or "2(a)" for a numbered recommendation and its items.
public struct Recommendation: Codable, Sendable, Hashable {
    /// Id as cited: "6(c)".
    public var id: String
    /// Element id: "rec-6(c)".
    public var element: String
    public var text: String
    /// The numbered or roman heading that groups it, e.g. "6" "Training".
    public var group: RecommendationGroup?
    /// The decision that carries it, if any: "3/4".
    public var decision: String?
    public var span: SourceSpan

    public init(id: String, text: String, group: RecommendationGroup?, decision: String?, span: SourceSpan) {
        self.id = id
        element = ElementID.recommendation(id)
        self.text = text
        self.group = group
        self.decision = decision
        self.span = span
    }
}

/// The heading a recommendation is grouped under.
public struct RecommendationGroup: Codable, Sendable, Hashable {
    public var number: String?
    public var heading: String

    public init(number: String?, heading: String) {
        self.number = number
        self.heading = heading
    }
}
