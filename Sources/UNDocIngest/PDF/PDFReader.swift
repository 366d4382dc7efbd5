import Foundation
import UNDocModel

/// Reads a PDF into a `SourceText` through pdftotext: the text in normalised form
/// (see `PDFNormalizer`), `format` "pdf", the masthead symbol and the page of each stretch.
public struct PDFReader: Sendable {
    public var pdftotext: PDFToText

    public init(pdftotext: PDFToText = PDFToText()) {
        self.pdftotext = pdftotext
    }

    /// Reads the PDF whose bytes are `raw`; `path` is the file pdftotext reads (nil for
    /// bytes that are not in a file, which are then written to a temporary file).
    func read(_ raw: [UInt8], path: String?, name: String) throws(InputError) -> SourceText {
        // A PDF ends with "%%EOF" (perhaps followed by a line end or a little padding);
        // without it pdftotext quietly recovers what it can, so refuse it here.
        let tail = raw.suffix(1024)
        guard tail.count >= 5, Self.contains(Array(tail), Array("%%EOF".utf8)) else { throw .truncatedPDF }
        let output: [UInt8]
        if let path {
            output = try pdftotext.extract(path: path, contents: raw)
        } else {
            output = try Self.withTemporaryFile(raw) { (file) throws(InputError) in try pdftotext.extract(path: file, contents: raw) }
        }
        let normalized = PDFNormalizer.normalize(output)
        if normalized.pageCount == 0 { throw .noPages }
        if normalized.text.allSatisfy({ $0 == 0x0A || $0 == 0x20 }) { throw .noTextLayer }
        let (bytes, decoding) = UTF8Decoder.decode(normalized.text)
        var source = SourceText(name: name, format: "pdf", bytes: bytes, diagnostics: decoding + normalized.diagnostics)
        source.printedSymbol = normalized.symbol
        source.pageMap = normalized.pages
        return source
    }

    /// Normalises pdftotext output that is already at hand (tests, tools).
    public static func normalize(pdftotextOutput: [UInt8], name: String) -> SourceText {
        let normalized = PDFNormalizer.normalize(pdftotextOutput)
        var source = SourceText(name: name, format: "pdf", bytes: normalized.text, diagnostics: normalized.diagnostics)
        source.printedSymbol = normalized.symbol
        source.pageMap = normalized.pages
        return source
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }

    private static func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (String) throws(InputError) -> T) throws(InputError) -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("undoc-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).pdf")
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw .unreadable("cannot write a temporary copy for pdftotext (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }
}
