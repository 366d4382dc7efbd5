import Foundation
import Testing
import UNDocIngest
import UNDocModel
import UNDocParser

/// The same document as PDF and as text must give the same model: each corpus PDF
/// (typeset by scripts/make-corpus-pdfs.py) against its corpus text. Spans differ (they
/// index different texts) and so does the footnote notation; everything else is compared.
/// Needs pdftotext (Debian package poppler-utils), as CI installs it; without it the
/// tests fail and say so.
@Suite("PDF and text give the same document")
struct PDFParityTests {
    static let documents: [(name: String, symbol: String)] = [
        ("001_caccf940e690384d", "CTOC/COP/WG.4/2010/L.1/Add.1"),
        ("002_02cf9ff3ef13c05f", "CTOC/COP/2006/14"),
        ("003_d14f16574e34a7cb", "E/CN.15/2005/8"),
    ]

    /// The job numbers scripts/make-corpus-pdfs.py prints at the foot of page 1.
    static let jobNumbers = [
        "001_caccf940e690384d": "V.10-50452",
        "002_02cf9ff3ef13c05f": "V.06-59850",
        "003_d14f16574e34a7cb": "V.05-82842",
    ]

    static let grammars = Result { try ParserGrammars.builtIn() }

    static func parse(_ name: String, symbol: String) throws -> (text: Document, pdf: Document, source: SourceText) {
        try PDFTestSupport.requirePdftotext()
        let parser = DocumentParser(grammars: try grammars.get())
        let root = CorpusPDF.root.appendingPathComponent("Corpus")
        let text = parser.parse(try InputReader().read(path: root.appendingPathComponent("\(name).txt").path), symbol: symbol)
        let source = try InputReader().read(path: root.appendingPathComponent("pdf/\(name).pdf").path)
        let pdf = parser.parse(source, symbol: source.printedSymbol)
        return (text, pdf, source)
    }

    @Test("the masthead symbol and format are read", arguments: documents)
    func symbolAndFormat(document: (name: String, symbol: String)) throws {
        let (_, pdf, source) = try Self.parse(document.name, symbol: document.symbol)
        #expect(source.printedSymbol == document.symbol)
        #expect(pdf.symbol == document.symbol)
        #expect(pdf.source.format == "pdf")
        #expect(source.pageMap?.page(at: 0) == 1)
        #expect((source.pageMap?.page(at: source.bytes.count - 1) ?? 0) > 1)
    }

    @Test("paragraphs, decisions, recommendations, footnotes, references and metadata are equal", arguments: documents)
    func sameModel(document: (name: String, symbol: String)) throws {
        let (text, pdf, _) = try Self.parse(document.name, symbol: document.symbol)
        // The corpus texts do not print the job number; the PDFs do (see jobNumber below).
        try ModelComparison.compareDocuments(text, pdf, metadataIgnoring: ["jobNumber"])
    }

    @Test("the job number printed on page 1 is kept in the metadata", arguments: documents)
    func jobNumber(document: (name: String, symbol: String)) throws {
        let (text, pdf, source) = try Self.parse(document.name, symbol: document.symbol)
        #expect(pdf.metadata.jobNumber == Self.jobNumbers[document.name])
        let evidence = try #require(pdf.metadata.evidence["jobNumber"])
        #expect(String(decoding: source.bytes[evidence.start..<evidence.end], as: UTF8.self).hasPrefix(pdf.metadata.jobNumber ?? "-"))
        #expect(text.metadata.jobNumber == nil)
    }

    @Test("running heads, page numbers, job numbers and barcodes never reach the text", arguments: documents)
    func furnitureRemoved(document: (name: String, symbol: String)) throws {
        let (_, pdf, source) = try Self.parse(document.name, symbol: document.symbol)
        let text = String(decoding: source.bytes, as: UTF8.self)
        #expect(!text.contains(document.symbol), "the symbol is metadata, not text")
        let paragraphText = pdf.paragraphs.map(\.text).joined(separator: "\n")
        #expect(!paragraphText.contains("*0"))
        #expect(!pdf.references.contains { $0.target.symbol == document.symbol })
    }
}
