/// The normalised target of a reference. `key` is always set; the other fields are those
/// the reference names.
public struct ReferenceTarget: Codable, Sendable, Hashable {
    /// A canonical string for the target: "A/RES/55/25, annex II", "decision 3/2 (CTOC/COP)",
    /// "CTOC/COP/2006/L.4", "recommendation 17 (previous report)".
    public var key: String
    /// The document symbol the target is or lies in.
    public var symbol: String?
    /// The body that adopted or issued it: "General Assembly", "Conference of the Parties…".
    public var body: String?
    /// The body's symbol prefix when known: "CTOC/COP".
    public var bodyPrefix: String?
    /// Number as cited: "3/2", "55/25", "17", "111".
    public var number: String?
    /// A part of the target: "annex II", "paragraph 3".
    public var part: String?
    /// "the previous report", "this Working Group".
    public var qualifier: String?
    /// The instrument an article belongs to: "Convention", "Protocol …".
    public var instrument: String?
    /// Treaty Series volume and registration number.
    public var volume: String?
    /// ISO date the citation gives ("of 27 July 2006").
    public var date: String?
    /// Id of the element in this document when resolved.
    public var element: String?

    public init(key: String) {
        self.key = key
    }
}
