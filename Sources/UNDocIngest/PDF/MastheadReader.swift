/// Page 1's masthead and title block. The masthead sets "United Nations", the symbol, the
/// organ and the Distr./date/Original column side by side; each becomes a line of its own
/// (the symbol is kept aside as the document's symbol). The lines below it (body, session,
/// place, agenda item, titles) are joined only where a title wrapped.
enum MastheadReader {
    /// Writes the masthead; returns the index of the first line after it.
    static func read(_ lines: [LayoutLine], furniture: PageFurniture, into writer: inout NormalizedWriter) -> Int {
        let firstPage = lines.prefix { $0.page == 1 }
        let window = firstPage.prefix(12)
        var end = window.lastIndex { line in
            LayoutShapes.cells(line.text).contains { $0.text.hasPrefix("Original") }
        }
        if end == nil {
            end = window.lastIndex { line in
                LayoutShapes.cells(line.text).contains { $0.text.hasPrefix("Distr.") || isDate($0.text) }
            }
        }
        guard let end else { return 0 }
        var left: [String] = []
        var right: [String] = []
        for line in lines[...end] {
            for (position, cell) in LayoutShapes.cells(line.text).enumerated() {
                let text = String(cell.text)
                if text == "United Nations" || text == furniture.symbol { continue }
                // Cells right of another cell, or far to the right, form the right column.
                if position > 0 || line.indent > 30 { right.append(text) } else { left.append(text) }
            }
        }
        for text in left + right + furniture.jobLines {
            writer.write(text, page: 1)
        }
        return end + 1
    }

    /// Writes the lines before the contents or the first numbered line; returns where it stopped.
    static func frontMatter(_ lines: [LayoutLine], from start: Int, into writer: inout NormalizedWriter) -> Int {
        var index = start
        var block: [LayoutLine] = []
        func flush() {
            guard !block.isEmpty else { return }
            let width = block.map { $0.indent + $0.text.count }.max() ?? 0
            var parts = [block[0].text]
            var page = block[0].page
            var last = block[0]
            for line in block.dropFirst() {
                let previous = parts[parts.count - 1]
                let firstWord = line.text.prefix { $0 != " " }.count
                // A line wrapped when the next line's first word would not have fitted on it.
                let full = last.indent + last.text.count + 1 + firstWord >= width - 2
                let joins = line.text.first?.isLowercase == true
                    || (full && !isStandalone(last.text) && !isStandalone(line.text))
                last = line
                if joins {
                    parts[parts.count - 1] = LineJoiner.join([previous, line.text])
                } else {
                    writer.write(LineJoiner.collapse(previous), page: page)
                    parts.append(line.text)
                }
                page = line.page
            }
            writer.write(LineJoiner.collapse(parts[parts.count - 1]), page: page)
            block = []
        }
        while index < lines.count {
            let line = lines[index]
            if line.text == "Contents" || LayoutShapes.label(line.text) != nil { break }
            if line.blankBefore > 0 || line.pageTop { flush() }
            block.append(line)
            index += 1
        }
        flush()
        return index
    }

    /// Masthead lines that are complete by their shape and never wrap into another.
    static func isStandalone(_ text: String) -> Bool {
        let sub = Substring(text)
        if text.hasPrefix("Distr.") || text.hasPrefix("Original") || isDate(sub) { return true }
        if text.lowercased().hasSuffix(" session") { return true }
        if (text.hasPrefix("Item ") || text.hasPrefix("Agenda item ")), !text.contains(":") { return true }
        // "Vienna, 9-18 October 2006"
        if let comma = text.firstIndex(of: ","), text[text.index(after: comma)...].dropFirst().first?.isNumber == true,
           text.suffix(4).allSatisfy(\.isNumber) {
            return true
        }
        return false
    }

    /// "22 December 2006".
    static func isDate(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        guard words.count == 3, words[0].count <= 2, words[0].allSatisfy(\.isNumber),
              words[1].first?.isUppercase == true, words[2].count == 4, words[2].allSatisfy(\.isNumber)
        else { return false }
        return true
    }
}
