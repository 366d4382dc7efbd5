/// A first, cheap check of the three bytes at a scan candidate: one bit per string of three
/// bytes folded to their low five bits (`b & 31`, which folds ASCII case, so "The", "the" and
/// "THE" share a bit).
///
/// `scan` meets tens of thousands of word starts in a document and the full three-byte
/// prefilter costs a hash and several loads at each; this is one load and one bit. It only
/// over-approximates the rule's start patterns (folding merges strings), so it never rejects
/// a position where the rule matches; what it lets through goes on to the exact checks.
struct FoldedTrigrams: Sendable {
    /// 512 words (32,768 bits) per table, after one unused word (so that the array is never
    /// empty and always has a base address).
    var words = ContiguousArray<UInt64>(repeating: 0, count: 1)

    static let wordsPerTable = 512

    /// The bit of `b0 b1 b2`, as an index into a table.
    @inline(__always)
    static func key(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Int {
        Int(b0 & 31) &<< 10 | Int(b1 & 31) &<< 5 | Int(b2 & 31)
    }

    /// Adds the table of a rule whose non-empty matches start with `patterns`; returns its
    /// base in `words`, or -1 when it would let most strings through (then it only costs).
    mutating func add(_ patterns: [PrefixPattern]) -> Int32 {
        var table = [UInt64](repeating: 0, count: Self.wordsPerTable)
        func folded(_ set: ByteSet) -> [Int] {
            var low: UInt32 = 0
            set.forEachByte { low |= 1 << UInt32($0 & 31) }
            return (0 ..< 32).filter { low & (1 << UInt32($0)) != 0 }
        }
        let every = Array(0 ..< 32)
        for p in patterns where p.length > 0 {
            let k0 = folded(p.s0)
            let k1 = p.length > 1 ? folded(p.s1) : every
            let k2 = p.length > 2 ? folded(p.s2) : every
            for a in k0 {
                for b in k1 {
                    for c in k2 {
                        let key = a << 10 | b << 5 | c
                        table[key >> 6] |= 1 << UInt64(key & 63)
                    }
                }
            }
        }
        let set = table.reduce(0) { $0 + $1.nonzeroBitCount }
        guard set <= 32768 / 4 else { return -1 }
        let base = Int32(words.count)
        words += table
        return base
    }

    /// Whether the table at `base` lets `b0 b1 b2` through.
    @inline(__always)
    static func accepts(_ words: UnsafePointer<UInt64>, base: Int32, _ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        let key = Self.key(b0, b1, b2)
        return words[Int(base) &+ key &>> 6] & (1 &<< UInt64(key & 63)) != 0
    }
}
