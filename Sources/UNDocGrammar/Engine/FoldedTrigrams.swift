/// A first, cheap check of the three bytes at a scan candidate: one bit per string of three
/// bytes folded to their low five bits (`b & 31`, which folds ASCII case, so "The", "the" and
/// "THE" share a bit).
///
/// `scan` meets tens of thousands of word starts in a document and the full three-byte
/// prefilter costs a hash and several loads at each; this is one load and one bit. It only
/// over-approximates the rule's start patterns (folding merges strings), so it never rejects
/// a position where the rule matches; what it lets through goes on to the exact checks.
struct FoldedTrigrams: Sendable, Equatable {
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
        /// The low five bits of the set's bytes, as a 32-bit mask.
        func folded(_ set: ByteSet) -> UInt32 {
            var mask: UInt32 = 0
            set.forEachByte { mask |= 1 << UInt32($0 & 31) }
            return mask
        }
        for p in patterns where p.length > 0 {
            let k0 = folded(p.s0)
            let k1 = p.length > 1 ? folded(p.s1) : UInt32.max
            // The third bytes of a pair are 32 consecutive bits: set them at once.
            let k2 = p.length > 2 ? folded(p.s2) : UInt32.max
            for a in 0 ..< 32 where k0 & (1 << UInt32(a)) != 0 {
                for b in 0 ..< 32 where k1 & (1 << UInt32(b)) != 0 {
                    let key = a << 10 | b << 5
                    table[key >> 6] |= UInt64(k2) << UInt64(key & 63)
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
