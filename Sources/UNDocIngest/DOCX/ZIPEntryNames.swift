/// The entry names of a ZIP archive, read without unpacking anything: from the central
/// directory at the end of the archive, or, when that is missing (a truncated download),
/// from the local headers that precede each entry. Enough to tell a Word document from
/// the other formats packaged as ZIP (.xlsx, .pptx, .odt, .epub).
enum ZIPEntryNames {
    static let localHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let emptyArchive: [UInt8] = [0x50, 0x4B, 0x05, 0x06]

    /// At most `limit` names, in archive order.
    static func names(in raw: [UInt8], limit: Int = 100_000) -> [String] {
        raw.withUnsafeBufferPointer { bytes in
            fromCentralDirectory(bytes, limit: limit) ?? fromLocalHeaders(bytes, limit: limit)
        }
    }

    private static func fromCentralDirectory(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [String]? {
        // The end-of-central-directory record: 22 bytes and a comment of up to 65,535.
        guard bytes.count >= 22 else { return nil }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 0x05 && bytes[end + 3] == 0x06) {
            end -= 1
        }
        guard end >= lowest else { return nil }
        let count = Int(uint16(bytes, end + 10))
        let offset = Int(uint32(bytes, end + 16))
        // ZIP64 archives (over 4 GB) keep their directory elsewhere; the local headers still tell.
        guard offset < bytes.count, offset <= end else { return nil }
        var names: [String] = []
        var position = offset
        while names.count < min(count, limit), position + 46 <= bytes.count,
              uint32(bytes, position) == 0x0201_4B50 {
            let nameLength = Int(uint16(bytes, position + 28))
            let extraLength = Int(uint16(bytes, position + 30))
            let commentLength = Int(uint16(bytes, position + 32))
            guard position + 46 + nameLength <= bytes.count else { break }
            names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 46)..<(position + 46 + nameLength)]), as: UTF8.self))
            position += 46 + nameLength + extraLength + commentLength
        }
        return names.isEmpty && count > 0 ? nil : names
    }

    /// Every local header signature in the bytes with a plausible name after it.
    private static func fromLocalHeaders(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [String] {
        var names: [String] = []
        var position = 0
        while position + 30 <= bytes.count, names.count < limit {
            guard bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 0x03,
                  bytes[position + 3] == 0x04
            else {
                position += 1
                continue
            }
            let nameLength = Int(uint16(bytes, position + 26))
            if nameLength > 0, nameLength <= 1024, position + 30 + nameLength <= bytes.count {
                names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 30)..<(position + 30 + nameLength)]), as: UTF8.self))
            }
            position += 4
        }
        return names
    }

    private static func uint16(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
