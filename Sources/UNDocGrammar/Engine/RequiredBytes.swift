/// Bytes a rule cannot match without: a set such that every non-empty match of the rule holds
/// at least one of its bytes (every UN symbol holds a "/"). `scan` looks for one with memchr
/// first and, in a paragraph without any, skips the scan: most paragraphs cite no symbol.
///
/// The set is chosen among the sound ones by how rare its bytes are in running text, so a
/// literal gives its rarest byte and a sequence its rarest element; a choice needs every
/// alternative to give one. Nullable nodes, lookaheads and calls not yet analysed (recursion)
/// give none, which is always sound.
extension GrammarCompiler {
    /// Per rule, its required bytes, or nil when no set is rare enough to be worth a look.
    func computeRequiredBytes() -> [ByteSet?] {
        var required = [ByteSet?](repeating: nil, count: program.nodes.count)
        for i in evaluationOrder {
            let node = program.nodes[i]
            var result: ByteSet?
            switch node.op {
            case .literal, .literalCI:
                var best: ByteSet?
                for b in program.pool[Int(node.a) ..< Int(node.a + node.b)] {
                    var set = ByteSet([b])
                    if node.op == .literalCI, b >= 0x61, b <= 0x7A { set.insert(b - 0x20) }
                    best = Self.rarer(best, set)
                }
                result = best
            case .byteClass:
                result = node.first
            case .classPlus:
                result = program.nodes[Int(node.a)].first
            case .sequence:
                for k in children(of: program.nodes[i]) where !program.nodes[Int(k)].nullable {
                    result = Self.rarer(result, required[Int(k)])
                }
            case .choice:
                var union = ByteSet()
                for k in children(of: node) {
                    guard let set = required[Int(k)] else {
                        union = ByteSet.all
                        break
                    }
                    union = union.union(set)
                }
                result = union == .all ? nil : union
            case .oneOrMore, .capture, .call:
                result = node.a >= 0 ? required[Int(node.a)] : nil
            case .zeroOrMore, .optional, .classStar, .and, .not:
                result = nil
            case .dispatchChoice:
                preconditionFailure("required bytes are computed before dispatch tables")
            }
            required[i] = node.nullable ? nil : result
        }
        return program.ruleEntries.map { entry in
            required[Int(entry)].flatMap { Self.rarity(of: $0) <= Self.worthLooking ? $0 : nil }
        }
    }

    /// Rarer than this (a few uncommon bytes at most), a look for them before a scan pays.
    static let worthLooking = 2.0

    /// How often the bytes of `set` occur in English prose, roughly, per hundred bytes.
    static func rarity(of set: ByteSet) -> Double {
        var total = 0.0
        set.forEachByte { b in
            switch b {
            case 0x20: total += 16
            case 0x61 ... 0x7A: total += 6
            case 0x0A: total += 2
            case 0x2C, 0x2E: total += 1
            case 0x41 ... 0x5A, 0x30 ... 0x39: total += 0.5
            default: total += 0.1
            }
        }
        return total
    }

    /// The rarer of two sets (either is sound), nil standing for no set.
    static func rarer(_ a: ByteSet?, _ b: ByteSet?) -> ByteSet? {
        guard let a else { return b }
        guard let b else { return a }
        return rarity(of: b) < rarity(of: a) ? b : a
    }
}

/// A required pair: every non-empty match of a rule holds a byte of `before` directly followed
/// by `byte` (every UN symbol holds a capital and a "/", as in "A/" or "CTOC/", while a "/"
/// alone is common in decision numbers such as "3/2"). `scan` then skips a paragraph where no
/// "/" follows one of those bytes, not only one without a "/".
struct RequiredPair: Sendable, Equatable {
    var before: ByteSet
    var byte: UInt8
}

extension GrammarCompiler {
    /// Per rule, a required pair, or nil when none is found or its byte is common. The analysis
    /// is sound as `computeRequiredBytes` is: a literal gives its own pairs, a sequence also
    /// the pairs across two children (what one can end with, then the single byte that must
    /// come next), a choice a pair only when every alternative gives one with the same byte.
    func computeRequiredPairs(consume: [ByteSet]) -> [RequiredPair?] {
        let count = program.nodes.count
        // The bytes each node's non-empty matches can end with; nil (not analysed yet: a
        // recursive call) stands for every byte.
        var last = [ByteSet?](repeating: nil, count: count)
        var pairs = [RequiredPair?](repeating: nil, count: count)
        func lastBytes(_ k: Int32) -> ByteSet { last[Int(k)] ?? .all }
        func caseVariants(_ b: UInt8, _ foldCase: Bool) -> ByteSet {
            var set = ByteSet([b])
            if foldCase, b >= 0x61, b <= 0x7A { set.insert(b - 0x20) }
            return set
        }
        /// The better of two sound pairs: the rarer second byte, then the fewer first bytes.
        func better(_ a: RequiredPair?, _ b: RequiredPair?) -> RequiredPair? {
            guard let a else { return b }
            guard let b else { return a }
            let ra = Self.rarity(of: ByteSet([a.byte])), rb = Self.rarity(of: ByteSet([b.byte]))
            if ra != rb { return rb < ra ? b : a }
            return Self.rarity(of: b.before) < Self.rarity(of: a.before) ? b : a
        }
        for i in evaluationOrder {
            let node = program.nodes[i]
            var ends: ByteSet
            var pair: RequiredPair?
            switch node.op {
            case .literal, .literalCI:
                let bytes = Array(program.pool[Int(node.a) ..< Int(node.a + node.b)])
                let foldCase = node.op == .literalCI
                ends = bytes.last.map { caseVariants($0, foldCase) } ?? ByteSet()
                for k in bytes.indices.dropFirst() where caseVariants(bytes[k], foldCase).count == 1 {
                    pair = better(pair, RequiredPair(before: caseVariants(bytes[k - 1], foldCase), byte: bytes[k]))
                }
            case .byteClass:
                ends = node.first
            case .classStar, .classPlus:
                ends = program.nodes[Int(node.a)].first
                pair = nil
            case .sequence:
                let kids = children(of: node)
                ends = ByteSet()
                for k in kids.reversed() {
                    ends = ends.union(lastBytes(k))
                    if !program.nodes[Int(k)].nullable { break }
                }
                for (index, k) in kids.enumerated() {
                    let kid = program.nodes[Int(k)]
                    if !kid.nullable { pair = better(pair, pairs[Int(k)]) }
                    // Across: the bytes that can follow this child, while the ones after it may
                    // match empty, up to one that cannot.
                    guard !kid.nullable else { continue }
                    var next = ByteSet()
                    var closed = false
                    for j in kids[(index + 1)...] {
                        next = next.union(consume[Int(j)])
                        if !program.nodes[Int(j)].nullable {
                            closed = true
                            break
                        }
                    }
                    if closed, next.count == 1, let byte = next.single {
                        pair = better(pair, RequiredPair(before: lastBytes(k), byte: byte))
                    }
                }
            case .choice:
                ends = ByteSet()
                var union: RequiredPair?
                var sound = true
                for k in children(of: node) {
                    ends = ends.union(lastBytes(k))
                    guard let p = pairs[Int(k)], union == nil || union!.byte == p.byte else {
                        sound = false
                        continue
                    }
                    union = RequiredPair(before: (union?.before ?? ByteSet()).union(p.before), byte: p.byte)
                }
                pair = sound ? union : nil
            case .oneOrMore, .capture, .call:
                ends = lastBytes(node.a)
                pair = pairs[Int(node.a)]
            case .zeroOrMore, .optional:
                ends = lastBytes(node.a)
            case .and, .not:
                ends = ByteSet()
            case .dispatchChoice:
                preconditionFailure("required pairs are computed before dispatch tables")
            }
            last[i] = ends
            pairs[i] = node.nullable ? nil : pair
        }
        return program.ruleEntries.map { entry in
            pairs[Int(entry)].flatMap { Self.rarity(of: ByteSet([$0.byte])) <= Self.worthLooking ? $0 : nil }
        }
    }
}
