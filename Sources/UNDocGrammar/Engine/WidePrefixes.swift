/// Sixteen-byte start checks: after the two- and three-byte tables let a position through,
/// `scan` compares the next sixteen bytes with the starts a match can have, as value/mask
/// pairs, before it runs the matcher.
///
/// Three bytes tell little in prose: "Conference" and "contained in", "Parties" and
/// "paragraph", "in the Convention" and "in the light of" share them, and the matcher then
/// runs to fail. Sixteen bytes tell them apart at the cost of a few word compares.
///
/// The analysis is the one of `PrefixPattern` (the same soundness argument: ordered choice read
/// as unordered, lookaheads taken to pass), over a different pattern: each position is a
/// value and a mask, the bytes `b` with `b & mask == value`. A byte set becomes the bits all its
/// members share ([Dd] is `d` without bit 5; [0-9] is 0x30-0x3F), so a pattern may let more
/// through than the grammar would, never less.

/// The strings that start with (or, when `complete`, are exactly) `length` bytes, each
/// described by a value and a mask. Byte `i` is bits `8 * (i % 8)` of word `i / 8`, as a
/// little-endian load of the input puts it; positions at or past `length` have mask 0.
struct WidePattern: Hashable, Sendable {
    static let width = 16

    var length: Int
    /// Whether a match is exactly these bytes (otherwise it may go on).
    var complete: Bool
    var value0: UInt64 = 0, value1: UInt64 = 0
    var mask0: UInt64 = 0, mask1: UInt64 = 0

    static let empty = WidePattern(length: 0, complete: true)

    /// Sets position `i` (below the width) to the bytes `b & mask == value`.
    mutating func set(_ i: Int, value: UInt8, mask: UInt8) {
        let shift = UInt64(8 * (i % 8))
        if i < 8 {
            value0 |= UInt64(value & mask) << shift
            mask0 |= UInt64(mask) << shift
        } else {
            value1 |= UInt64(value & mask) << shift
            mask1 |= UInt64(mask) << shift
        }
    }

    func value(at i: Int) -> UInt8 { UInt8(truncatingIfNeeded: (i < 8 ? value0 : value1) >> UInt64(8 * (i % 8))) }
    func mask(at i: Int) -> UInt8 { UInt8(truncatingIfNeeded: (i < 8 ? mask0 : mask1) >> UInt64(8 * (i % 8))) }

    /// This pattern followed by `next`, cut to the width (a cut pattern is not complete).
    func appending(_ next: WidePattern) -> WidePattern {
        var result = self
        let room = Self.width - length
        let copied = min(room, next.length)
        for i in 0 ..< copied { result.set(length + i, value: next.value(at: i), mask: next.mask(at: i)) }
        result.length = length + copied
        result.complete = next.complete && copied == next.length
        return result
    }

    /// The first `count` positions only: every string of this pattern is one of the result.
    func truncated(to count: Int) -> WidePattern {
        guard count < length else { return self }
        var result = WidePattern(length: count, complete: false)
        for i in 0 ..< count { result.set(i, value: value(at: i), mask: mask(at: i)) }
        return result
    }

    /// One pattern for the strings of both: the positions both have, with the bits both fix
    /// to the same value.
    func joined(with other: WidePattern) -> WidePattern {
        var result = WidePattern(length: min(length, other.length),
                                 complete: complete && other.complete && length == other.length)
        // A position past the shorter pattern has mask 0 there, so it drops out.
        result.mask0 = mask0 & other.mask0 & ~(value0 ^ other.value0)
        result.mask1 = mask1 & other.mask1 & ~(value1 ^ other.value1)
        result.value0 = value0 & result.mask0
        result.value1 = value1 & result.mask1
        return result
    }

    /// Whether every string of `other` is one of this pattern.
    func covers(_ other: WidePattern) -> Bool {
        if complete {
            guard other.complete, other.length == length else { return false }
        } else {
            guard length <= other.length else { return false }
        }
        // Where this pattern fixes a bit, the other fixes it too, to the same value.
        return other.mask0 & mask0 == mask0 && other.value0 & mask0 == value0
            && other.mask1 & mask1 == mask1 && other.value1 & mask1 == value1
    }

    /// The value and mask that cover every byte of `set`: the bits its members all share.
    static func approximate(_ set: ByteSet) -> (value: UInt8, mask: UInt8) {
        var all: UInt8 = 0xFF
        var any: UInt8 = 0
        set.forEachByte { b in
            all &= b
            any |= b
        }
        let mask = all | ~any
        return (all & mask, mask)
    }
}

enum WidePatterns: StartPatternAlgebra {
    static var width: Int { WidePattern.width }
    /// Above this many patterns a list is coarsened by cutting its patterns shorter.
    static let maximumCount = 48

    static var empty: [WidePattern] { [.empty] }
    static var any: [WidePattern] { [WidePattern(length: 0, complete: false)] }

    static func literal(_ bytes: some Collection<UInt8>, caseInsensitive: Bool) -> [WidePattern] {
        var pattern = WidePattern(length: min(bytes.count, WidePattern.width), complete: bytes.count <= WidePattern.width)
        for (i, b) in bytes.prefix(WidePattern.width).enumerated() {
            let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            pattern.set(i, value: b, mask: caseInsensitive && letter ? 0xDF : 0xFF)
        }
        return [pattern]
    }

    static func byteClass(_ set: ByteSet) -> [WidePattern] {
        let (value, mask) = WidePattern.approximate(set)
        var pattern = WidePattern(length: 1, complete: true)
        pattern.set(0, value: value, mask: mask)
        return [pattern]
    }

    /// A run starts with one byte of the set and goes on unknown: following every length
    /// would multiply the patterns of what comes after by sixteen, for little gain.
    static func run(of set: ByteSet, atLeastOne: Bool) -> [WidePattern] {
        let (value, mask) = WidePattern.approximate(set)
        var one = WidePattern(length: 1, complete: false)
        one.set(0, value: value, mask: mask)
        return atLeastOne ? [one] : [.empty, one]
    }

    static func concat(_ a: [WidePattern], _ b: [WidePattern]) -> [WidePattern] {
        var out: [WidePattern] = []
        out.reserveCapacity(a.count * b.count)
        for x in a {
            if x.complete {
                for y in b { out.append(x.appending(y)) }
            } else {
                out.append(x) // a match that goes on unknown: what follows is not known either
            }
        }
        return normalize(out)
    }

    /// Zero repetitions, or one of `e` and then unknown.
    static func star(_ e: [WidePattern]) -> [WidePattern] {
        normalize(empty + e.compactMap { p in
            guard p.length > 0 || !p.complete else { return nil } // an empty repetition adds nothing
            var q = p
            q.complete = false
            return q
        })
    }

    static func normalize(_ patterns: [WidePattern]) -> [WidePattern] {
        if patterns.count <= 1 { return patterns }
        var list = dedupe(patterns)
        // Long lists (a product of two long choices) are coarsened before the quadratic pass.
        var kept = WidePattern.width / 2
        while list.count > 4 * maximumCount, kept >= 0 {
            list = coarsen(list, keeping: kept)
            kept = kept > 0 ? kept / 2 : -1
        }
        list = droppingCovered(list)
        kept = WidePattern.width / 2
        while list.count > maximumCount, kept >= 0 {
            list = droppingCovered(coarsen(list, keeping: kept))
            kept = kept > 0 ? kept / 2 : -1
        }
        return list
    }

    /// Joins the patterns whose first `kept` positions are the same: one pattern per group,
    /// covering all of it.
    private static func coarsen(_ patterns: [WidePattern], keeping kept: Int) -> [WidePattern] {
        var groups: [WidePattern] = []
        var index: [WidePattern: Int] = [:]
        for p in patterns {
            let key = p.truncated(to: kept)
            if let g = index[key] {
                groups[g] = groups[g].joined(with: p)
            } else {
                index[key] = groups.count
                groups.append(p)
            }
        }
        return groups
    }

    private static func dedupe(_ patterns: [WidePattern]) -> [WidePattern] {
        withoutDuplicates(patterns, linearUpTo: 16)
    }

    private static func droppingCovered(_ list: [WidePattern]) -> [WidePattern] {
        guard list.count > 1 else { return list }
        var kept: [WidePattern] = []
        for (i, p) in list.enumerated() {
            // Of two equal patterns (none are left) or one covering the other, keep the wider.
            let covered = list.indices.contains { j in j != i && list[j].covers(p) }
            if !covered { kept.append(p) }
        }
        return kept
    }
}

/// One sixteen-byte check: the input passes when both words, masked, equal the values.
struct WideCheck: Sendable, Equatable {
    var value0: UInt64
    var mask0: UInt64
    var value1: UInt64
    var mask1: UInt64
    /// How many bytes a match with this start has at least.
    var length: Int
}

/// The sixteen-byte checks of every rule that has them, grouped by first byte.
struct WideFilterTables: Sendable, Equatable {
    /// The checks, bucket after bucket (after one unused check, so that the array is never
    /// empty).
    var checks = ContiguousArray<WideCheck>(repeating: WideCheck(value0: 0, mask0: 0, value1: 0, mask1: 0, length: 0), count: 1)
    /// Per filtered rule, 257 offsets into `checks`: the checks for first byte `b` are
    /// `checks[buckets[base + b] ..< buckets[base + b + 1]]` (after one unused offset).
    var buckets = ContiguousArray<Int32>(repeating: 0, count: 1)

    /// Adds the filter of a rule whose non-empty matches start with `patterns`; returns its base
    /// in `buckets`, or nil when it would tell no more than the first three bytes.
    mutating func add(_ patterns: [WidePattern]) -> Int32? {
        let useful = patterns.filter { $0.length > 0 || !$0.complete }
        // A pattern of no byte lets everything through; three bytes or fewer, the three-byte
        // tables already tell.
        guard !useful.isEmpty, useful.allSatisfy({ $0.length > 0 }),
              useful.contains(where: { $0.length > 3 && $0.mask0 >> 24 | $0.mask1 != 0 })
        else { return nil }
        let base = Int32(buckets.count)
        for b in 0 ..< 256 {
            buckets.append(Int32(checks.count))
            for p in useful where UInt8(b) & p.mask(at: 0) == p.value(at: 0) {
                checks.append(WideCheck(value0: p.value0, mask0: p.mask0, value1: p.value1, mask1: p.mask1, length: p.length))
            }
        }
        buckets.append(Int32(checks.count))
        return base
    }

    struct Pointers {
        let checks: UnsafePointer<WideCheck>
        let buckets: UnsafePointer<Int32>

        /// Whether the bytes at `p` (none read at or past `end`) pass one of the checks of the
        /// rule whose buckets start at `base`.
        @inline(__always)
        func accepts(base: Int32, _ input: UnsafeBufferPointer<UInt8>, _ p: Int, end: Int) -> Bool {
            let bucket = Int(base) &+ Int(input[p])
            var i = Int(buckets[bucket])
            let last = Int(buckets[bucket &+ 1])
            guard i < last else { return false }
            var word0: UInt64 = 0
            var word1: UInt64 = 0
            if p &+ 16 <= end {
                let raw = UnsafeRawPointer(input.baseAddress! + p)
                word0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                word1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                while i < last {
                    let check = checks[i]
                    if word0 & check.mask0 == check.value0 && word1 & check.mask1 == check.value1 { return true }
                    i &+= 1
                }
                return false
            }
            // Near the end: the bytes there, then zeros; a check longer than what is left fails.
            let left = end &- p
            var k = 0
            while k < left {
                let b = UInt64(input[p &+ k])
                if k < 8 { word0 |= b &<< UInt64(8 &* k) } else { word1 |= b &<< UInt64(8 &* (k &- 8)) }
                k &+= 1
            }
            while i < last {
                let check = checks[i]
                if check.length <= left, word0 & check.mask0 == check.value0, word1 & check.mask1 == check.value1 {
                    return true
                }
                i &+= 1
            }
            return false
        }
    }

    func withPointers<R>(_ body: (Pointers) -> R) -> R {
        checks.withUnsafeBufferPointer { checks in
            buckets.withUnsafeBufferPointer { buckets in
                body(Pointers(checks: checks.baseAddress!, buckets: buckets.baseAddress!))
            }
        }
    }
}
