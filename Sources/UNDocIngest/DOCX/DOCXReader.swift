import Foundation
import UNDocModel

/// Reads a Word document (.docx, Office Open XML) into the normalised text form, as the
/// HTML reader does for pages: the package is opened in memory (ZIPFoundation), its XML
/// parts are parsed by libxml2 (`WordXMLDocument`: no network, no DTD, no entities), and
/// `DOCXTextBuilder` writes paragraphs, list labels, headings, tables and notes.
enum DOCXReader {
    static let mainPart = "word/document.xml"

    /// Reads `raw`; no part may unpack to more than `maxBytes`, nor all of them together.
    static func read(_ raw: [UInt8], name: String, maxBytes: Int) throws(InputError) -> SourceText {
        var archive = try DOCXArchive(raw, budget: maxBytes)
        guard let main = try archive.part(mainPart) else {
            throw .damagedWord("the ZIP archive has no \(mainPart)")
        }
        var diagnostics: [Diagnostic] = []
        let document = try WordXMLDocument.parse(main, part: mainPart)
        diagnostics += document.diagnostics
        guard let root = document.root, root.name == "document" else {
            throw .damagedWord("\(mainPart) is not a WordprocessingML document (its root is <\(document.root?.name ?? "")>)")
        }
        // The optional parts: a damaged one costs its feature (numbers, styles, notes), not the document.
        let styles = try optionalPart("word/styles.xml", in: &archive, diagnostics: &diagnostics)
        let numbering = try optionalPart("word/numbering.xml", in: &archive, diagnostics: &diagnostics)
        let footnotes = try optionalPart("word/footnotes.xml", in: &archive, diagnostics: &diagnostics)
        let endnotes = try optionalPart("word/endnotes.xml", in: &archive, diagnostics: &diagnostics)
        // The builder walks libxml2's trees through raw pointers: the parsed parts must
        // live until it is done.
        let (text, buildDiagnostics) = withExtendedLifetime((document, styles, numbering, footnotes, endnotes)) {
            var builder = DOCXTextBuilder(
                styles: WordStyles(root: styles?.root),
                numbering: WordNumbering(root: numbering?.root),
                footnotes: notes(in: footnotes),
                endnotes: notes(in: endnotes))
            return (builder.build(document: root), builder.diagnostics)
        }
        diagnostics += buildDiagnostics
        if !text.contains(where: { $0 != 0x0A && $0 != 0x20 && $0 != 0x23 && $0 != 0x09 }) {
            throw .noText("a Word document")
        }
        let (bytes, decoding) = UTF8Decoder.decode(text)
        return SourceText(name: name, format: "docx", bytes: bytes, diagnostics: decoding + diagnostics)
    }

    /// An optional part, parsed; nil when the package lacks it. A part that is damaged is
    /// reported and left out; one too large to unpack (a zip bomb) or declaring a DOCTYPE
    /// (entities) refuses the whole document.
    private static func optionalPart(_ path: String, in archive: inout DOCXArchive,
                                     diagnostics: inout [Diagnostic]) throws(InputError) -> WordXMLDocument? {
        do {
            guard let bytes = try archive.part(path) else { return nil }
            let document = try WordXMLDocument.parse(bytes, part: path)
            diagnostics += document.diagnostics
            return document
        } catch .damagedWord(let why) {
            diagnostics.append(Diagnostic(.warning, code: "docx.part", message: "\(why); the part is left out"))
            return nil
        }
    }

    /// The notes of word/footnotes.xml or word/endnotes.xml by `w:id`, without the
    /// separators Word keeps among them.
    private static func notes(in part: WordXMLDocument?) -> [String: XMLElement] {
        guard let root = part?.root else { return [:] }
        var notes: [String: XMLElement] = [:]
        for note in root.children where note.name == "footnote" || note.name == "endnote" {
            if let type = note.attribute("type"), type != "normal" { continue }  // separator, continuationSeparator, continuationNotice
            if let id = note.attribute("id") { notes[id] = note }
        }
        return notes
    }
}
