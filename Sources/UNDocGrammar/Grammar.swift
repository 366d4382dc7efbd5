/// A compiled grammar in the notation of Grammars/README.md, ready to match UTF-8 bytes.
///
/// Compiling checks the whole grammar (syntax, undefined and duplicate rules, left recursion,
/// repetitions of expressions that can match nothing), so matching never fails for a reason
/// other than the input. A `Grammar` is an immutable value: share it freely across tasks.
public struct Grammar: Sendable {
    /// A rule of this grammar, from `ruleID(_:)`. Use it only with the grammar that made it.
    public struct RuleID: Sendable, Hashable {
        let index: Int32
    }

    let program: CompiledGrammar
    /// The file name or path given at compilation, for messages.
    public let fileName: String
    /// How deeply rule calls may nest during one match. Past it the attempt fails rather than
    /// overflow the stack on pathological input (deeply nested brackets, say).
    public var maximumDepth: Int = Grammar.defaultMaximumDepth

    /// The default `maximumDepth`: far more than any document needs, and well within the stack
    /// of a secondary thread.
    public static let defaultMaximumDepth = 1_000

    /// Parses and compiles `source`; `fileName` names the file in errors.
    public init(source: String, fileName: String) throws(GrammarError) {
        var parser = GrammarParser(source: source, fileName: fileName)
        let rules = try parser.parse()
        self.program = try GrammarCompiler.compile(rules, fileName: fileName)
        self.fileName = fileName
    }

    /// The rule names, in the order of the file.
    public var ruleNames: [String] { program.ruleNames }

    /// The rule called `name`, if there is one.
    public func ruleID(_ name: String) -> RuleID? {
        program.ruleIndex[name].map { RuleID(index: Int32($0)) }
    }

    /// The name of `rule`.
    public func name(of rule: RuleID) -> String {
        program.ruleNames[Int(rule.index)]
    }

    /// The `<Type>` of `rule`, if it is typed.
    public func type(of rule: RuleID) -> String? {
        program.ruleTypes[Int(rule.index)]
    }

    /// The bytes a non-empty match of `rule` can start with: `scan` tries no other position.
    /// (If the rule can match empty, see `canMatchEmpty`, it also succeeds elsewhere, emptily.)
    public func firstBytes(of rule: RuleID) -> ByteSet {
        program.ruleStarts[Int(rule.index)]
    }

    /// Whether `rule` can succeed without consuming input.
    public func canMatchEmpty(_ rule: RuleID) -> Bool {
        program.nodes[Int(program.ruleEntries[Int(rule.index)])].nullable
    }

    // MARK: - Matching

    /// Matches `rule` anchored at `position`, reading no byte at or after `end`
    /// (default: the end of `bytes`). Returns nil when it does not match.
    public func match(_ rule: RuleID, in bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int? = nil) -> Match? {
        let end = min(end ?? bytes.count, bytes.count)
        guard position >= 0, position <= end else { return nil }
        let entry = program.ruleEntries[Int(rule.index)]
        return withMatcher(bytes, end: end) { matcher in
            let q = matcher.run(entry, position)
            guard q >= 0, !matcher.aborted else { return nil }
            return Match(range: position ..< q, nodes: matcher.captureTree(infos: program.infos))
        }
    }

    /// Matches `rule` anchored at `position` in `bytes`.
    public func match(_ rule: RuleID, in bytes: [UInt8], at position: Int = 0, end: Int? = nil) -> Match? {
        bytes.withUnsafeBufferPointer { match(rule, in: $0, at: position, end: end) }
    }

    /// Matches `rule` anchored at UTF-8 offset `position` of `string`.
    public func match(_ rule: RuleID, in string: String, at position: Int = 0) -> Match? {
        var string = string
        return string.withUTF8 { match(rule, in: $0, at: position) }
    }

    /// Finds successive non-overlapping matches of `rule` in `range`, left to right.
    ///
    /// A match is tried at position `p` only when `bytes[p]` can start the rule and, if
    /// `boundary` is given, `p` starts a token: `p` is `range.lowerBound` or `bytes[p-1]`
    /// is not in `boundary`. After a non-empty match the search goes on at its end; empty
    /// matches are ignored. Nothing outside `range` is read.
    public func scan(_ rule: RuleID, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
                     boundary: ByteSet? = ByteSet.wordCharacters) -> [Match] {
        let lower = max(range.lowerBound, 0)
        let upper = min(range.upperBound, bytes.count)
        guard lower < upper else { return [] }
        let entry = program.ruleEntries[Int(rule.index)]
        let boundaryTable: [UInt8]
        switch boundary {
        case nil: boundaryTable = Self.noBoundaryTable
        case ByteSet.wordCharacters: boundaryTable = Self.wordBoundaryTable
        case let set?: boundaryTable = Self.table(set)
        }
        return program.startTables.withUnsafeBufferPointer { startTables in
            boundaryTable.withUnsafeBufferPointer { inWord in
                let starts = UnsafeBufferPointer(rebasing: startTables[Int(rule.index) * 256 ..< Int(rule.index + 1) * 256])
                return withMatcher(bytes, end: upper) { matcher in
                    var found: [Match] = []
                    var p = lower
                    // 1 when the byte before p is inside a word (never at the range start).
                    var afterWord: UInt8 = 0
                    while p < upper {
                        let b = Int(bytes[p])
                        // Rarely true, so the branch predicts well: no call, no allocation otherwise.
                        if starts[b] > afterWord {
                            matcher.reset()
                            let q = matcher.run(entry, p)
                            if q > p, !matcher.aborted {
                                found.append(Match(range: p ..< q, nodes: matcher.captureTree(infos: program.infos)))
                                afterWord = inWord[Int(bytes[q &- 1])]
                                p = q
                                continue
                            }
                        }
                        afterWord = inWord[b]
                        p &+= 1
                    }
                    return found
                }
            }
        }
    }

    private static let noBoundaryTable = [UInt8](repeating: 0, count: 256)
    private static let wordBoundaryTable = table(.wordCharacters)

    /// 256 bytes: 1 for the bytes in `set`.
    private static func table(_ set: ByteSet) -> [UInt8] {
        (0...255).map { set.contains(UInt8($0)) ? 1 : 0 }
    }

    /// Scans `bytes` (by default all of it); see `scan(_:in:range:boundary:)`.
    public func scan(_ rule: RuleID, in bytes: [UInt8], range: Range<Int>? = nil,
                     boundary: ByteSet? = ByteSet.wordCharacters) -> [Match] {
        bytes.withUnsafeBufferPointer { scan(rule, in: $0, range: range ?? 0 ..< $0.count, boundary: boundary) }
    }

    /// Scans the UTF-8 of `string`; ranges in the result are UTF-8 offsets.
    public func scan(_ rule: RuleID, in string: String, boundary: ByteSet? = ByteSet.wordCharacters) -> [Match] {
        var string = string
        return string.withUTF8 { scan(rule, in: $0, range: 0 ..< $0.count, boundary: boundary) }
    }

    private func withMatcher<R>(_ input: UnsafeBufferPointer<UInt8>, end: Int, _ body: (inout Matcher) -> R) -> R {
        program.nodes.withUnsafeBufferPointer { nodes in
            program.kids.withUnsafeBufferPointer { kids in
                program.pool.withUnsafeBufferPointer { pool in
                    var matcher = Matcher(nodes: nodes, kids: kids, pool: pool, input: input,
                                          end: end, maximumDepth: maximumDepth)
                    return body(&matcher)
                }
            }
        }
    }
}
