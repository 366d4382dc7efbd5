/// Parses the grammar notation of Grammars/README.md into rule definitions.
///
/// The parser works on the UTF-8 bytes of the source. A rule starts on a line whose first
/// character is not white space (and not `#`); the lines after it that start with white space
/// continue it. Each rule is then parsed on its own, so an error names its rule and line.
struct GrammarParser {
    private let src: [UInt8]
    private let fileName: String
    private var lineStarts: [Int] = [0]
    private var pos = 0
    /// End of the rule being parsed (exclusive).
    private var limit = 0
    private var currentRule: String?
    /// Where the last token ended: errors at the end of a rule are reported on its line.
    private var lastTokenEnd = 0
    /// Nesting of the expression being parsed; bounded so that a malformed file cannot
    /// overflow the stack of the parser or of the compiler after it.
    private var nesting = 0
    private static let maximumNesting = 200

    init(source: String, fileName: String) {
        self.src = Array(source.utf8)
        self.fileName = fileName
        for (i, b) in src.enumerated() where b == UInt8(ascii: "\n") {
            lineStarts.append(i + 1)
        }
    }

    mutating func parse() throws(GrammarError) -> [RuleDefinition] {
        var ruleStarts: [Int] = []
        for (index, lineStart) in lineStarts.enumerated() {
            // A byte order mark is not part of the first line.
            let start = index == 0 && src.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : lineStart
            let lineEnd = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : src.count
            guard start < lineEnd else { continue }
            let firstByte = src[start]
            if Self.isSpace(firstByte) {
                // A continuation line. Before the first rule it may only be blank or a comment.
                if ruleStarts.isEmpty {
                    var i = start
                    while i < lineEnd, Self.isSpace(src[i]) { i += 1 }
                    if i < lineEnd, src[i] != UInt8(ascii: "#") {
                        throw GrammarError(fileName: fileName, line: index + 1, rule: nil,
                                           message: "indented line before the first rule (a rule must start at the beginning of a line)")
                    }
                }
            } else if firstByte != UInt8(ascii: "#") {
                ruleStarts.append(start)
            }
        }
        var rules: [RuleDefinition] = []
        for (i, start) in ruleStarts.enumerated() {
            let end = i + 1 < ruleStarts.count ? ruleStarts[i + 1] : src.count
            rules.append(try parseRule(from: start, to: end))
        }
        return rules
    }

    // MARK: - Rules and expressions

    private mutating func parseRule(from start: Int, to end: Int) throws(GrammarError) -> RuleDefinition {
        pos = start
        limit = end
        currentRule = nil
        nesting = 0
        let line = lineNumber(at: start)
        guard let name = identifier() else {
            throw error("expected a rule name (a line that continues a rule must start with white space)")
        }
        currentRule = name
        skipSpace()
        guard pos + 1 < limit, src[pos] == UInt8(ascii: "<"), src[pos + 1] == UInt8(ascii: "-") else {
            throw error("expected '<-' after the rule name")
        }
        pos += 2
        skipSpace()
        let expression = try parseChoice()
        var type: String?
        if pos < limit, src[pos] == UInt8(ascii: "<"), !isRuleArrow() {
            pos += 1
            skipSpace()
            guard let name = identifier() else { throw error("expected a type name after '<'") }
            skipSpace()
            guard pos < limit, src[pos] == UInt8(ascii: ">") else { throw error("expected '>' after the type name") }
            pos += 1
            skipSpace()
            type = name
            if pos < limit {
                throw error("unexpected \(describeHere()) after <\(name)> (the type must end the rule)")
            }
        } else if pos < limit {
            throw unexpectedHere()
        }
        return RuleDefinition(name: name, line: line, expression: expression, type: type)
    }

    private mutating func parseChoice() throws(GrammarError) -> Expression {
        try enter()
        defer { nesting -= 1 }
        var alternatives = [try parseSequence()]
        while pos < limit, src[pos] == UInt8(ascii: "/") {
            pos += 1
            skipSpace()
            alternatives.append(try parseSequence())
        }
        return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
    }

    private mutating func parseSequence() throws(GrammarError) -> Expression {
        var items: [Expression] = []
        while pos < limit {
            let c = src[pos]
            if c == UInt8(ascii: "/") || c == UInt8(ascii: ")") || c == UInt8(ascii: "<") { break }
            items.append(try parseLabeled())
        }
        if items.isEmpty {
            if pos >= limit { throw error("expected an expression") }
            throw error("expected an expression before \(describeHere())")
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    /// `label:e` or a prefixed expression. A label covers the whole suffixed expression after
    /// it (`letters:[a-z]+` is one node); the compiler distributes it over `?` and over
    /// repeated references to typed rules (see `GrammarCompiler.compileLabel`).
    private mutating func parseLabeled() throws(GrammarError) -> Expression {
        let save = pos
        if let name = identifier(), pos < limit, src[pos] == UInt8(ascii: ":") {
            pos += 1
            skipSpace()
            try enter()
            defer { nesting -= 1 }
            guard pos < limit, !Self.endsExpression(src[pos]) else {
                throw error("expected an expression after '\(name):'")
            }
            return .label(name, try parseLabeled())
        }
        pos = save
        return try parsePrefixed()
    }

    /// `&e`, `!e` or a suffixed expression.
    private mutating func parsePrefixed() throws(GrammarError) -> Expression {
        let c = src[pos]
        guard c == UInt8(ascii: "&") || c == UInt8(ascii: "!") else { return try parseSuffixed() }
        pos += 1
        skipSpace()
        try enter()
        defer { nesting -= 1 }
        guard pos < limit, !Self.endsExpression(src[pos]) else {
            throw error("expected an expression after '\(Character(UnicodeScalar(c)))'")
        }
        return .lookahead(try parseLabeled(), positive: c == UInt8(ascii: "&"))
    }

    /// A primary followed by any number of `*`, `+`, `?`.
    private mutating func parseSuffixed() throws(GrammarError) -> Expression {
        var expression = try parsePrimary()
        let outerNesting = nesting
        defer { nesting = outerNesting }
        while pos < limit {
            let kind: RepetitionKind
            switch src[pos] {
            case UInt8(ascii: "*"): kind = .zeroOrMore
            case UInt8(ascii: "+"): kind = .oneOrMore
            case UInt8(ascii: "?"): kind = .optional
            default: return expression
            }
            try enter()
            expression = .repetition(expression, kind, line: lineNumber(at: pos))
            pos += 1
            skipSpace()
        }
        return expression
    }

    private mutating func parsePrimary() throws(GrammarError) -> Expression {
        let c = src[pos]
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try parseLiteral()
        case UInt8(ascii: "["):
            return try parseClass()
        case UInt8(ascii: "."):
            pos += 1
            skipSpace()
            return .anyByte
        case UInt8(ascii: "("):
            let open = pos
            pos += 1
            skipSpace()
            guard pos < limit else {
                throw GrammarError(fileName: fileName, line: lineNumber(at: open), rule: currentRule,
                                   message: "missing ')' for the '(' here")
            }
            let inner = try parseChoice()
            guard pos < limit, src[pos] == UInt8(ascii: ")") else {
                if pos >= limit {
                    throw GrammarError(fileName: fileName, line: lineNumber(at: open), rule: currentRule,
                                       message: "missing ')' for the '(' here")
                }
                throw unexpectedHere()
            }
            pos += 1
            skipSpace()
            return .group(inner)
        default:
            let line = lineNumber(at: pos)
            if let name = identifier() {
                skipSpace()
                return .reference(name, line: line)
            }
            throw unexpectedHere()
        }
    }

    private mutating func parseLiteral() throws(GrammarError) -> Expression {
        let quote = src[pos]
        let startLine = lineNumber(at: pos)
        pos += 1
        var bytes: [UInt8] = []
        while true {
            guard pos < limit, src[pos] != UInt8(ascii: "\n") else {
                throw GrammarError(fileName: fileName, line: startLine, rule: currentRule, message: "unterminated literal")
            }
            let b = src[pos]
            if b == quote {
                pos += 1
                break
            }
            if b == UInt8(ascii: "\\") {
                bytes.append(try parseEscape())
            } else {
                bytes.append(b)
                pos += 1
            }
        }
        var caseInsensitive = false
        if pos < limit, src[pos] == UInt8(ascii: "i"), !(pos + 1 < limit && Self.isIdentifierByte(src[pos + 1])) {
            caseInsensitive = true
            pos += 1
            bytes = bytes.map(asciiLowercase)
        }
        skipSpace()
        return .literal(bytes, caseInsensitive: caseInsensitive)
    }

    private mutating func parseClass() throws(GrammarError) -> Expression {
        let startLine = lineNumber(at: pos)
        pos += 1
        var negated = false
        if pos < limit, src[pos] == UInt8(ascii: "^") {
            negated = true
            pos += 1
        }
        var set = ByteSet()
        var sequences: [[UInt8]] = []
        var memberCount = 0
        func unterminated() -> GrammarError {
            GrammarError(fileName: fileName, line: startLine, rule: currentRule, message: "unterminated character class")
        }
        while true {
            guard pos < limit, src[pos] != UInt8(ascii: "\n") else { throw unterminated() }
            if src[pos] == UInt8(ascii: "]") {
                pos += 1
                break
            }
            let first = try parseClassMember()
            memberCount += 1
            if pos + 1 < limit, src[pos] == UInt8(ascii: "-"), src[pos + 1] != UInt8(ascii: "]") {
                pos += 1
                guard pos < limit, src[pos] != UInt8(ascii: "\n") else { throw unterminated() }
                let second = try parseClassMember()
                guard first.count == 1, second.count == 1 else {
                    throw error("a range in a character class must be between ASCII characters or \\x bytes; list other characters one by one")
                }
                guard first[0] <= second[0] else {
                    throw error("invalid range in character class: '\(show(first))' comes after '\(show(second))'")
                }
                for b in first[0]...second[0] { set.insert(b) }
            } else if first.count == 1 {
                set.insert(first[0])
            } else if !sequences.contains(first) {
                sequences.append(first)
            }
        }
        if memberCount == 0 {
            throw GrammarError(fileName: fileName, line: startLine, rule: currentRule, message: "empty character class")
        }
        skipSpace()
        return .characterClass(bytes: set, sequences: sequences, negated: negated)
    }

    /// One member of a class: a single byte, or the UTF-8 bytes of one non-ASCII character.
    private mutating func parseClassMember() throws(GrammarError) -> [UInt8] {
        let b = src[pos]
        if b == UInt8(ascii: "\\") { return [try parseEscape()] }
        if b < 0x80 {
            pos += 1
            return [b]
        }
        // The source came from a Swift String, so it is valid UTF-8: take the whole character.
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        let end = min(pos + length, limit)
        let sequence = Array(src[pos..<end])
        pos = end
        return sequence
    }

    private mutating func parseEscape() throws(GrammarError) -> UInt8 {
        pos += 1 // the backslash
        guard pos < limit, src[pos] != UInt8(ascii: "\n") else { throw error("unfinished escape at the end of the line") }
        let c = src[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"),
             UInt8(ascii: "["), UInt8(ascii: "-"), UInt8(ascii: "^"):
            return c
        case UInt8(ascii: "x"):
            guard pos + 1 < limit, let high = Self.hexValue(src[pos]), let low = Self.hexValue(src[pos + 1]) else {
                throw error("invalid escape: \\x must be followed by two hexadecimal digits")
            }
            pos += 2
            return high << 4 | low
        default:
            pos -= 1
            throw error("unknown escape '\\\(describeCharacter())'")
        }
    }

    // MARK: - Lexical helpers

    private mutating func identifier() -> String? {
        guard pos < limit, Self.isIdentifierStart(src[pos]) else { return nil }
        let start = pos
        while pos < limit, Self.isIdentifierByte(src[pos]) { pos += 1 }
        return String(decoding: src[start..<pos], as: UTF8.self)
    }

    /// Skips white space (line breaks included: continuation lines) and `#` comments.
    private mutating func skipSpace() {
        lastTokenEnd = pos
        while pos < limit {
            let c = src[pos]
            if Self.isSpace(c) || c == UInt8(ascii: "\n") {
                pos += 1
            } else if c == UInt8(ascii: "#") {
                while pos < limit, src[pos] != UInt8(ascii: "\n") { pos += 1 }
            } else {
                return
            }
        }
    }

    private mutating func enter() throws(GrammarError) {
        nesting += 1
        if nesting > Self.maximumNesting {
            throw error("expression nested too deeply (more than \(Self.maximumNesting) levels)")
        }
    }

    private func isRuleArrow() -> Bool {
        pos + 1 < limit && src[pos] == UInt8(ascii: "<") && src[pos + 1] == UInt8(ascii: "-")
    }

    private func lineNumber(at offset: Int) -> Int {
        // The last line start <= offset, by binary search.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// An error at `pos`; at the end of a rule, on the line of the rule's last token.
    private func error(_ message: String) -> GrammarError {
        var at = min(pos, src.count)
        if at >= limit { at = max(lastTokenEnd - 1, 0) }
        return GrammarError(fileName: fileName, line: lineNumber(at: at), rule: currentRule, message: message)
    }

    private func unexpectedHere() -> GrammarError {
        if isRuleArrow() {
            return error("unexpected '<-' (a new rule must start at the beginning of a line)")
        }
        if pos < limit, src[pos] == UInt8(ascii: "<") {
            return error("a type <Type> may only come at the very end of a rule")
        }
        if pos >= limit { return error("unexpected end of rule") }
        return error("unexpected \(describeHere())")
    }

    private func describeHere() -> String {
        pos < limit ? "'\(describeCharacter())'" : "end of rule"
    }

    /// The character at `pos`, decoded from UTF-8 for messages.
    private func describeCharacter() -> String {
        guard pos < limit else { return "" }
        var end = pos + 1
        while end < limit, src[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: src[pos..<end], as: UTF8.self)
    }

    private func show(_ bytes: [UInt8]) -> String {
        let b = bytes[0]
        if (0x21...0x7E).contains(b) { return String(UnicodeScalar(b)) }
        return "\\x" + String(b, radix: 16, uppercase: true)
    }

    private func asciiLowercase(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    /// Bytes that cannot start an expression: where a missing operand is reported.
    private static func endsExpression(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "/") || b == UInt8(ascii: ")") || b == UInt8(ascii: "<")
            || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") || b == UInt8(ascii: "?")
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D
    }

    private static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    private static func isIdentifierByte(_ b: UInt8) -> Bool {
        isIdentifierStart(b) || (b >= 0x30 && b <= 0x39)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
