import Foundation

/// Reading an open file to its end with `read(2)`: what the input reader and the early
/// pdftotext start both need, without Foundation's file APIs (which look up the owner's name
/// and build `Data` on the way).
enum FileDescriptorReader {
    /// The bytes of `descriptor` from its current offset to the end, but at most `limit + 1`
    /// of them, so that a caller can tell a file that grew past its limit. `expectedSize` (the
    /// size `fstat` gave) is only where the buffer starts.
    static func readToEnd(_ descriptor: Int32, expectedSize: Int, limit: Int) throws(ReadFailure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: min(max(expectedSize, 0), limit) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(code: errno)
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// A failed `read(2)`.
    struct ReadFailure: Error {
        var code: Int32
        var message: String { String(cString: strerror(code)) }
    }
}
