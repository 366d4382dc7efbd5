import UNDocGrammar

extension Capture {
    /// The matched text without the ASCII bytes `trimmed` at either end. Trimming the bytes
    /// before decoding makes one string instead of two (the same text: an ASCII byte is never
    /// part of a multi-byte character).
    func text(in bytes: UnsafeBufferPointer<UInt8>, trimming trimmed: (UInt8) -> Bool) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, trimmed(bytes[lower]) { lower += 1 }
        while upper > lower, trimmed(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
    }
}
