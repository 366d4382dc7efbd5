/// The body of a laid-out PDF as blocks: paragraphs (numbered, lettered or plain) joined
/// from their lines and across pages, headings, and table rows.
///
/// A block starts at a label hanging left of the text ("17.", "IV."), at a first-line
/// indent, at a label on the text's edge after a finished line, or after a vertical gap.
/// A block set off by a gap that does not end like a sentence and runs to at most four
/// lines is a heading; headings are written with `### ` so that the parser reads them as
/// headings, as it does the bold lines of the text formats.
struct BodyBuilder {
    private let lines: [LayoutLine]
    /// The indentation of running text on each page (pdftotext's columns shift from page to page).
    private var textIndent: [Int]
    /// The column where each page's longest text line ends: the right edge of the text.
    private var textRight: [Int]
    private var vocabulary: HyphenVocabulary?

    init(lines: [LayoutLine], pageCount: Int) {
        self.lines = lines
        textIndent = Self.textIndents(lines, pageCount: pageCount)
        textRight = Array(repeating: 0, count: max(pageCount, 1))
        for line in lines where line.page - 1 < textRight.count && !line.hasGap {
            textRight[line.page - 1] = max(textRight[line.page - 1], line.indent + line.columns)
        }
    }

    private struct Block {
        var lines: [String]
        var cells: [[String]] = []
        var cellColumn = 0
        var firstPage: Int
        var lastPage: Int
        /// Set off from what precedes it by a vertical gap (or a page break after a finished block).
        var separated: Bool
        var labelled: Bool
        var isTable: Bool { !cells.isEmpty }
    }

    mutating func build(from start: Int, into writer: inout NormalizedWriter) {
        var block: Block?
        var index = start
        while index < lines.count {
            let line = lines[index]
            index += 1
            let indent = textIndent[line.page - 1]
            let label = LayoutShapes.label(line.text)
            // Whether the block so far ends like a sentence; asked only where it matters.
            var completeness: Bool?
            var previousComplete: Bool {
                get {
                    if let completeness { return completeness }
                    let value = block.map { $0.isTable || Self.endsSentence($0.lines.last ?? "") } ?? true
                    completeness = value
                    return value
                }
            }
            let separated = line.pageTop ? previousComplete : line.blankBefore > 0
            // A wrapped line of a table's second column.
            if var row = block, row.isTable, line.blankBefore == 0, !line.pageTop,
               abs(line.indent - row.cellColumn) <= 2, !line.hasGap {
                row.cells[row.cells.count - 1].append(line.text)
                row.lastPage = line.page
                block = row
                continue
            }
            if label == nil, line.hasGap, case let cells = LayoutShapes.cells(line.text), cells.count >= 2 {
                if let done = block { emit(done, into: &writer) }
                block = Block(lines: [line.text], cells: cells.map { [String($0.text)] },
                              cellColumn: line.indent + (cells.last?.column ?? 0), firstPage: line.page,
                              lastPage: line.page, separated: separated, labelled: false)
                continue
            }
            var starts = separated || block == nil || block?.isTable == true
            // A finished sentence on a line that had clear room for this line's first word,
            // and a capital after it: the previous paragraph ended there (paragraphs set
            // without indent or label). The room is generous: columns only approximate
            // widths, and bold lines break earlier than their column count suggests.
            if !starts, label == nil, let previous = lines[safe: index - 2], previous.page == line.page,
               previous.indent + previous.columns + 1 + Self.firstWordColumns(line.text) + 8 < textRight[line.page - 1],
               line.text.first?.isUppercase == true, previousComplete {
                starts = true
            }
            if let label {
                let hanging = line.indent < indent - 1
                let onEdge = abs(line.indent - indent) <= 1
                if hanging || (onEdge && (label.gap >= 2 || previousComplete)) || line.indent > indent + 1 { starts = true }
            } else if line.indent > indent + 1 {
                starts = true  // a first-line indent
            }
            if starts {
                if let done = block { emit(done, into: &writer) }
                block = Block(lines: [line.text], firstPage: line.page, lastPage: line.page, separated: separated,
                              labelled: label?.label.first == "(")
            } else {
                block?.lines.append(line.text)
                block?.lastPage = line.page
            }
        }
        if let done = block { emit(done, into: &writer) }
    }

    private mutating func emit(_ block: Block, into writer: inout NormalizedWriter) {
        if block.isTable {
            let row = block.cells.map { LineJoiner.join($0) }.joined(separator: "\t")
            writer.write(row, page: block.lastPage, firstPage: block.firstPage)
            return
        }
        let needsVocabulary = block.lines.dropLast().contains { $0.hasSuffix("-") }
        if needsVocabulary, vocabulary == nil { vocabulary = HyphenVocabulary(lines) }
        let vocabulary = self.vocabulary
        var text = LineJoiner.join(block.lines) { left, right in vocabulary?.dropHyphen(left, right) ?? false }
        // (Characters are counted only past 400 bytes: counting them is a walk over the text.)
        if block.separated, !block.labelled, block.lines.count <= 4, text.utf8.count <= 400 || text.count <= 400,
           !Self.endsSentence(text), !text.hasSuffix(","),
           text.first?.isLowercase == false {
            text = "### " + text
        }
        writer.write(text, page: block.lastPage, firstPage: block.firstPage)
    }

    /// Ends like a sentence or a list item: ". ; : ! ?", before any closing quote,
    /// parenthesis or footnote marker. Read bytewise from the end.
    static func endsSentence(_ text: String) -> Bool {
        let bytes = Array(text.utf8.suffix(64))
        var end = bytes.count
        let close = Array("</sup>".utf8)
        while end > 0 {
            if end >= close.count, Array(bytes[(end - close.count)..<end]) == close,
               let open = bytes[..<(end - close.count)].lastIndex(of: 0x3C) {
                end = open
                continue
            }
            let b = bytes[end - 1]
            // "*", ")", '"', and the last byte of U+201D or U+2019 (E2 80 9D / E2 80 99).
            if b == 0x2A || b == 0x29 || b == 0x22 {
                end -= 1
                continue
            }
            if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99 {
                end -= 3
                continue
            }
            break
        }
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        return last == 0x2E || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F
    }

    /// The columns (UTF-8 lead bytes, as pdftotext counts them) of the text's first word, up
    /// to its first space, read bytewise: this is asked of most lines, and reading Characters
    /// cost an eighth of normalising a page.
    static func firstWordColumns(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 {
            if byte == 0x20 { break }
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        return count
    }

    /// The most common indentation of each page's plain text lines (not labels or table rows).
    private static func textIndents(_ lines: [LayoutLine], pageCount: Int) -> [Int] {
        var counts = [[Int: Int]](repeating: [:], count: max(pageCount, 1))
        for line in lines where line.page - 1 < counts.count {
            if line.hasGap || LayoutShapes.label(line.text) != nil { continue }
            counts[line.page - 1][line.indent, default: 0] += 1
        }
        var result: [Int] = []
        var previous = 0
        for page in counts {
            // Ties go to the smaller indentation: first-line indents are rarer than text lines.
            if let best = page.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
                previous = best.key
            }
            result.append(previous)
        }
        return result
    }
}

fileprivate extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
