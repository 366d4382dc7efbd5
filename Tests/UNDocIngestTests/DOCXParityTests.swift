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
        #expect(text.paragraphs.count > 0)
        try ModelComparison.compare(text.paragraphs, docx.paragraphs, "paragraphs")
        try ModelComparison.compare(text.decisions, docx.decisions, "decisions")
        try ModelComparison.compare(text.recommendations, docx.recommendations, "recommendations")
        try ModelComparison.compare(text.footnotes, docx.footnotes, "footnotes")
        // A reference's `text` is its exact source slice, markup and line breaks included.
        try ModelComparison.compare(text.references, docx.references, "references", ignoring: ["text"])
        try ModelComparison.compare(text.annexes, docx.annexes, "annexes")
        try ModelComparison.compare(text.metadata, docx.metadata, "metadata")
        #expect(docx.footnotes.allSatisfy { !$0.anchors.isEmpty }, "every footnote is linked to its marker")
        #expect(!docx.diagnostics.contains { $0.code.hasPrefix("footnote.") }, "\(docx.diagnostics)")
    }
}

/// Compares two encodable values as JSON without their spans and notations.
enum ModelComparison {
    static func compare<T: Encodable>(_ expected: T, _ actual: T, _ what: String, ignoring: Set<String> = []) throws {
        let left = try stripped(expected, ignoring: ignoring)
        let right = try stripped(actual, ignoring: ignoring)
        if let l = left as? [Any], let r = right as? [Any] {
            #expect(l.count == r.count, "\(what): \(l.count) in the text, \(r.count) in the other format")
            for (a, b) in zip(l, r) where describe(a, limit: .max) != describe(b, limit: .max) {
                Issue.record("\(what) differ:\n text:  \(describe(a))\n other: \(describe(b))")
                return
            }
        } else if describe(left, limit: .max) != describe(right, limit: .max) {
            Issue.record("\(what) differ:\n text:  \(describe(left))\n other: \(describe(right))")
        }
    }

    private static let ignoredKeys: Set<String> = ["span", "relationSpan", "evidence", "notation"]

    static func stripped<T: Encodable>(_ value: T, ignoring: Set<String> = []) throws -> Any {
        let data = try DocumentJSON.encode(value)
        return strip(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                     keys: ignoredKeys.union(ignoring), top: true)
    }

    /// Drops `keys` everywhere; extra keys (`ignoring`) only at the elements' top level.
    private static func strip(_ value: Any, keys: Set<String>, top: Bool) -> Any {
        if let object = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (key, item) in object where !keys.contains(key) {
                out[key] = strip(item, keys: top ? keys : keys.intersection(ignoredKeys), top: false)
            }
            return out
        }
        if let array = value as? [Any] { return array.map { strip($0, keys: keys, top: top) } }
        return value
    }

    private static func describe(_ value: Any, limit: Int = 1500) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) else {
            return "\(value)"
        }
        return String(decoding: data.prefix(limit), as: UTF8.self)
    }
}
