/// Multi-byte start prefilters: for each rule, the first `PrefixPattern.width` bytes that a
/// match can begin with, so that `scan` tries the matcher only where the next bytes fit.
///
/// The analysis over-approximates: it reads the grammar as if ordered choice were unordered and
/// lookaheads (`&e`, `!e`) always passed, so every string a node can consume is covered, and a
/// position the prefilter rejects is one where the matcher fails. Matches shorter than the width
/// are kept as short patterns: a position whose first byte(s) complete such a match passes
/// whatever follows.

/// A set of byte strings of at most `width` bytes, as one byte set per position: the strings
/// `s0 s1 …` with each byte in its position's set. A pattern shorter than `width` is a whole
/// match (the node can stop there); one of `width` bytes is the start of a longer match (or a
/// whole match of exactly that length).
struct PrefixPattern: Hashable, Sendable, CustomStringConvertible {
    /// How many bytes of the start the analysis follows.
    static let width = 3

    var length: Int
    var s0 = ByteSet()
    var s1 = ByteSet()
    var s2 = ByteSet()

    /// The empty string: the node can succeed without consuming input.
    static let empty = PrefixPattern(length: 0)

    init(length: Int, _ s0: ByteSet = ByteSet(), _ s1: ByteSet = ByteSet(), _ s2: ByteSet = ByteSet()) {
        self.length = length
        self.s0 = s0
        self.s1 = s1
        self.s2 = s2
    }

    subscript(i: Int) -> ByteSet {
        get {
            switch i {
            case 0: return s0
            case 1: return s1
            default: return s2
            }
        }
        set {
            switch i {
            case 0: s0 = newValue
            case 1: s1 = newValue
            default: s2 = newValue
            }
        }
    }

    /// Whether a match with this start can go on past it.
    var isFull: Bool { length == Self.width }

    /// This pattern followed by `next`, cut to `width` bytes.
    func appending(_ next: PrefixPattern) -> PrefixPattern {
        var result = self
        var i = 0
        while result.length < Self.width, i < next.length {
            result[result.length] = next[i]
            result.length += 1
            i += 1
        }
        return result
    }

    /// How many strings the pattern stands for.
    var stringCount: Int {
        (0 ..< length).reduce(1) { $0 * self[$1].count }
    }

    var description: String {
        (0 ..< length).map { i -> String in
            let set = self[i]
            if set == .all { return "." }
            let shown = set.bytes.map { b -> String in
                (0x21...0x7E).contains(b) && b != 0x5D && b != 0x5C ? String(UnicodeScalar(b)) : "\\x" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
            }
            return shown.count == 1 ? shown[0] : "[" + shown.joined() + "]"
        }.joined() + (isFull ? "…" : "")
    }
}

/// What the start-pattern analysis needs of a kind of pattern: how literals, classes and runs
/// start, and how lists of patterns combine. Two kinds exist: `PrefixPatterns` (three bytes as
/// byte sets, for the two- and three-byte tables) and `WidePatterns` (sixteen bytes as
/// value/mask pairs, for the check that follows them).
protocol StartPatternAlgebra {
    associatedtype Pattern
    /// How many bytes of the start the analysis follows.
    static var width: Int { get }
    /// The empty string only.
    static var empty: [Pattern] { get }
    /// Any string at all: what an unknown node (a recursive call not yet analysed) may match.
    static var any: [Pattern] { get }
    static func literal(_ bytes: some Collection<UInt8>, caseInsensitive: Bool) -> [Pattern]
    /// One byte of `set`.
    static func byteClass(_ set: ByteSet) -> [Pattern]
    /// A run of bytes of `set` (`[...]*`, or `[...]+` when `atLeastOne`).
    static func run(of set: ByteSet, atLeastOne: Bool) -> [Pattern]
    /// `a` then `b`.
    static func concat(_ a: [Pattern], _ b: [Pattern]) -> [Pattern]
    /// Zero or more of `e`.
    static func star(_ e: [Pattern]) -> [Pattern]
    /// The union as a shorter list, coarsened (soundly: it only grows) when too long.
    static func normalize(_ patterns: [Pattern]) -> [Pattern]
}

/// Operations on lists of patterns (a union of the strings of its patterns).
enum PrefixPatterns: StartPatternAlgebra {
    static var width: Int { PrefixPattern.width }
    static var empty: [PrefixPattern] { [.empty] }

    static func byteClass(_ set: ByteSet) -> [PrefixPattern] {
        [PrefixPattern(length: 1, set)]
    }

    static func run(of set: ByteSet, atLeastOne: Bool) -> [PrefixPattern] {
        // Runs of one class: every length up to the width.
        ((atLeastOne ? 1 : 0) ... PrefixPattern.width).map {
            PrefixPattern(length: $0, set, set, set).truncated(to: $0)
        }
    }

    /// Above this many patterns a list is coarsened (soundly: it only grows).
    static let maximumCount = 96

    /// Any string at all: what an unknown node (a recursive call not yet analysed) may match.
    static let any: [PrefixPattern] = (0 ... PrefixPattern.width).map { length in
        PrefixPattern(length: length, .all, .all, .all).truncated(to: length)
    }

    static func literal(_ bytes: some Collection<UInt8>, caseInsensitive: Bool) -> [PrefixPattern] {
        var pattern = PrefixPattern.empty
        for b in bytes.prefix(PrefixPattern.width) {
            var set = ByteSet([b])
            if caseInsensitive {
                if b >= 0x61, b <= 0x7A { set.insert(b - 0x20) }
                if b >= 0x41, b <= 0x5A { set.insert(b + 0x20) }
            }
            pattern[pattern.length] = set
            pattern.length += 1
        }
        return [pattern]
    }

    /// `a` then `b`.
    static func concat(_ a: [PrefixPattern], _ b: [PrefixPattern]) -> [PrefixPattern] {
        var out: [PrefixPattern] = []
        out.reserveCapacity(a.count * b.count)
        for x in a {
            if x.isFull {
                out.append(x)
            } else {
                for y in b { out.append(x.appending(y)) }
            }
        }
        return normalize(out)
    }

    /// Zero or more of `e` (each repetition consumes at least one byte, so `width` rounds reach
    /// every prefix; a nullable `e` only repeats what is there already).
    static func star(_ e: [PrefixPattern]) -> [PrefixPattern] {
        var result: [PrefixPattern] = [.empty]
        for _ in 0 ..< PrefixPattern.width {
            result = normalize([.empty] + concat(e, result))
        }
        return result
    }

    /// Removes duplicates, merges patterns that differ in one position only and drops patterns
    /// that another one covers (all exactly), then coarsens if there are still too many.
    static func normalize(_ patterns: [PrefixPattern]) -> [PrefixPattern] {
        if patterns.count <= 1 { return patterns }
        var list = dedupe(patterns)
        // Bound the quadratic work below on long lists (a product of two long choices, say).
        for kept in [2, 1, 0] where list.count > 4 * maximumCount {
            list = coarsen(list, keeping: kept)
        }
        // Merge exactly: two patterns of one length that differ in one position are one pattern
        // with the union there ("decision" and "decisions"; "[Dd]e" and "[Dd]E").
        var merged = true
        while merged, list.count > 1 {
            merged = false
            var i = 0
            while i < list.count {
                var j = i + 1
                while j < list.count {
                    if let union = mergeExactly(list[i], list[j]) {
                        list[i] = union
                        list.remove(at: j)
                        merged = true
                    } else {
                        j += 1
                    }
                }
                i += 1
            }
        }
        // Drop patterns covered by another one (there are no duplicates left).
        if list.count > 1 {
            var kept: [PrefixPattern] = []
            for (i, p) in list.enumerated() {
                var covered = false
                for (j, q) in list.enumerated() where j != i && covers(q, p) {
                    covered = true
                    break
                }
                if !covered { kept.append(p) }
            }
            list = kept
        }
        // Coarsen, keeping apart as much as fits: the first two bytes, the first, the length.
        for kept in [2, 1, 0] where list.count > maximumCount {
            list = coarsen(list, keeping: kept)
        }
        return list
    }

    private static func dedupe(_ patterns: [PrefixPattern]) -> [PrefixPattern] {
        withoutDuplicates(patterns, linearUpTo: 48)
    }

    /// The single pattern for the strings of `p` and `q`, when there is one.
    private static func mergeExactly(_ p: PrefixPattern, _ q: PrefixPattern) -> PrefixPattern? {
        guard p.length == q.length else { return nil }
        var differing = -1
        for i in 0 ..< p.length where p[i] != q[i] {
            if differing >= 0 { return nil }
            differing = i
        }
        if differing < 0 { return p }
        var r = p
        r[differing] = p[differing].union(q[differing])
        return r
    }

    /// Whether every string of `p` is a string of `q`.
    private static func covers(_ q: PrefixPattern, _ p: PrefixPattern) -> Bool {
        guard p.length == q.length else { return false }
        for i in 0 ..< p.length where p[i].intersection(q[i]) != p[i] { return false }
        return true
    }

    /// Merges, position by position, the patterns of one length whose first `kept` byte sets are
    /// the same: more strings than before, never fewer.
    private static func coarsen(_ patterns: [PrefixPattern], keeping kept: Int) -> [PrefixPattern] {
        var groups: [PrefixPattern] = []
        for p in patterns {
            if let g = groups.firstIndex(where: { q in
                q.length == p.length && (0 ..< min(kept, p.length)).allSatisfy { q[$0] == p[$0] }
            }) {
                for i in 0 ..< p.length { groups[g][i] = groups[g][i].union(p[i]) }
            } else {
                groups.append(p)
            }
        }
        return groups
    }
}

/// `patterns` without repeats, in order: a linear search for short lists (hashing costs more
/// there), a set for long ones.
func withoutDuplicates<P: Hashable>(_ patterns: [P], linearUpTo limit: Int) -> [P] {
    if patterns.count <= limit {
        var result: [P] = []
        for p in patterns where !result.contains(p) { result.append(p) }
        return result
    }
    var seen = Set<P>()
    return patterns.filter { seen.insert($0).inserted }
}

extension PrefixPattern {
    /// The pattern cut to its first `length` positions (the rest emptied).
    func truncated(to length: Int) -> PrefixPattern {
        var r = PrefixPattern(length: length)
        for i in 0 ..< length { r[i] = self[i] }
        return r
    }
}

/// Where a rule's prefilter lies in the grammar's `PrefilterTables`: the check `scan` makes
/// before calling the matcher at a position whose first byte can start the rule, and the
/// matcher before calling the rule. It tells whether the first two bytes (a 65,536-bit table,
/// stored as one row of 256 bits per distinct first byte) and, for the pairs that need it, the
/// first three (a hashed bitset: false positives possible, false negatives not) can start a
/// non-empty match.
struct Prefilter: Sendable, Equatable {
    /// Offset of the rule's 256 row numbers (one per first byte) in `PrefilterTables.rows`.
    var rows: Int32
    /// Offset of the rule's hashed three-byte table in `PrefilterTables.triples`, or -1 when no
    /// pair needs a third byte.
    var triples: Int32
    /// `32 - log2(bits in the three-byte table)`: the hash keeps the top bits of a 32-bit product.
    var shift: UInt32

    static let hashMultiplier: UInt32 = 0x9E37_79B1

    @inline(__always)
    static func hash(_ key: UInt32, shift: UInt32) -> UInt32 {
        (key &* hashMultiplier) &>> shift
    }

    /// Whether bytes `b0 b1` (and `third`, when there is one) can start a match.
    @inline(__always)
    func accepts(_ tables: PrefilterTables.Pointers, _ b0: UInt8, _ b1: UInt8, third: UInt8?) -> Bool {
        let word = Int(tables.rows[Int(rows) &+ Int(b0)]) &<< 3 | Int(b1 &>> 6) &<< 1
        let bit = UInt64(1) &<< UInt64(b1 & 63)
        if tables.bits[word] & bit == 0 { return false }
        guard let b2 = third, tables.bits[word | 1] & bit == 0, triples >= 0 else { return true }
        let h = Self.hash(UInt32(b0) &<< 16 | UInt32(b1) &<< 8 | UInt32(b2), shift: shift)
        return tables.triples[Int(triples) &+ Int(h &>> 6)] & (UInt64(1) &<< UInt64(h & 63)) != 0
    }

    /// Whether a match can start at `p`, reading no byte at or after `end` (with fewer than two
    /// bytes left, a match would be short: only the first byte tells, and it is not checked here).
    @inline(__always)
    func accepts(_ tables: PrefilterTables.Pointers, _ input: UnsafeBufferPointer<UInt8>, _ p: Int, end: Int) -> Bool {
        guard p &+ 1 < end else { return true }
        return accepts(tables, input[p], input[p &+ 1], third: p &+ 2 < end ? input[p &+ 2] : nil)
    }

    /// At most this many three-byte strings are hashed; past it pairs pass on two bytes.
    static let maximumTriples = 4096
    /// A pair whose third byte may be any of more than this many bytes passes on two bytes.
    static let maximumThirdBytes = 96

    /// Adds to `tables` the filter for a rule whose non-empty matches start with `patterns`;
    /// nil when it would reject nothing that `starts` (the rule's first bytes) does not already.
    init?(patterns: [PrefixPattern], starts: ByteSet, tables: inout PrefilterTables) {
        // A start byte that can be a whole match lets any pair through: if every start byte can,
        // the filter is of no use (a class repeated, `.`, a single byte).
        var shortStarts = ByteSet()
        for p in patterns where p.length == 1 { shortStarts = shortStarts.union(p.s0) }
        guard !starts.intersection(shortStarts.complement).isEmpty else { return nil }

        // Per first byte: the second bytes that can follow, and those that need no third byte.
        var follow = [ByteSet](repeating: ByteSet(), count: 512)
        func add(_ s0: ByteSet, _ s1: ByteSet, final: Bool) {
            s0.forEachByte { b0 in
                follow[Int(b0) * 2] = follow[Int(b0) * 2].union(s1)
                if final { follow[Int(b0) * 2 + 1] = follow[Int(b0) * 2 + 1].union(s1) }
            }
        }
        var triples: [PrefixPattern] = []
        var tripleCount = 0
        for p in patterns {
            switch p.length {
            case 0:
                continue // an empty match: scan ignores it
            case 1:
                add(p.s0, .all, final: true)
            case 2:
                add(p.s0, p.s1, final: true)
            default:
                // Three-byte strings, within the budget; the rest pass on their first two bytes.
                let count = p.stringCount
                if p.s2.count > Self.maximumThirdBytes || tripleCount + count > Self.maximumTriples {
                    add(p.s0, p.s1, final: true)
                } else {
                    add(p.s0, p.s1, final: false)
                    triples.append(p)
                    tripleCount += count
                }
            }
        }
        // Of no use either if every pair after a start byte passes on two bytes.
        var useful = false
        starts.forEachByte { b0 in
            if follow[Int(b0) * 2 + 1] != .all { useful = true }
        }
        guard useful else { return nil }

        // One row per distinct pair of sets (upper- and lower-case letters often share one).
        rows = Int32(tables.rows.count)
        var distinct: [(pair: ByteSet, final: ByteSet, row: UInt32)] = []
        for b0 in 0 ..< 256 {
            let pair = follow[b0 * 2], final = follow[b0 * 2 + 1]
            guard !pair.isEmpty else {
                tables.rows.append(0) // row 0 is empty: no match starts with b0
                continue
            }
            if let known = distinct.first(where: { $0.pair == pair && $0.final == final }) {
                tables.rows.append(known.row)
            } else {
                let row = UInt32(tables.bits.count / 8)
                tables.bits += [pair.w0, final.w0, pair.w1, final.w1, pair.w2, final.w2, pair.w3, final.w3]
                distinct.append((pair, final, row))
                tables.rows.append(row)
            }
        }
        if triples.isEmpty {
            self.triples = -1
            self.shift = 0
        } else {
            // About 64 bits per string (fewer when strings repeat): under 2% false positives.
            var size = 4096
            while size < tripleCount * 64, size < 1 << 20 { size *= 2 }
            let base = tables.triples.count
            tables.triples += repeatElement(0, count: size / 64)
            let shift = UInt32(32 - size.trailingZeroBitCount)
            for p in triples {
                p.s0.forEachByte { b0 in
                    p.s1.forEachByte { b1 in
                        p.s2.forEachByte { b2 in
                            let h = Self.hash(UInt32(b0) << 16 | UInt32(b1) << 8 | UInt32(b2), shift: shift)
                            tables.triples[base + Int(h >> 6)] |= 1 << UInt64(h & 63)
                        }
                    }
                }
            }
            self.triples = Int32(base)
            self.shift = shift
        }
    }
}

/// The prefilters of all the rules of a grammar, in three flat arrays.
struct PrefilterTables: Sendable, Equatable {
    /// Per filtered rule, 256 row numbers in `bits`, one per first byte (after 256 unused
    /// ones, so that the array is never empty).
    var rows = ContiguousArray<UInt32>(repeating: 0, count: 256)
    /// Eight words per row: for each quarter `k` of the second byte's range, word `2k` has the
    /// second bytes that can follow, and word `2k + 1` those that pass without a third byte.
    /// Row 0 is empty.
    var bits = ContiguousArray<UInt64>(repeating: 0, count: 8)
    /// The hashed three-byte tables (after one unused word).
    var triples = ContiguousArray<UInt64>(repeating: 0, count: 1)

    /// The tables, borrowed for one `match` or `scan`.
    struct Pointers {
        let rows: UnsafePointer<UInt32>
        let bits: UnsafePointer<UInt64>
        let triples: UnsafePointer<UInt64>
    }

    func withPointers<R>(_ body: (Pointers) -> R) -> R {
        rows.withUnsafeBufferPointer { rows in
            bits.withUnsafeBufferPointer { bits in
                triples.withUnsafeBufferPointer { triples in
                    body(Pointers(rows: rows.baseAddress!, bits: bits.baseAddress!, triples: triples.baseAddress!))
                }
            }
        }
    }
}

extension ByteSet {
    /// Calls `body` with each byte of the set, in increasing order (without building an array).
    @inline(__always)
    func forEachByte(_ body: (UInt8) -> Void) {
        for (k, word) in [w0, w1, w2, w3].enumerated() {
            var bits = word
            while bits != 0 {
                body(UInt8(k * 64 + bits.trailingZeroBitCount))
                bits &= bits &- 1
            }
        }
    }
}

extension GrammarCompiler {
    /// A lower bound of the length of each node's matches, capped at `PrefixPattern.width`
    /// (lookaheads count as consuming nothing). A least fixpoint from 0, so a bound even for
    /// recursive rules.
    func computeMinimumLengths(width: Int) -> [Int] {
        var minimum = [Int](repeating: 0, count: program.nodes.count)
        var changed = true
        while changed {
            changed = false
            for i in evaluationOrder {
                let node = program.nodes[i]
                let length: Int
                switch node.op {
                case .literal, .literalCI: length = min(Int(node.b), width)
                case .byteClass, .classPlus: length = 1
                case .classStar, .zeroOrMore, .optional, .and, .not: length = 0
                case .sequence: length = min(children(of: node).reduce(0) { $0 + minimum[Int($1)] }, width)
                case .choice: length = children(of: node).map { minimum[Int($0)] }.min() ?? 0
                case .oneOrMore, .capture, .call: length = minimum[Int(node.a)]
                case .dispatchChoice: preconditionFailure("computed before dispatch tables")
                }
                if length > minimum[i] {
                    minimum[i] = length
                    changed = true
                }
            }
        }
        return minimum
    }

    /// The children of a sequence that its start patterns depend on: up to the one after which
    /// every match is at least `width` bytes long, lookaheads left out.
    private func startChildren(of node: Node, minimum: [Int], width: Int) -> [Int32] {
        var result: [Int32] = []
        var length = 0
        for k in children(of: node) {
            let op = program.nodes[Int(k)].op
            if op == .and || op == .not { continue }
            result.append(k)
            length += minimum[Int(k)]
            if length >= width { break }
        }
        return result
    }

    /// The start patterns of every rule's entry (computed before large choices become dispatch
    /// tables).
    ///
    /// Only the nodes the entries depend on are evaluated (not what comes after the first
    /// `width` bytes of a sequence, nor what is inside a lookahead). They are evaluated in
    /// `evaluationOrder`, children before parents and called rules before their callers; a
    /// call to a rule not yet evaluated (recursion) counts as matching anything. A second round
    /// then refines those calls from the first round's results, which are already sound, so
    /// every round is sound.
    func computeStartPatterns<A: StartPatternAlgebra>(_ algebra: A.Type) -> [[A.Pattern]] {
        let width = A.width
        let minimum = computeMinimumLengths(width: width)
        // Which nodes the entries' patterns depend on.
        var needed = [Bool](repeating: false, count: program.nodes.count)
        var stack = program.ruleEntries
        while let index = stack.popLast() {
            guard !needed[Int(index)] else { continue }
            needed[Int(index)] = true
            let node = program.nodes[Int(index)]
            switch node.op {
            case .sequence: stack += startChildren(of: node, minimum: minimum, width: width)
            case .and, .not: break
            default: stack += children(of: node)
            }
        }
        var patterns = [[A.Pattern]?](repeating: nil, count: program.nodes.count)
        var unknownCalls = false
        for round in 0 ..< 2 {
            if round == 1 && !unknownCalls { break }
            for i in evaluationOrder where needed[i] {
                let node = program.nodes[i]
                func of(_ k: Int32) -> [A.Pattern] {
                    if let p = patterns[Int(k)] { return p }
                    // Only a call reaches a node not evaluated yet: a rule in a cycle.
                    unknownCalls = true
                    return A.any
                }
                let result: [A.Pattern]
                switch node.op {
                case .byteClass:
                    result = node.first.isEmpty ? [] : A.byteClass(node.first)
                case .literal, .literalCI:
                    result = A.literal(program.pool[Int(node.a) ..< Int(node.a + node.b)],
                                       caseInsensitive: node.op == .literalCI)
                case .sequence:
                    // A lookahead consumes nothing and is taken to pass.
                    var r = A.empty
                    for k in startChildren(of: node, minimum: minimum, width: width) {
                        r = A.concat(r, of(k))
                    }
                    result = r
                case .choice:
                    result = A.normalize(children(of: node).flatMap { of($0) })
                case .and, .not:
                    result = A.empty
                case .optional:
                    result = A.normalize(A.empty + of(node.a))
                case .classStar, .classPlus:
                    result = A.run(of: program.nodes[Int(node.a)].first, atLeastOne: node.op == .classPlus)
                case .zeroOrMore:
                    result = A.star(of(node.a))
                case .oneOrMore:
                    let once = of(node.a)
                    result = A.concat(once, A.star(once))
                case .capture, .call:
                    // In the second round a call may read its callee's result of the first.
                    result = of(node.a)
                case .dispatchChoice:
                    preconditionFailure("start patterns are computed before dispatch tables")
                }
                patterns[i] = result
            }
        }
        return program.ruleEntries.map { patterns[Int($0)] ?? A.any }
    }
}
