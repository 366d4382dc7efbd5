/// One line of the normalised text being assembled from Word runs, as UTF-8 bytes, with
/// white space as the parser expects it: runs of spaces are one space, no-break spaces
/// are spaces, and a tab (a column in the normalised text) stands alone.
struct TextLine {
    private(set) var bytes: [UInt8] = []
    /// Visible characters set in bold and not, to tell a paragraph set wholly in bold.
    private(set) var boldCount = 0
    private(set) var plainCount = 0
    /// Inside a table cell a tab is a space: tabs separate the cells.
    var tabsAreSpaces = false

    /// Appends text as UTF-8 bytes, normalising white space.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, bold: Bool) {
        var index = 0
        while index < text.count {
            let byte = text[index]
            // U+00A0 (C2 A0), U+2007 (E2 80 87) and U+202F (E2 80 AF): spaces that do not break.
            if byte == 0xC2, index + 1 < text.count, text[index + 1] == 0xA0 {
                space()
                index += 2
                continue
            }
            if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80,
               text[index + 2] == 0x87 || text[index + 2] == 0xAF {
                space()
                index += 3
                continue
            }
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x0B, 0x0C:
                space()
            case 0x09:
                tab()
            default:
                bytes.append(byte)
                // Count characters, not UTF-8 continuation bytes.
                if byte & 0xC0 != 0x80 {
                    if bold { boldCount += 1 } else { plainCount += 1 }
                }
            }
            index += 1
        }
    }

    mutating func append(_ text: String, bold: Bool) {
        var text = text
        text.withUTF8 { append($0, bold: bold) }
    }

    /// Appends markup that is not text of the document (`<sup>3</sup>`), uncounted.
    mutating func appendMarkup(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    mutating func space() {
        guard let last = bytes.last, last != 0x20, last != 0x09 else { return }
        bytes.append(0x20)
    }

    mutating func tab() {
        if tabsAreSpaces {
            space()
            return
        }
        while bytes.last == 0x20 { bytes.removeLast() }
        guard let last = bytes.last, last != 0x09 else { return }
        bytes.append(0x09)
    }

    /// The line without white space at its ends.
    var trimmed: ArraySlice<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return bytes[start..<end]
    }

    /// Set wholly in bold (and holding some text).
    var isBold: Bool { boldCount > 0 && plainCount == 0 }
}
