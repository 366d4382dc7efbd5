import GRDB

/// Which documents a search or a session catalogue covers. Empty fields do not filter.
public struct DocumentFilter: Sendable, Codable, Equatable {
    /// The body's symbol prefix exactly ("CTOC/COP" is the Conference, not its working groups).
    public var bodyPrefix: String?
    /// A prefix of the document's symbol ("CTOC/COP" also takes CTOC/COP/WG.4/…).
    public var symbolPrefix: String?
    /// The session as printed, compared without regard to case ("Third session").
    public var session: String?
    /// Year of issue (else the year in the symbol).
    public var year: Int?

    public init(bodyPrefix: String? = nil, symbolPrefix: String? = nil, session: String? = nil, year: Int? = nil) {
        self.bodyPrefix = bodyPrefix
        self.symbolPrefix = symbolPrefix
        self.session = session
        self.year = year
    }

    public var isEmpty: Bool { bodyPrefix == nil && symbolPrefix == nil && session == nil && year == nil }

    /// SQL conditions on the documents table aliased `alias`, joined with AND ("1" when
    /// nothing filters), and their arguments.
    func sql(_ alias: String) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let bodyPrefix {
            conditions.append("\(alias).bodyPrefix = ?")
            arguments += [bodyPrefix]
        }
        if let symbolPrefix {
            // GLOB, not LIKE: case-sensitive as symbols are, and able to use the index.
            conditions.append("\(alias).symbol GLOB ?")
            arguments += [Self.globEscaped(symbolPrefix) + "*"]
        }
        if let session {
            conditions.append("\(alias).session = ? COLLATE NOCASE")
            arguments += [session]
        }
        if let year {
            conditions.append("\(alias).year = ?")
            arguments += [year]
        }
        return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
    }

    /// `text` with GLOB's special characters matched literally.
    static func globEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "*", "?", "[": out += "[\(character)]"
            default: out.append(character)
            }
        }
        return out
    }
}
