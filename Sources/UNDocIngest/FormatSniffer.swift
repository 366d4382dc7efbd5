/// Tells the input format from the first bytes, not from the file name.
enum FormatSniffer {
    /// "text" or "markdown"; throws for formats this reader does not handle.
    static func sniff(_ raw: [UInt8]) throws(InputError) -> String {
        let head = Array(raw.prefix(8192))
        if head.starts(with: Array("%PDF-".utf8)) {
            throw .unsupportedFormat("a PDF file", advice: "convert it to text first (pdftotext FILE.pdf)")
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .unsupportedFormat("a ZIP archive (perhaps a Word .docx file)", advice: "save it as plain text first")
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .unsupportedFormat("a legacy Microsoft Office file", advice: "save it as plain text first")
        }
        if head.contains(0) {
            throw .binary("it contains NUL bytes")
        }
        var controls = 0
        for byte in head where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
            controls += 1
        }
        if controls * 20 > head.count {
            throw .binary("\(controls) control bytes in its first \(head.count)")
        }
        let lowered = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
            .drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        if lowered.hasPrefix("<!doctype html") || lowered.hasPrefix("<html") {
            throw .unsupportedFormat("an HTML page", advice: "save it as plain text first")
        }
        if lowered.hasPrefix("<?xml") {
            throw .unsupportedFormat("an XML file", advice: "save it as plain text first")
        }
        return "text"
    }
}
