/// Where the bytes of a normalised text came from: the page of the original (a PDF page)
/// that each stretch of the text was read from. Spans in the model index the normalised
/// text; `page(at:)` takes one back to its page.
public struct PageMap: Sendable, Hashable {
    /// Offsets at which a stretch from a new page begins, ascending, with that page (1-based).
    public private(set) var starts: [Int] = []
    public private(set) var pages: [Int] = []

    public init() {}

    /// Records that the text from `offset` on comes from `page`.
    mutating func mark(_ offset: Int, page: Int) {
        if let last = pages.last, last == page { return }
        if let lastStart = starts.last, lastStart == offset {
            pages[pages.count - 1] = page
            return
        }
        starts.append(offset)
        pages.append(page)
    }

    /// The page that byte `offset` of the normalised text came from.
    public func page(at offset: Int) -> Int? {
        guard let first = starts.first, offset >= first else { return pages.first }
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return pages[low]
    }
}
