/// An error in a grammar file: where it is and what is wrong.
///
/// Its description reads like a compiler diagnostic, for example
/// `symbols.peg:14: rule 'organ': unterminated literal`.
public struct GrammarError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file name or path the grammar was loaded from.
    public var fileName: String
    /// The 1-based line of the problem.
    public var line: Int
    /// The rule being defined where the problem is, if any.
    public var rule: String?
    /// What is wrong.
    public var message: String

    public init(fileName: String, line: Int, rule: String?, message: String) {
        self.fileName = fileName
        self.line = line
        self.rule = rule
        self.message = message
    }

    public var description: String {
        if let rule {
            return "\(fileName):\(line): rule '\(rule)': \(message)"
        }
        return "\(fileName):\(line): \(message)"
    }
}
