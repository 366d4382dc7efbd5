/// What is printed on a page but is not the document's text: the running head (the symbol,
/// on alternating sides), the page number, and page 1's job number and barcode line.
/// They are taken off so that they never reach a paragraph or count as a reference.
struct PageFurniture {
    /// The symbol printed at the top right of page 1, or in the running heads.
    var symbol: String?
    /// Page 1's job number ("V.06-58123 (E)") and barcode line ("*0658123*").
    var jobLines: [String] = []

    /// Removes the furniture from `pages` in place.
    mutating func strip(_ pages: inout [[LayoutLine]]) {
        if let first = pages.first?.first {
            symbol = LayoutShapes.cells(first.text).map(\.text).first(where: LayoutShapes.isSymbol).map(String.init)
        }
        let head = runningHead(pages)
        if symbol == nil, let head, LayoutShapes.isSymbol(Substring(head)) { symbol = head }
        for index in pages.indices {
            var lines = pages[index]
            if index > 0, let first = lines.first, first.text == head || first.text == symbol {
                lines.removeFirst()
            }
            if let last = lines.last, LayoutShapes.isPageNumber(last.text) {
                lines.removeLast()
            }
            if index == 0 { takeJobNumber(&lines) }
            if !lines.isEmpty {
                lines[0].pageTop = true
                lines[0].blankBefore = 0
            }
            pages[index] = lines
        }
    }

    /// The line that opens most pages after the first (at least two and half of them).
    private func runningHead(_ pages: [[LayoutLine]]) -> String? {
        guard pages.count > 1 else { return nil }
        var counts: [String: Int] = [:]
        for page in pages.dropFirst() {
            if let first = page.first { counts[first.text, default: 0] += 1 }
        }
        guard let best = counts.max(by: { $0.value < $1.value }), best.value >= 2, best.value * 2 >= pages.count - 1
        else { return nil }
        return best.key
    }

    /// The job number and barcode near the foot of page 1, alone or side by side on a line.
    private mutating func takeJobNumber(_ lines: inout [LayoutLine]) {
        var index = lines.count - 1
        let stop = max(0, lines.count - 8)
        while index >= stop {
            let cells = LayoutShapes.cells(lines[index].text)
            if cells.allSatisfy({ LayoutShapes.isJobNumber($0.text) }) {
                jobLines.insert(contentsOf: cells.map { String($0.text) }, at: 0)
                let blank = lines[index].blankBefore
                lines.remove(at: index)
                if index < lines.count { lines[index].blankBefore += blank }
            }
            index -= 1
        }
    }
}
