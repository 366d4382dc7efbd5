import UNDocModel

/// The text of a PDF in the form the parser reads, with what was learnt on the way.
struct NormalizedPDF {
    var text: [UInt8]
    var pages: PageMap
    /// The symbol printed on the masthead or in the running heads.
    var symbol: String?
    var pageCount: Int
    var diagnostics: [Diagnostic]
}

/// Turns `pdftotext -layout` output into the normalised text form of the corpus: masthead
/// lines one to a line, the contents as tab-separated rows, each paragraph on one line
/// (joined across lines and pages), headings marked `### `, table rows with tabs, and each
/// page's footnotes as `<sup>N</sup> text` after a `---` rule, with their glued markers in
/// the text rewritten as `<sup>N</sup>`. Running heads, page numbers, the job number and
/// the barcode are taken off.
enum PDFNormalizer {
    static func normalize(_ output: [UInt8]) -> NormalizedPDF {
        var pages = LayoutText.pages(output)
        let pageCount = pages.count
        var diagnostics: [Diagnostic] = []
        var furniture = PageFurniture()
        furniture.strip(&pages)
        var footnotes = PageFootnotes()
        var notes: [PageFootnote] = []
        for index in pages.indices {
            notes += footnotes.extract(&pages[index])
        }
        let empty = pages.indices.filter { pages[$0].isEmpty }.map { $0 + 1 }
        if !empty.isEmpty, empty.count < pageCount {
            diagnostics.append(Diagnostic(
                .warning, code: "pdf.pageWithoutText",
                message: "\(empty.count == 1 ? "page" : "pages") \(empty.map(String.init).joined(separator: ", ")) "
                    + "\(empty.count == 1 ? "has" : "have") no text layer (scanned?); OCR the PDF to read \(empty.count == 1 ? "it" : "them")"))
        }
        var writer = NormalizedWriter(notes: notes)
        let lines = pages.flatMap { $0 }
        var builder = BodyBuilder(lines: lines, pageCount: pageCount)
        // Notes on the masthead ("agenda*") follow the title block, as in the text formats.
        writer.holdNotes = true
        var index = MastheadReader.read(lines, furniture: furniture, into: &writer)
        index = MastheadReader.frontMatter(lines, from: index, into: &writer)
        writer.holdNotes = false
        index = ContentsReader.read(lines, from: index, into: &writer)
        builder.build(from: index, into: &writer)
        writer.flushNotes(through: Int.max)
        return NormalizedPDF(text: writer.bytes, pages: writer.pageMap, symbol: furniture.symbol, pageCount: pageCount,
                             diagnostics: diagnostics)
    }
}

/// Appends normalised lines, keeping the page map and placing each page's footnotes before
/// the first block that starts on a later page.
struct NormalizedWriter {
    private(set) var bytes: [UInt8] = []
    private(set) var pageMap = PageMap()
    private var notes: [PageFootnote]
    private var nextNote = 0
    /// While set, footnotes wait (the masthead and title block are being written).
    var holdNotes = false

    init(notes: [PageFootnote]) {
        self.notes = notes
        bytes.reserveCapacity(1 << 16)
    }

    /// Writes `line` and a blank line; it came from `firstPage` (default `page`) to `page`.
    /// The footnotes of earlier pages go first: after the block that a page break
    /// interrupted, as in the text formats.
    mutating func write(_ line: String, page: Int, firstPage: Int? = nil) {
        flushNotes(through: (firstPage ?? page) - 1)
        pageMap.mark(bytes.count, page: firstPage ?? page)
        bytes.append(contentsOf: line.utf8)
        bytes.append(contentsOf: [0x0A, 0x0A])
    }

    /// Writes the footnotes of pages up to `page` that are still pending.
    mutating func flushNotes(through page: Int) {
        guard !holdNotes, nextNote < notes.count, notes[nextNote].page <= page else { return }
        pageMap.mark(bytes.count, page: notes[nextNote].page)
        bytes.append(contentsOf: Array("---\n\n".utf8))
        while nextNote < notes.count, notes[nextNote].page <= page {
            let note = notes[nextNote]
            pageMap.mark(bytes.count, page: note.page)
            let line = note.marker.first == "*" ? "\(note.marker) \(note.text)" : "<sup>\(note.marker)</sup> \(note.text)"
            bytes.append(contentsOf: line.utf8)
            bytes.append(contentsOf: [0x0A, 0x0A])
            nextNote += 1
        }
    }
}
