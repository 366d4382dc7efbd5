/// Facts from a document's masthead and title block. Each value that was found keeps its
/// source span in `evidence`, keyed by the field's JSON name.
public struct Metadata: Codable, Sendable, Hashable {
    /// Principal organ, e.g. "Economic and Social Council".
    public var organ: String?
    /// The body whose document this is, e.g. "Working Group on Trafficking in Persons".
    public var body: String?
    /// The symbol prefix of the body's documents when known (from Grammars/bodies.tsv).
    public var bodyPrefix: String?
    /// Session as printed, e.g. "Third session".
    public var session: String?
    /// Place of the meeting, e.g. "Vienna".
    public var place: String?
    /// Meeting dates as printed, e.g. "9-18 October 2006".
    public var dates: String?
    /// First and last meeting day, ISO 8601.
    public var startDate: String?
    public var endDate: String?
    /// "General", "Limited" or "Restricted".
    public var distribution: String?
    /// Issue date, ISO 8601, and as printed.
    public var issueDate: String?
    public var issueDateText: String?
    /// "English", from "Original: English".
    public var originalLanguage: String?
    /// Document title lines joined, e.g. "Draft report — Addendum".
    public var title: String?
    /// The agenda item the document is issued under.
    public var agendaItem: AgendaItemRef?
    /// Symbol of the agenda that `agendaItem` belongs to, when a note gives it.
    public var agendaSymbol: String?
    /// The job number printed at the foot of page 1, without its language letter:
    /// "V.06-58123" from "V.06-58123 (E)".
    public var jobNumber: String?
    /// Source spans of the fields above.
    public var evidence: [String: SourceSpan]

    public init() { evidence = [:] }
}

/// "Item 6 of the provisional agenda: International cooperation…".
public struct AgendaItemRef: Codable, Sendable, Hashable {
    public var number: String
    public var title: String?
    public var provisional: Bool

    public init(number: String, title: String?, provisional: Bool) {
        self.number = number
        self.title = title
        self.provisional = provisional
    }
}
