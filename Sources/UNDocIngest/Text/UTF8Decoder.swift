import UNDocModel

/// Turns raw bytes into the text undoc parses: valid UTF-8 with `\n` line ends. Invalid
/// sequences become U+FFFD (reported once, with the first offset and the count), a
/// byte-order mark is dropped, and CR LF or lone CR become LF.
enum UTF8Decoder {
    static func decode(_ raw: [UInt8]) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        var start = 0
        var diagnostics: [Diagnostic] = []
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { start = 3 }
        if start == 0, isCleanUTF8(raw) { return (raw, []) }

        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var invalidCount = 0
        var firstInvalid = -1
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        raw.withUnsafeBufferPointer { buf in
            var i = start
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b < 0x80 {
                    if b == 0x0D {
                        out.append(0x0A)
                        if i + 1 < n, buf[i + 1] == 0x0A { i += 1 }
                    } else {
                        out.append(b)
                    }
                    i += 1
                    continue
                }
                let length = sequenceLength(buf, at: i)
                if length > 0 {
                    out.append(contentsOf: buf[i..<(i + length)])
                    i += length
                } else {
                    if firstInvalid < 0 { firstInvalid = i }
                    invalidCount += 1
                    out.append(contentsOf: replacement)
                    i += 1
                }
            }
        }
        if invalidCount > 0 {
            diagnostics.append(Diagnostic(
                .warning, code: "input.invalidUTF8",
                message: "\(invalidCount) invalid UTF-8 byte(s), the first at byte \(firstInvalid); replaced with U+FFFD"))
        }
        return (out, diagnostics)
    }

    /// True when the bytes are valid UTF-8 with no CR: the common case, decoded without a copy.
    private static func isCleanUTF8(_ raw: [UInt8]) -> Bool {
        raw.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b < 0x80 {
                    if b == 0x0D { return false }
                    i += 1
                    continue
                }
                let length = sequenceLength(buf, at: i)
                if length == 0 { return false }
                i += length
            }
            return true
        }
    }

    /// Length of the well-formed UTF-8 sequence starting at `i`, or 0 if it is not one
    /// (overlong forms, surrogates and code points past U+10FFFF are rejected).
    private static func sequenceLength(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = buf.count
        let b0 = buf[i]
        func cont(_ k: Int) -> Bool { i + k < n && buf[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return cont(1) && buf[i + 1] >= 0xA0 && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xED:
            return cont(1) && buf[i + 1] < 0xA0 && cont(2) ? 3 : 0
        case 0xF0:
            return cont(1) && buf[i + 1] >= 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return cont(1) && buf[i + 1] < 0x90 && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }
}
