#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One non-blank line of `pdftotext -layout` output.
struct LayoutLine {
    /// The line without its indentation and trailing spaces.
    var text: String
    /// Leading spaces: pdftotext's approximation of the line's x position.
    var indent: Int
    /// 1-based page number.
    var page: Int
    /// Blank lines just above it on its page (pdftotext writes them for vertical gaps).
    var blankBefore: Int
    /// The first line of the page's text, after the running head is taken off.
    var pageTop = false
    /// Holds a run of three spaces (a column gap), as laid out.
    var hasGap = false
    /// Its length in columns (characters), as laid out.
    var columns = 0
}

/// Splits `pdftotext -layout` output into pages of non-blank lines.
enum LayoutText {
    static func pages(_ bytes: [UInt8]) -> [[LayoutLine]] {
        bytes.withUnsafeBufferPointer { pages(in: $0) }
    }

    /// Line ends are found with `memchr` and each line is measured in one pass without
    /// overflow checks: every byte of the document passes here.
    private static func pages(in bytes: UnsafeBufferPointer<UInt8>) -> [[LayoutLine]] {
        var pages = PageCollector()
        guard let base = bytes.baseAddress else { return pages.finished() }
        let count = bytes.count
        var lineStart = 0
        while true {
            let end = memchr(base + lineStart, 0x0A, count - lineStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
            // A form feed ends a line and a page (pdftotext writes one before each page's first line).
            var segment = lineStart
            while let feed = memchr(base + segment, 0x0C, end - segment) {
                let at = base.distance(to: feed.assumingMemoryBound(to: UInt8.self))
                pages.add(measure(base + segment, base + at, page: pages.page))
                pages.endPage()
                segment = at + 1
            }
            if end < count {
                pages.add(measure(base + segment, base + end, page: pages.page))
                lineStart = end + 1
            } else {
                // The text's last line, when it does not end with a line feed.
                if segment < count { pages.add(measure(base + segment, base + count, page: pages.page)) }
                break
            }
        }
        return pages.finished()
    }

    /// The pages read so far, and the blank lines above the next line.
    private struct PageCollector {
        private var pages: [[LayoutLine]] = []
        private var current: [LayoutLine] = []
        private var blank = 0
        private(set) var page = 1

        /// A line, or nil for a blank one.
        mutating func add(_ line: LayoutLine?) {
            guard var line else {
                blank += 1
                return
            }
            line.blankBefore = current.isEmpty ? 0 : blank
            current.append(line)
            blank = 0
        }

        mutating func endPage() {
            pages.append(current)
            current = []
            blank = 0
            page += 1
        }

        consuming func finished() -> [[LayoutLine]] {
            if !current.isEmpty { pages.append(current) }
            return pages
        }
    }

    /// The line from `start` to `end` without its indentation and trailing spaces, measured;
    /// nil when it is blank.
    private static func measure(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, page: Int) -> LayoutLine? {
        var first = start
        var indent = 0
        while first < end, first.pointee == 0x20 || first.pointee == 0x09 {
            indent &+= first.pointee == 0x09 ? 8 : 1
            first += 1
        }
        var stop = end
        while stop > first, stop[-1] == 0x20 || stop[-1] == 0x09 || stop[-1] == 0x0D { stop -= 1 }
        guard stop > first else { return nil }
        // Measured here, while the bytes are at hand: every later stage asks. Columns count
        // characters (UTF-8 lead bytes); a gap is a run of three spaces.
        let line = UnsafeBufferPointer(start: first, count: stop - first)
        var columns = 0
        for byte in line { columns &+= byte & 0xC0 != 0x80 ? 1 : 0 }
        var gap = false
        var index = 2
        while index < line.count {
            if line[index] != 0x20 {
                index &+= 3
            } else if line[index - 1] != 0x20 {
                index &+= 2
            } else if line[index - 2] != 0x20 {
                index &+= 1
            } else {
                gap = true
                break
            }
        }
        return LayoutLine(text: String(decoding: line, as: UTF8.self), indent: indent, page: page, blankBefore: 0,
                          hasGap: gap, columns: columns)
    }
}

/// Small recognisers for the shapes of laid-out lines.
enum LayoutShapes {
    /// A printed label at the start of a line: "17.", "IV.", "C.", "3/2.", "(a)", "(iii)", "(12)".
    /// Returns the label, the text after it and the number of spaces between.
    static func label(_ text: String) -> (label: String, rest: Substring, gap: Int)? {
        // Asked twice of every line: read in place, without copying the line's first bytes out.
        var contiguous = text
        guard let (length, gap) = contiguous.withUTF8({ labelLength($0) }) else { return nil }
        let utf8 = text.utf8
        let labelEnd = utf8.index(utf8.startIndex, offsetBy: length)
        let restStart = utf8.index(labelEnd, offsetBy: gap)
        return (String(text[..<labelEnd]), text[restStart...], gap)
    }

    /// The byte length of the label `line` starts with and the spaces after it, read from
    /// its first twelve bytes; nil when it starts with none or nothing follows it.
    private static func labelLength(_ line: UnsafeBufferPointer<UInt8>) -> (length: Int, gap: Int)? {
        let bytes = UnsafeBufferPointer(rebasing: line.prefix(12))
        var i = 0
        if bytes.first == 0x28 {  // "(" label ")"
            i = 1
            while i < bytes.count, isLower(bytes[i]) || isDigit(bytes[i]) { i += 1 }
            guard i > 1, i < bytes.count, bytes[i] == 0x29, i <= 8 else { return nil }
            i += 1
        } else if let first = bytes.first, isDigit(first) {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            if i < bytes.count, bytes[i] == 0x2F {  // "3/2."
                i += 1
                let digits = i
                while i < bytes.count, isDigit(bytes[i]) { i += 1 }
                guard i > digits else { return nil }
            }
            guard i <= 5, i < bytes.count, bytes[i] == 0x2E else { return nil }
            i += 1
        } else if let first = bytes.first, isUpper(first) {
            while i < bytes.count, isRoman(bytes[i]) { i += 1 }
            if i == 0 { i = 1 }  // a single capital letter: "C."
            guard i < bytes.count, bytes[i] == 0x2E else { return nil }
            guard i == 1 || bytes[0..<i].allSatisfy(isRoman) else { return nil }
            i += 1
        } else {
            return nil
        }
        var gap = 0
        while i + gap < bytes.count, bytes[i + gap] == 0x20 { gap += 1 }
        guard gap > 0, i + gap < line.count else { return nil }
        return (i, gap)
    }

    /// The cells of a line split at runs of three or more spaces, each with its column
    /// (relative to the line's indentation).
    static func cells(_ text: String) -> [(column: Int, text: Substring)] {
        guard hasColumnGap(text) else { return [(0, text[...])] }
        var out: [(Int, Substring)] = []
        let utf8 = text.utf8
        var cellStart = utf8.startIndex
        var column = 0
        var cellColumn = 0
        var spaces = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == 0x20 {
                spaces += 1
            } else {
                if spaces >= 3 {
                    let end = utf8.index(index, offsetBy: -spaces)
                    out.append((cellColumn, text[cellStart..<end]))
                    cellStart = index
                    cellColumn = column
                }
                spaces = 0
            }
            // Columns count characters, not bytes: skip UTF-8 continuation bytes.
            if utf8[index] & 0xC0 != 0x80 { column += 1 }
            index = utf8.index(after: index)
        }
        out.append((cellColumn, text[cellStart...]))
        return out
    }

    /// A footnote at the foot of a page: "12 General Assembly resolution…", "* E/CN.15/2005/1."
    static func footnoteStart(_ text: String) -> (marker: String, text: Substring)? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        var count = 0
        let first = utf8.first
        if first == 0x2A {
            while index != utf8.endIndex, utf8[index] == 0x2A { index = utf8.index(after: index); count += 1 }
            guard count <= 3 else { return nil }
        } else if let first, isDigit(first) {
            while index != utf8.endIndex, isDigit(utf8[index]) { index = utf8.index(after: index); count += 1 }
            guard count <= 3 else { return nil }
        } else {
            return nil
        }
        let markerEnd = index
        var spaces = 0
        while index != utf8.endIndex, utf8[index] == 0x20 { index = utf8.index(after: index); spaces += 1 }
        guard spaces > 0, index != utf8.endIndex else { return nil }
        return (String(text[..<markerEnd]), text[index...])
    }

    /// Whether the text holds a run of three spaces (a column gap), checked bytewise.
    static func hasColumnGap(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            run = byte == 0x20 ? run + 1 : 0
            if run == 3 { return true }
        }
        return false
    }

    /// "12", a page number alone on its line.
    static func isPageNumber(_ text: String) -> Bool {
        text.utf8.count <= 4 && text.utf8.allSatisfy(isDigit)
    }

    /// A UN job number, "V.06-58123 (E)", or its barcode line, "*0658123*".
    static func isJobNumber(_ text: Substring) -> Bool {
        let b = Array(text.utf8)
        if b.count >= 9, b.first == 0x2A, b.last == 0x2A, b.dropFirst().dropLast().allSatisfy(isDigit) { return true }
        // [A-Z]{1,2} "." dd "-" ddddd " (" [A-Z] ")"
        var i = 0
        while i < b.count, i < 2, isUpper(b[i]) { i += 1 }
        guard i > 0, i + 10 <= b.count, b[i] == 0x2E else { return false }
        i += 1
        guard b[i..<(i + 2)].allSatisfy(isDigit), b[i + 2] == 0x2D else { return false }
        i += 3
        let digits = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        guard i - digits >= 4 else { return false }
        while i < b.count, b[i] == 0x20 { i += 1 }
        return i + 3 == b.count && b[i] == 0x28 && isUpper(b[i + 1]) && b[i + 2] == 0x29
    }

    /// Looks like a UN document symbol: "E/CN.15/2005/8", "CTOC/COP/WG.4/2010/L.1/Add.1".
    static func isSymbol(_ text: Substring) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 3, b.count <= 60, let first = b.first, isUpper(first), b.contains(0x2F) else { return false }
        return b.allSatisfy { isUpper($0) || isLower($0) || isDigit($0) || $0 == 0x2F || $0 == 0x2E || $0 == 0x2D }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func isRoman(_ b: UInt8) -> Bool {
        b == 0x49 || b == 0x56 || b == 0x58 || b == 0x4C || b == 0x43
    }
}
