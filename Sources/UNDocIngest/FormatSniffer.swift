/// The formats undoc reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case text
    case pdf
    case html
    /// A Word document (Office Open XML, a ZIP package holding word/document.xml).
    case docx
}

/// Tells the input format from the first bytes, not from the file name.
enum FormatSniffer {
    /// The format of `raw`; throws for formats this reader does not handle.
    static func sniff(_ raw: [UInt8]) throws(InputError) -> InputFormat {
        let head = Array(raw.prefix(8192))
        // The header may follow a little junk (PDF readers accept it within the first 1024 bytes).
        if head.starts(with: Array("%PDF-".utf8)) || containsPDFHeader(head.prefix(1024)) {
            return .pdf
        }
        if isZIP(head) {
            return try ZIPPackageKind.classify(raw)
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .unsupportedFormat("a legacy Microsoft Office file (.doc)", advice: "save it as a Word document (.docx) or plain text first")
        }
        try checkText(head)
        let lowered = String(decoding: head.prefix(1024), as: UTF8.self).lowercased()
            .drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        if lowered.hasPrefix("<!doctype html") || lowered.hasPrefix("<html") {
            return .html
        }
        if lowered.hasPrefix("<?xml") || lowered.hasPrefix("<!--") {
            // XHTML: an XML declaration or a comment, then the HTML document type or root.
            if lowered.contains("<!doctype html") || lowered.contains("<html") { return .html }
            if lowered.hasPrefix("<?xml") {
                throw .unsupportedFormat("an XML file", advice: "save it as plain text first")
            }
        }
        return .text
    }

    /// Whether `raw` starts like a ZIP archive (whatever it holds).
    static func isZIP(_ raw: [UInt8]) -> Bool {
        raw.starts(with: ZIPEntryNames.localHeader) || raw.starts(with: ZIPEntryNames.emptyArchive)
    }

    /// Refuses bytes that are not text: NUL bytes, or many control characters.
    static func checkText(_ head: [UInt8]) throws(InputError) {
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
    }

    private static func containsPDFHeader(_ head: ArraySlice<UInt8>) -> Bool {
        let marker = Array("%PDF-".utf8)
        guard head.count >= marker.count else { return false }
        var index = head.startIndex
        while index + marker.count <= head.endIndex {
            if head[index] == 0x25, Array(head[index..<(index + marker.count)]) == marker { return true }
            index += 1
        }
        return false
    }
}
