/// A set of bytes (0...255), stored as four 64-bit words so that membership is a shift and a mask.
///
/// The matcher uses byte sets for character classes and for the "first byte" of every
/// expression, which lets `scan` and ordered choice skip positions without calling anything.
public struct ByteSet: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline var w0: UInt64
    @usableFromInline var w1: UInt64
    @usableFromInline var w2: UInt64
    @usableFromInline var w3: UInt64

    /// The empty set.
    @inlinable
    public init() {
        w0 = 0; w1 = 0; w2 = 0; w3 = 0
    }

    /// The set of the given bytes.
    public init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        self.init()
        for b in bytes { insert(b) }
    }

    /// The set of the UTF-8 bytes of `characters` (meant for ASCII strings such as `"0123456789"`).
    public init(characters: String) {
        self.init(characters.utf8)
    }

    /// The set of the bytes in `range`.
    public init(range: ClosedRange<UInt8>) {
        self.init()
        for b in range { insert(b) }
    }

    /// Every byte.
    public static let all = ByteSet(range: 0...255)
    /// ASCII letters and digits: what `scan` treats as "inside a word" by default.
    public static let wordCharacters = ByteSet(characters: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    /// ASCII digits.
    public static let digits = ByteSet(range: 0x30...0x39)
    /// ASCII letters.
    public static let letters = ByteSet(range: 0x41...0x5A).union(ByteSet(range: 0x61...0x7A))
    /// Space, tab, carriage return and line feed.
    public static let whitespace = ByteSet(characters: " \t\r\n")

    /// Whether `b` is in the set.
    @inlinable @inline(__always)
    public func contains(_ b: UInt8) -> Bool {
        // Selects without a switch: a jump table per byte costs more than the test itself.
        let low = b & 0x40 == 0 ? w0 : w1
        let high = b & 0x40 == 0 ? w2 : w3
        let word = b & 0x80 == 0 ? low : high
        return (word >> UInt64(b & 63)) & 1 != 0
    }

    /// Whether every member is also in `other`.
    @inlinable
    public func isSubset(of other: ByteSet) -> Bool {
        w0 & ~other.w0 == 0 && w1 & ~other.w1 == 0 && w2 & ~other.w2 == 0 && w3 & ~other.w3 == 0
    }

    /// Adds `b` to the set.
    @inlinable
    public mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    /// The bytes in either set.
    @inlinable
    public func union(_ other: ByteSet) -> ByteSet {
        var r = self
        r.w0 |= other.w0; r.w1 |= other.w1; r.w2 |= other.w2; r.w3 |= other.w3
        return r
    }

    /// The bytes in both sets.
    @inlinable
    public func intersection(_ other: ByteSet) -> ByteSet {
        var r = self
        r.w0 &= other.w0; r.w1 &= other.w1; r.w2 &= other.w2; r.w3 &= other.w3
        return r
    }

    /// The bytes not in the set.
    @inlinable
    public var complement: ByteSet {
        var r = self
        r.w0 = ~w0; r.w1 = ~w1; r.w2 = ~w2; r.w3 = ~w3
        return r
    }

    /// The only byte of the set, when it has exactly one.
    public var single: UInt8? {
        guard count == 1 else { return nil }
        if w0 != 0 { return UInt8(w0.trailingZeroBitCount) }
        if w1 != 0 { return UInt8(64 + w1.trailingZeroBitCount) }
        if w2 != 0 { return UInt8(128 + w2.trailingZeroBitCount) }
        return UInt8(192 + w3.trailingZeroBitCount)
    }

    /// Whether the set has no bytes.
    @inlinable
    public var isEmpty: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// How many bytes the set has.
    public var count: Int {
        w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount
    }

    /// The bytes in the set, in increasing order.
    public var bytes: [UInt8] {
        (0...255).compactMap { contains(UInt8($0)) ? UInt8($0) : nil }
    }

    public var description: String {
        if self == .all { return "ByteSet(all)" }
        let shown = bytes.map { b -> String in
            (0x21...0x7E).contains(b) ? String(UnicodeScalar(b)) : "\\x" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
        }
        return "ByteSet(" + shown.joined() + ")"
    }
}
