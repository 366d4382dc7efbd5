#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    private(set) var program: CompiledGrammar
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

    /// Like `init(source:fileName:)`, reading the compiled form from `cache` when it holds it
    /// and adding it there when not.
    init(source: String, fileName: String, cache: GrammarCache?) throws(GrammarError) {
        if let program = cache?.load(source: source, fileName: fileName) {
            self.init(program: program, fileName: fileName)
            return
        }
        try self.init(source: source, fileName: fileName)
        cache?.store(program, source: source, fileName: fileName)
    }

    private init(program: CompiledGrammar, fileName: String) {
        self.program = program
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
        return withMatcher(bytes, end: end) { matcher, _ in
            let q = matcher.run(entry, position)
            guard q >= 0, !matcher.aborted else { return nil }
            return Match(range: position ..< q, tree: matcher.captureTree(infos: program.infos))
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
    ///
    /// The matcher is not even called where the next two or three bytes cannot begin a match
    /// of the rule: compiling works out the strings its matches can start with (a prefilter,
    /// which never rejects a position where the rule matches). A rule of keywords such as
    /// "decision"i / "see"i is then tried at a few word starts instead of at every one.
    public func scan(_ rule: RuleID, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
                     boundary: ByteSet? = ByteSet.wordCharacters) -> [Match] {
        switch boundary {
        case nil: return scan(rule, in: bytes, range: range, boundary: ScanBoundary.none)
        case ByteSet.wordCharacters: return scan(rule, in: bytes, range: range, boundary: ScanBoundary.words)
        case let set?: return scan(rule, in: bytes, range: range, boundary: ScanBoundary(set))
        }
    }

    /// Scans with a boundary made once and reused (building its table costs more than a short
    /// scan, and callers scan element after element with the same boundary).
    public func scan(_ rule: RuleID, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
                     boundary: ScanBoundary) -> [Match] {
        let lower = max(range.lowerBound, 0)
        let upper = min(range.upperBound, bytes.count)
        guard lower < upper else { return [] }
        if let required = program.ruleRequired[Int(rule.index)], !Self.holds(required, bytes, lower, upper) { return [] }
        if let pair = program.ruleRequiredPairs[Int(rule.index)], !Self.holds(pair, bytes, lower, upper) { return [] }
        // Eight bytes at a time when a token start is enough to know where to look: the
        // boundary is a few ASCII ranges and the rule starts only inside tokens.
        let wordStartsOnly = boundary.ranges != nil && program.ruleStarts[Int(rule.index)].isSubset(of: boundary.set)
        var found: [Match] = []
        boundary.table.withUnsafeBufferPointer {
            scan(rule, bytes, lower, upper, inWord: $0.baseAddress!, swar: wordStartsOnly ? boundary.ranges : nil) { range, matcher in
                found.append(Match(range: range, tree: matcher.captureTree(infos: program.infos)))
            }
        }
        return found
    }

    /// Like `scan(_:in:range:boundary:)`, but hands each match to `body` as it is found. Its
    /// captures live in a buffer that the next match reuses when `body` kept none of them, so
    /// that a scan allocates one tree rather than one per match (a match or capture that
    /// `body` keeps stays valid: its buffer is then left to it).
    public func scan(_ rule: RuleID, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
                     boundary: ScanBoundary, forEach body: (Match) -> Void) {
        let lower = max(range.lowerBound, 0)
        let upper = min(range.upperBound, bytes.count)
        guard lower < upper else { return }
        if let required = program.ruleRequired[Int(rule.index)], !Self.holds(required, bytes, lower, upper) { return }
        if let pair = program.ruleRequiredPairs[Int(rule.index)], !Self.holds(pair, bytes, lower, upper) { return }
        let wordStartsOnly = boundary.ranges != nil && program.ruleStarts[Int(rule.index)].isSubset(of: boundary.set)
        var spare: CaptureTreeStorage?
        boundary.table.withUnsafeBufferPointer {
            scan(rule, bytes, lower, upper, inWord: $0.baseAddress!, swar: wordStartsOnly ? boundary.ranges : nil) { range, matcher in
                let tree = matcher.captureTree(infos: program.infos, reusing: spare)
                spare = nil
                body(Match(range: range, tree: tree))
                spare = CaptureTree.reclaim(tree)
            }
        }
    }

    /// The scan loop. `inWord` is 256 bytes: 1 for the bytes of the boundary set. With `swar`,
    /// the same set as ASCII ranges, candidates are found eight bytes at a time.
    private func scan(_ rule: RuleID, _ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int,
                      inWord: UnsafePointer<UInt8>, swar: ScanBoundary.Ranges?,
                      _ onMatch: (Range<Int>, borrowing Matcher) -> Void) {
        let entry = program.ruleEntries[Int(rule.index)]
        let filterIndex = program.ruleFilters[Int(rule.index)]
        let filter = filterIndex >= 0 ? program.filters[Int(filterIndex)] : nil
        let wideBase = program.ruleWideFilters[Int(rule.index)]
        let trigramBase = program.ruleTrigrams[Int(rule.index)]
        program.startTables.withUnsafeBufferPointer { startTables in
            let starts = startTables.baseAddress! + Int(rule.index) * 256
            program.trigrams.words.withUnsafeBufferPointer { trigrams in
            program.wideTables.withPointers { wide in withMatcher(bytes, end: upper) { matcher, tables in
                // Position p is a candidate when its byte can start the rule and the byte before it
                // is not inside a word (the range start always counts as a token start). That
                // depends on two bytes only, so candidates are marked 64 positions at a time
                // without a branch per byte, and visited in order from the mask.
                var block = lower
                while block < upper {
                    let count = min(64, upper &- block)
                    var mask: UInt64 = 0
                    var i = 0
                    if let swar {
                        // Token starts, eight bytes a load; the start table is read at those only.
                        var previous: UInt64 = block == lower ? 0 : UInt64(inWord[Int(bytes[block &- 1])]) &<< 63
                        let raw = UnsafeRawPointer(bytes.baseAddress! + block)
                        while i &+ 8 <= count {
                            let inside = swar.members(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                            let startsHere = inside & ~((inside &<< 8) | (previous &>> 56))
                            previous = inside
                            mask |= ((startsHere &* 0x0002_0408_1020_4081) &>> 56) &<< UInt64(i)
                            i &+= 8
                        }
                    }
                    var before: UInt8 = block &+ i == lower ? 0 : inWord[Int(bytes[block &+ i &- 1])]
                    while i < count {
                        let b = Int(bytes[block &+ i])
                        mask |= UInt64(starts[b] & ~before & 1) &<< UInt64(i)
                        before = inWord[b]
                        i &+= 1
                    }
                    var next = block &+ count
                    while mask != 0 {
                        let p = block &+ mask.trailingZeroBitCount
                        mask &= mask &- 1
                        // Most word starts fail here, at one bit of the folded three-byte table.
                        if trigramBase >= 0, p &+ 2 < upper,
                           !FoldedTrigrams.accepts(trigrams.baseAddress!, base: trigramBase, bytes[p], bytes[p &+ 1], bytes[p &+ 2]) {
                            continue
                        }
                        if swar != nil, starts[Int(bytes[p])] == 0 { continue }
                        // The next two or three bytes must fit too. Nearer the end than that, a
                        // match is short and the first byte is all there is to check.
                        if let filter, !filter.accepts(tables, bytes, p, end: upper) { continue }
                        if wideBase >= 0, !wide.accepts(base: wideBase, bytes, p, end: upper) { continue }
                        matcher.reset()
                        let q = matcher.run(entry, p)
                        guard q > p, !matcher.aborted else { continue }
                        onMatch(p ..< q, matcher)
                        // Go on at the end of the match: drop the candidates inside it.
                        let skip = q &- block
                        if skip >= 64 {
                            next = max(next, q)
                            break
                        }
                        mask &= ~0 &<< UInt64(skip)
                    }
                    block = next
                }
            } }
            }
        }
    }

    /// Whether `bytes[lower ..< upper]` holds a byte of `set` (memchr for a single byte).
    private static func holds(_ set: ByteSet, _ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> Bool {
        if let b = set.single {
            return memchr(bytes.baseAddress! + lower, Int32(b), upper - lower) != nil
        }
        for p in lower ..< upper where set.contains(bytes[p]) { return true }
        return false
    }

    /// Whether `bytes[lower ..< upper]` holds the byte of `pair` right after one of its others.
    private static func holds(_ pair: RequiredPair, _ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> Bool {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var p = lower + 1
        while p < upper {
            guard let found = memchr(base + p, Int32(pair.byte), upper - p) else { return false }
            let q = base.distance(to: UnsafeRawPointer(found))
            if pair.before.contains(bytes[q - 1]) { return true }
            p = q + 1
        }
        return false
    }

    /// Whether `scan` would call the matcher at `position` (its token boundary aside): the
    /// first byte can start `rule` and the rule's prefilters (folded three bytes, three bytes,
    /// then sixteen) accept the bytes up to `end`.
    func scanTries(_ rule: RuleID, in bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Bool {
        let end = min(end, bytes.count)
        guard position < end, program.ruleStarts[Int(rule.index)].contains(bytes[position]) else { return false }
        let trigramBase = program.ruleTrigrams[Int(rule.index)]
        if trigramBase >= 0, position + 2 < end, !program.trigrams.words.withUnsafeBufferPointer({
            FoldedTrigrams.accepts($0.baseAddress!, base: trigramBase, bytes[position], bytes[position + 1], bytes[position + 2])
        }) {
            return false
        }
        let filter = program.ruleFilters[Int(rule.index)]
        if filter >= 0, !program.filterTables.withPointers({ program.filters[Int(filter)].accepts($0, bytes, position, end: end) }) {
            return false
        }
        let wideBase = program.ruleWideFilters[Int(rule.index)]
        return wideBase < 0 || program.wideTables.withPointers { $0.accepts(base: wideBase, bytes, position, end: end) }
    }

    /// This grammar without its prefilters: `scan` and rule calls test the first byte only, as
    /// before prefilters existed. For tests, which compare the two.
    var withoutPrefilters: Grammar {
        var copy = self
        copy.program.ruleFilters = copy.program.ruleFilters.map { _ in -1 }
        copy.program.ruleWideFilters = copy.program.ruleWideFilters.map { _ in -1 }
        copy.program.ruleRequired = copy.program.ruleRequired.map { _ in nil }
        copy.program.ruleRequiredPairs = copy.program.ruleRequiredPairs.map { _ in nil }
        copy.program.ruleTrigrams = copy.program.ruleTrigrams.map { _ in -1 }
        for i in copy.program.nodes.indices { copy.program.nodes[i].c = -1 }
        return copy
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

    private func withMatcher<R>(_ input: UnsafeBufferPointer<UInt8>, end: Int,
                                _ body: (inout Matcher, PrefilterTables.Pointers) -> R) -> R {
        program.nodes.withUnsafeBufferPointer { nodes in
            program.kids.withUnsafeBufferPointer { kids in
                program.pool.withUnsafeBufferPointer { pool in
                    program.filters.withUnsafeBufferPointer { filters in
                        program.filterTables.withPointers { tables in
                            // 40 records (960 bytes) stay on the stack; a larger buffer would go to the heap.
                            withUnsafeTemporaryAllocation(of: CaptureRecord.self, capacity: 40) { stack in
                                var matcher = Matcher(nodes: nodes, kids: kids, pool: pool, filters: filters,
                                                      filterTables: tables, input: input, end: end,
                                                      maximumDepth: maximumDepth)
                                matcher.lend(stack)
                                return body(&matcher, tables)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The bytes that make up a token for `Grammar.scan`: a position starts a token when the byte
/// before it is not in the set. Made once and reused: its tables cost more than a short scan.
public struct ScanBoundary: Sendable {
    /// Every position starts a token.
    public static let none = ScanBoundary(ByteSet())
    /// ASCII letters and digits (the default).
    public static let words = ScanBoundary(.wordCharacters)

    let set: ByteSet
    /// 256 bytes: 1 for the members.
    let table: [UInt8]
    /// The set as at most four ASCII ranges, tested eight bytes at a time; nil for other sets.
    let ranges: Ranges?

    public init(_ set: ByteSet) {
        self.set = set
        table = (0...255).map { set.contains(UInt8($0)) ? 1 : 0 }
        ranges = Ranges(set)
    }

    /// Membership of eight bytes at once (SWAR): for ASCII bytes x and a range lo...hi,
    /// x + (0x80 - lo) has its top bit set when x >= lo, x + (0x7F - hi) when x > hi, and
    /// neither sum carries into the next byte.
    struct Ranges: Sendable {
        // Four ranges at most; an unused one adds 0, whose top bits never come out set.
        var low0: UInt64 = 0, high0: UInt64 = 0
        var low1: UInt64 = 0, high1: UInt64 = 0
        var low2: UInt64 = 0, high2: UInt64 = 0
        var low3: UInt64 = 0, high3: UInt64 = 0

        init?(_ set: ByteSet) {
            var ranges: [(low: UInt64, high: UInt64)] = []
            var b = 0
            while b < 256 {
                guard set.contains(UInt8(b)) else { b += 1; continue }
                if b >= 0x80 { return nil }
                var last = b
                while last + 1 < 0x80, set.contains(UInt8(last + 1)) { last += 1 }
                let ones: UInt64 = 0x0101_0101_0101_0101
                ranges.append((ones &* UInt64(0x80 - b), ones &* UInt64(0x7F - last)))
                b = last + 1
            }
            guard !ranges.isEmpty, ranges.count <= 4 else { return nil }
            while ranges.count < 4 { ranges.append((0, 0)) }
            (low0, high0) = ranges[0]
            (low1, high1) = ranges[1]
            (low2, high2) = ranges[2]
            (low3, high3) = ranges[3]
        }

        /// Bit 7 of each byte of the result: whether that byte of `v` is a member.
        @inline(__always)
        func members(_ v: UInt64) -> UInt64 {
            let top: UInt64 = 0x8080_8080_8080_8080
            let x = v & ~top
            let inside = ((x &+ low0) & ~(x &+ high0)) | ((x &+ low1) & ~(x &+ high1))
                | ((x &+ low2) & ~(x &+ high2)) | ((x &+ low3) & ~(x &+ high3))
            return inside & ~v & top
        }
    }
}
