import Foundation

/// FNV-1a, 64 bits, over a file's bytes: enough to tell whether a file changed since it
/// was indexed (a collision would need two versions of one file with equal hashes), and
/// much cheaper than a cryptographic hash on a corpus of thousands of files.
public enum ContentHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes`, as 16 lower-case hex digits.
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hex(hash)
    }

    /// The hash of `data`, read through its buffer (much faster than iterating `Data`).
    public static func fnv1a(_ data: Data) -> String {
        data.withUnsafeBytes { raw in fnv1a(raw.bindMemory(to: UInt8.self)) }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
