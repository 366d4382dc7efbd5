/// The table of contents: rows of label, title (with dot leaders, wrapped over lines),
/// paragraphs and page, written as "III. Organization of the session\t4-34\t13".
enum ContentsReader {
    private static let headerWords: Set<Substring> = ["Chapter", "Paragraphs", "Page", "Section"]

    /// Writes the contents if they start at `start`; returns the index after them.
    static func read(_ lines: [LayoutLine], from start: Int, into writer: inout NormalizedWriter) -> Int {
        guard start < lines.count, lines[start].text == "Contents" else { return start }
        writer.write("Contents", page: lines[start].page)
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            let cells = LayoutShapes.cells(line.text).map(\.text)
            if cells.allSatisfy({ headerWords.contains($0) }) {
                writer.write(cells.joined(separator: "\t"), page: line.page)
                index += 1
                continue
            }
            if line.text == "Annexes" {
                writer.write("Annexes", page: line.page)
                index += 1
                continue
            }
            guard let end = rowEnd(lines, from: index) else { break }
            writer.write(row(lines[index...end]), page: lines[end].page, firstPage: line.page)
            index = end + 1
        }
        return index
    }

    /// The line that ends the row starting at `start` (the one with the page number), if
    /// the lines from `start` form a row.
    private static func rowEnd(_ lines: [LayoutLine], from start: Int) -> Int? {
        var index = start
        while index < lines.count, index < start + 6 {
            let line = lines[index]
            if index > start {
                if line.blankBefore > 0 || LayoutShapes.label(line.text) != nil { return nil }
            }
            if numbers(line.text) != nil { return index }
            index += 1
        }
        return nil
    }

    /// The paragraphs and page at the end of a row's last line, and the text before them.
    private static func numbers(_ text: String) -> (title: [Substring], numbers: [Substring])? {
        var cells = LayoutShapes.cells(text).map(\.text)
        var numbers: [Substring] = []
        while numbers.count < 2, cells.count > 1, let last = cells.last, isNumberOrRange(last) {
            numbers.insert(last, at: 0)
            cells.removeLast()
        }
        return numbers.isEmpty ? nil : (cells, numbers)
    }

    private static func row(_ lines: ArraySlice<LayoutLine>) -> String {
        var parts: [String] = lines.dropLast().map(\.text)
        guard let last = lines.last, let (title, numbers) = numbers(last.text) else { return "" }
        parts.append(title.joined(separator: " "))
        var text = LineJoiner.join(parts)
        // Dot leaders: ". . . . ." after the title.
        if text.hasSuffix(". .") || text.hasSuffix(" .") {
            while let end = text.last, end == "." || end == " " { text.removeLast() }
        }
        if let (label, rest, _) = LayoutShapes.label(text) { text = "\(label) \(rest)" }
        return ([text] + numbers.map(String.init)).joined(separator: "\t")
    }

    private static func isNumberOrRange(_ cell: Substring) -> Bool {
        guard let first = cell.first, first.isNumber, cell.count <= 9 else { return false }
        return cell.allSatisfy { $0.isNumber || $0 == "-" || $0 == "\u{2013}" }
    }
}
