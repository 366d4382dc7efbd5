import Foundation
import Testing
import UNDocIngest
import UNDocModel
import UNDocParser

/// The same document as Word and as text must give the same model: each corpus DOCX
/// (made by scripts/make-corpus-docx.py, with Word list numbering, heading styles,
/// footnotes and endnotes, and tables) against its corpus text. Spans differ (they index
/// different texts) and so does the footnote notation; everything else is compared.
@Suite("DOCX and text give the same document")
struct DOCXParityTests {
    static let documents: [(name: String, symbol: String)] = [
        ("001_caccf940e690384d", "CTOC/COP/WG.4/2010/L.1/Add.1"),
        ("002_02cf9ff3ef13c05f", "CTOC/COP/2006/14"),
        ("003_d14f16574e34a7cb", "E/CN.15/2005/8"),
    ]

    static let grammars = Result { try ParserGrammars.builtIn() }

    static func parse(_ name: String, symbol: String) throws -> (text: Document, docx: Document, source: SourceText) {
        let parser = DocumentParser(grammars: try grammars.get())
        let root = CorpusPDF.root.appendingPathComponent("Corpus")
        let text = parser.parse(try InputReader().read(path: root.appendingPathComponent("\(name).txt").path), symbol: symbol)
        let source = try InputReader().read(path: root.appendingPathComponent("docx/\(name).docx").path)
        let docx = parser.parse(source, symbol: symbol)
        return (text, docx, source)
    }

    @Test("the format is docx and the Word numbering is printed", arguments: documents)
    func formatAndNumbering(document: (name: String, symbol: String)) throws {
        let (text, docx, source) = try Self.parse(document.name, symbol: document.symbol)
        #expect(source.format == "docx")
        #expect(docx.source.format == "docx")
        #expect(docx.paragraphs.map(\.number) == text.paragraphs.map(\.number))
        #expect(!source.diagnostics.contains { $0.severity >= .warning }, "\(source.diagnostics)")
    }

    @Test("paragraphs, decisions, recommendations, footnotes, references and metadata are equal", arguments: documents)
    func sameModel(document: (name: String, symbol: String)) throws {
        let (text, docx, _) = try Self.parse(document.name, symbol: document.symbol)
        try ModelComparison.compareDocuments(text, docx)
    }
}
