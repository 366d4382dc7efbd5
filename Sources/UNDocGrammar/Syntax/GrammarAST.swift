/// The parsed form of a grammar file, before compilation.
struct RuleDefinition {
    var name: String
    var line: Int
    var expression: Expression
    /// The `<Type>` at the end of the rule, if any.
    var type: String?
}

/// A parsed expression. Lines are kept where a later, semantic check may need to report one.
indirect enum Expression {
    /// Bytes to match; for a case-insensitive literal they are stored in lower case.
    case literal([UInt8], caseInsensitive: Bool)
    /// A character class: single-byte members in `bytes`, non-ASCII characters as UTF-8 sequences.
    case characterClass(bytes: ByteSet, sequences: [[UInt8]], negated: Bool)
    /// `.`
    case anyByte
    case sequence([Expression])
    case choice([Expression])
    case repetition(Expression, RepetitionKind, line: Int)
    case lookahead(Expression, positive: Bool)
    case label(String, Expression)
    case reference(String, line: Int)
    /// `(e)`: matches like `e`; kept so that a label over parentheses is not distributed.
    case group(Expression)
}

enum RepetitionKind {
    case zeroOrMore, oneOrMore, optional

    var symbol: String {
        switch self {
        case .zeroOrMore: return "*"
        case .oneOrMore: return "+"
        case .optional: return "?"
        }
    }
}
