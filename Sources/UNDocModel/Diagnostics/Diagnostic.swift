/// A problem met while reading a document. Parsing never stops at one: the document is
/// still produced, and the diagnostic says what is doubtful and where.
public struct Diagnostic: Codable, Sendable, Hashable {
    public enum Severity: String, Codable, Sendable, Comparable {
        case info
        case warning
        case error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable, dotted code scripts can filter on, e.g. `footnote.orphanMarker`.
    public var code: String
    public var message: String
    public var span: SourceSpan?
    public var element: String?

    public init(_ severity: Severity, code: String, message: String, span: SourceSpan? = nil, element: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.element = element
    }
}
