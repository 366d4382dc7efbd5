#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A growable buffer of plain values in malloc'd memory: no copy-on-write, no bounds or
/// exclusivity checks, grown with `realloc`. The JSON writer keeps its tree and its output
/// in these; whoever owns one calls `deallocate()` (or hands the bytes to `Data`).
struct JSONRawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        let capacity = Swift.max(capacity, 16)
        guard let memory = malloc(capacity * MemoryLayout<Element>.stride) else {
            fatalError("JSONWriter: out of memory")
        }
        base = memory.bindMemory(to: Element.self, capacity: capacity)
        self.capacity = capacity
    }

    /// Makes room for `extra` more elements.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        guard let memory = realloc(base, newCapacity * MemoryLayout<Element>.stride) else {
            fatalError("JSONWriter: out of memory")
        }
        base = memory.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        reserve(1)
        (base + count).initialize(to: element)
        count &+= 1
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    func deallocate() {
        free(base)
    }
}

extension JSONRawBuffer where Element == UInt8 {
    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        reserve(length)
        (base + count).update(from: source, count: length)
        count &+= length
    }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// Appends the UTF-8 bytes of `string` as they are.
    @inline(__always)
    mutating func appendRaw(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            if let start = bytes.baseAddress { append(start, count: bytes.count) }
        }
    }

    /// Writes `length` spaces at `target`, and up to seven more after them (room for them
    /// must be reserved).
    @inline(__always)
    static func writeSpaces(_ target: UnsafeMutablePointer<UInt8>, _ length: Int) {
        var index = 0
        while index < length {
            UnsafeMutableRawPointer(target + index).storeBytes(of: 0x2020_2020_2020_2020 as UInt64, as: UInt64.self)
            index += 8
        }
    }

    /// The decimal digits of `value`.
    mutating func appendDecimal(_ value: UInt64) {
        if value < 10 {
            append(0x30 &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var digits = 2
        var limit: UInt64 = 100
        while digits < 20, value >= limit {
            digits += 1
            limit = limit &* 10
        }
        reserve(digits)
        // Two digits at a time, from the end.
        let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        let table = pairs.utf8Start
        var cursor = base + count + digits
        var rest = value
        while rest >= 100 {
            let pair = Int(rest % 100) &* 2
            rest /= 100
            cursor -= 2
            cursor[0] = table[pair]
            cursor[1] = table[pair + 1]
        }
        if rest >= 10 {
            let pair = Int(rest) &* 2
            cursor -= 2
            cursor[0] = table[pair]
            cursor[1] = table[pair + 1]
        } else {
            cursor -= 1
            cursor[0] = 0x30 &+ UInt8(truncatingIfNeeded: rest)
        }
        count &+= digits
    }

    @inline(__always)
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    /// `source` as the body of a JSON string between quotes, escaped as Foundation's
    /// JSONEncoder does with `.withoutEscapingSlashes`: `\"` and `\\`; `\b`, `\f`, `\n`, `\r`
    /// and `\t`; other bytes below 0x20 as `\u00xx` (lower-case hex); everything else,
    /// DEL and non-ASCII included, as it is.
    @inline(__always)
    mutating func appendQuoted(_ source: UnsafePointer<UInt8>, count length: Int) {
        reserve(length + 2)
        let out = base + count
        out.pointee = 0x22
        // Copy eight bytes at a time while none needs an escape, then byte by byte.
        var index = 0
        while index + 8 <= length {
            let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
            if Self.wordNeedsEscape(word) { break }
            UnsafeMutableRawPointer(out + 1 + index).storeBytes(of: word, as: UInt64.self)
            index += 8
        }
        if index < length, length >= 8, index + 8 > length {
            // The last bytes: the word that ends the string (it overlaps bytes already copied).
            let word = UnsafeRawPointer(source + length - 8).loadUnaligned(as: UInt64.self)
            if !Self.wordNeedsEscape(word) {
                UnsafeMutableRawPointer(out + 1 + length - 8).storeBytes(of: word, as: UInt64.self)
                index = length
            }
        }
        while index < length, !Self.needsEscape(source[index]) {
            out[1 + index] = source[index]
            index += 1
        }
        if index == length {
            out[length + 1] = 0x22
            count &+= length + 2
            return
        }
        count &+= index + 1
        appendEscaping(source + index, count: length - index)
        append(0x22)
    }

    /// How many bytes at the start of `source` need no escape.
    @inline(__always)
    static func escapeFreePrefix(_ source: UnsafePointer<UInt8>, count length: Int) -> Int {
        var index = 0
        if length >= 8 {
            // Eight bytes at a time; the last word overlaps the one before.
            while index + 8 <= length {
                if wordNeedsEscape(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)) { break }
                index += 8
            }
            if index + 8 > length {
                if !wordNeedsEscape(UnsafeRawPointer(source + length - 8).loadUnaligned(as: UInt64.self)) {
                    return length
                }
            }
        }
        while index < length, !needsEscape(source[index]) { index += 1 }
        return index
    }

    /// Whether one of the eight bytes is below 0x20, a quote or a backslash.
    @inline(__always)
    static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- 0x2020_2020_2020_2020) & ~word
        let quote = word ^ 0x2222_2222_2222_2222
        let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
        let hasQuote = (quote &- lowBits) & ~quote
        let hasBackslash = (backslash &- lowBits) & ~backslash
        return (control | hasQuote | hasBackslash) & highBits != 0
    }

    /// The rest of a string from its first byte that needs an escape.
    @inline(never)
    mutating func appendEscaping(_ source: UnsafePointer<UInt8>, count length: Int) {
        var index = 0
        while index < length {
            appendEscape(source[index])
            index += 1
            let clean = Self.escapeFreePrefix(source + index, count: length - index)
            append(source + index, count: clean)
            index += clean
        }
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    @inline(never)
    mutating func appendEscape(_ byte: UInt8) {
        reserve(6)
        let short: UInt8
        switch byte {
        case 0x22: short = 0x22
        case 0x5C: short = 0x5C
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        default:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            append("\\u00")
            append(digits[Int(byte >> 4)])
            append(digits[Int(byte & 0x0F)])
            return
        }
        base[count] = 0x5C
        base[count + 1] = short
        count &+= 2
    }

    /// `string` quoted and escaped (see `appendQuoted(_:count:)`).
    @inline(__always)
    mutating func appendQuoted(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            if let start = bytes.baseAddress {
                appendQuoted(start, count: bytes.count)
            } else {
                append("\"\"")
            }
        }
    }

    /// Hands the bytes to a `Data` without copying them; the buffer must not be used again.
    consuming func takeData() -> Data {
        if count == 0 {
            deallocate()
            return Data()
        }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(base), count: count, deallocator: .free)
    }
}
