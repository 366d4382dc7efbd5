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
