import Foundation
import Testing
@testable import UNDocIngest
import UNDocModel
import UNDocParser

/// Word documents through ZIPFoundation and libxml2: list numbering, headings, notes,
/// tables, tracked changes, and bad input (not a ZIP, damaged ZIPs, hostile XML).
@Suite("DOCX input")
struct DOCXReaderTests {
    typealias F = DOCXFixture

    static func read(_ bytes: [UInt8], name: String = "test.docx", reader: InputReader = InputReader()) throws(InputError) -> SourceText {
        try reader.decode(bytes, name: name)
    }

    static func text(_ bytes: [UInt8]) throws -> String {
        String(decoding: try read(bytes).bytes, as: UTF8.self)
    }

    /// The non-empty lines of the normalised text.
    static func lines(_ bytes: [UInt8]) throws -> [String] {
        try text(bytes).split(separator: "\n").map(String.init)
    }

    // MARK: - Numbering

    /// Paragraphs "1.", "(a)", "(i)" as a UN document numbers them: one multi-level list.
    static let unLevels = F.abstractNum(0, [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")])

    @Test("decimal, letter and roman levels print as UN numbering, lower levels restart")
    func numberingFormats() throws {
        let body = [
            F.numbered("First paragraph.", numID: 1),
            F.numbered("Clause one;", numID: 1, level: 1),
            F.numbered("Sub-clause one;", numID: 1, level: 2),
            F.numbered("Sub-clause two;", numID: 1, level: 2),
            F.numbered("Clause two.", numID: 1, level: 1),
            F.numbered("Second paragraph.", numID: 1),
            F.numbered("Its first clause restarts.", numID: 1, level: 1),
        ].joined()
        let lines = try Self.lines(try F.docx(body: body, numbering: Self.unLevels + F.num(1, abstract: 0)))
        #expect(lines == [
            "1. First paragraph.", "(a) Clause one;", "(i) Sub-clause one;", "(ii) Sub-clause two;",
            "(b) Clause two.", "2. Second paragraph.", "(a) Its first clause restarts.",
        ])
    }

    @Test("upper roman and letters, letters past z, a legal and a multi-level label, lvlRestart 0")
    func moreFormats() throws {
        let numbering = F.abstractNum(0, [("upperRoman", "%1."), ("upperLetter", "%2."), ("decimal", "%1.%3")],
                                      extra: [2: "<w:isLgl/>"])
            + F.abstractNum(1, [("decimal", "%1."), ("lowerLetter", "(%2)")], extra: [1: "<w:lvlRestart w:val=\"0\"/>"])
            + F.num(1, abstract: 0) + F.num(2, abstract: 1)
        var body = [
            F.numbered("Chapter one", numID: 1), F.numbered("Section A", numID: 1, level: 1),
            F.numbered("Chapter two", numID: 1), F.numbered("Legal number", numID: 1, level: 2),
            F.numbered("Para", numID: 2), F.numbered("Item", numID: 2, level: 1),
            F.numbered("Para", numID: 2), F.numbered("Item continues", numID: 2, level: 1),
        ].joined()
        body += (0..<26).map { F.numbered("filler \($0)", numID: 2, level: 1) }.joined()
        let lines = try Self.lines(try F.docx(body: body, numbering: numbering))
        #expect(Array(lines.prefix(8)) == [
            "I. Chapter one", "A. Section A", "II. Chapter two", "2.1 Legal number",
            "1. Para", "(a) Item", "2. Para", "(b) Item continues",
        ])
        #expect(lines.last == "(bb) filler 25", "after (z) Word prints (aa), (bb)")
    }

    @Test("a list that overrides its start restarts there; lists on one definition share counters")
    func startOverride() throws {
        let numbering = Self.unLevels + F.num(1, abstract: 0)
            + F.num(2, abstract: 0, overrides: "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"12\"/></w:lvlOverride>")
            + F.num(3, abstract: 0)
            + F.num(4, abstract: 0, overrides: "<w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"4\"/></w:lvlOverride>")
        let body = [
            F.numbered("One.", numID: 1), F.numbered("Two.", numID: 1),
            F.numbered("Twelve.", numID: 2), F.numbered("Thirteen.", numID: 2),
            F.numbered("Fourteen, continued by another list on the same definition.", numID: 3),
            F.numbered("Clause d.", numID: 4, level: 1), F.numbered("Clause e.", numID: 4, level: 1),
        ].joined()
        let lines = try Self.lines(try F.docx(body: body, numbering: numbering))
        #expect(lines == [
            "1. One.", "2. Two.", "12. Twelve.", "13. Thirteen.",
            "14. Fourteen, continued by another list on the same definition.", "(d) Clause d.", "(e) Clause e.",
        ])
    }

    @Test("numbering from the paragraph style, a level override, numId 0 and an undefined list")
    func styleNumbering() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="SingleTxtNum"><w:name w:val="UN numbered paragraph"/>\
            <w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="UN clause"/>\
            <w:basedOn w:val="SingleTxtNum"/></w:style>
            """
        let numbering = F.abstractNum(0, [("decimal", "%1."), ("lowerLetter", "(%2)")], extra: [1: "<w:pStyle w:val=\"Clause\"/>"])
            + F.num(1, abstract: 0)
        let body = [
            F.p("Numbered by its style.", properties: "<w:pStyle w:val=\"SingleTxtNum\"/>"),
            F.p("A clause by its style's list level.", properties: "<w:pStyle w:val=\"Clause\"/>"),
            F.p("A level given without a list.", properties: "<w:pStyle w:val=\"SingleTxtNum\"/><w:numPr><w:ilvl w:val=\"1\"/></w:numPr>"),
            F.p("Numbering taken off.", properties: "<w:pStyle w:val=\"SingleTxtNum\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>"),
            F.p("Second.", properties: "<w:pStyle w:val=\"SingleTxtNum\"/>"),
            F.numbered("A list nobody defined.", numID: 7),
        ].joined()
        let source = try Self.read(try F.docx(body: body, numbering: numbering, styles: styles))
        let lines = String(decoding: source.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines == ["1. Numbered by its style.", "(a) A clause by its style's list level.",
                          "(b) A level given without a list.", "Numbering taken off.",
                          "2. Second.", "A list nobody defined."])
        #expect(source.diagnostics.contains { $0.code == "docx.numbering" && $0.message.contains("list 7") })
    }

    // MARK: - Headings, runs, tables

    @Test("headings from styles (built-in ids, opaque ids named in styles.xml, Title, outline level)")
    func headings() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="a1"><w:name w:val="heading 3"/></w:style>
            <w:style w:type="paragraph" w:styleId="HCh"><w:name w:val="_ H _Ch"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="H23"><w:name w:val="_ H_2/3"/><w:basedOn w:val="HCh"/>\
            <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
            """
        let body = [
            F.p("Report of the Conference", properties: "<w:pStyle w:val=\"Title\"/>"),
            F.p("I. Decisions", properties: "<w:pStyle w:val=\"HCh\"/>"),
            F.p("A. Opening", properties: "<w:pStyle w:val=\"H23\"/>"),
            F.p("Deliberations", properties: "<w:pStyle w:val=\"a1\"/>"),
            F.p("Without styles.xml entry", properties: "<w:pStyle w:val=\"Heading2\"/>"),
            F.p("Outline level set on the paragraph", properties: "<w:outlineLvl w:val=\"3\"/>"),
            "<w:p><w:pPr><w:pStyle w:val=\"HCh\"/></w:pPr><w:r><w:t>Split</w:t></w:r><w:r><w:br/><w:t>heading</w:t></w:r></w:p>",
        ].joined()
        let lines = try Self.lines(try F.docx(body: body, styles: styles))
        #expect(lines == ["# Report of the Conference", "# I. Decisions", "## A. Opening", "### Deliberations",
                          "## Without styles.xml entry", "#### Outline level set on the paragraph", "# Split heading"])
    }

    @Test("deleted text, field codes and hidden text are not text; inserted text, tabs, breaks and bold are")
    func runs() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">1. The Conference </w:t></w:r>\
            <w:del w:id="1" w:author="A"><w:r><w:delText>rejected</w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="A"><w:r><w:t>adopted</w:t></w:r></w:ins>\
            <w:r><w:t xml:space="preserve"> the </w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF decision \\h </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>decision</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>\
            <w:moveFrom w:id="3" w:author="A"><w:r><w:t>MOVED AWAY</w:t></w:r></w:moveFrom>\
            <w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> in   full.</w:t></w:r></w:hyperlink></w:p>
            <w:p><w:r><w:t>Distr.:\u{A0}General</w:t><w:br/><w:t>22 December 2006</w:t></w:r></w:p>
            <w:p><w:r><w:t>Chapter</w:t><w:tab/><w:t>Page</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Deliberations</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Half </w:t></w:r><w:r><w:t>bold</w:t></w:r></w:p>
            <w:p><w:r><w:t>Twelve</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>3</w:t></w:r></w:p>
            <w:p><w:r><w:drawing><w:t>picture text</w:t></w:drawing></w:r></w:p>
            """
        let lines = try Self.lines(try F.docx(body: body))
        #expect(lines == [
            "1. The Conference adopted the decision in full.", "Distr.: General", "22 December 2006",
            "Chapter\tPage", "**Deliberations**", "Half bold", "Twelve<sup>3</sup>",
        ])
    }

    @Test("tables: a row a line with tabs; layout tables (several paragraphs a cell) a paragraph a line")
    func tables() throws {
        func cell(_ paragraphs: String...) -> String {
            "<w:tc>" + paragraphs.map { F.p($0) }.joined() + "</w:tc>"
        }
        let body = """
            <w:tbl><w:tr>\(cell("Symbol"))\(cell("Title or description"))</w:tr>\
            <w:tr>\(cell("CTOC/COP/2006/12"))\(cell("Development of an online directory"))</w:tr>\
            <w:tr>\(cell(""))\(cell("Tab\tin a cell"))</w:tr>\
            <w:tr><w:tc><w:tbl><w:tr>\(cell("nested"))</w:tr></w:tbl></w:tc>\(cell("row"))</w:tr>\
            <w:tr><w:trPr><w:del w:id="4" w:author="A"/></w:trPr>\(cell("deleted"))\(cell("row"))</w:tr></w:tbl>
            <w:tbl><w:tr>\(cell("Economic and Social Council"))\(cell("Distr.: General", "29 March 2005", "Original: English"))</w:tr></w:tbl>
            """
        let lines = try Self.lines(try F.docx(body: body))
        #expect(lines == [
            "Symbol\tTitle or description", "CTOC/COP/2006/12\tDevelopment of an online directory",
            "\tTab in a cell", "nested\trow",
            "Economic and Social Council", "Distr.: General", "29 March 2005", "Original: English",
        ])
    }

    // MARK: - Notes

    static let separators = """
        <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
        <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
        """

    static func note(_ id: Int, _ text: String, kind: String = "footnote", mark: String? = nil) -> String {
        let reference = mark.map { "<w:r><w:t>\($0)</w:t></w:r>" } ?? "<w:r><w:\(kind)Ref/></w:r>"
        return "<w:\(kind) w:id=\"\(id)\"><w:p>\(reference)<w:r><w:t xml:space=\"preserve\"> \(text)</w:t></w:r></w:p></w:\(kind)>"
    }

    static func reference(_ id: Int, kind: String = "footnote", customMark: String? = nil) -> String {
        if let customMark {
            return "<w:r><w:\(kind)Reference w:customMarkFollows=\"1\" w:id=\"\(id)\"/><w:t>\(customMark)</w:t></w:r>"
        }
        return "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:\(kind)Reference w:id=\"\(id)\"/></w:r>"
    }

    @Test("footnotes are numbered in order of reference and linked to their markers")
    func footnotes() throws {
        let body = """
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>\
            <w:r><w:t>The Conference recalled its decision 2/6,</w:t></w:r>\(Self.reference(7))\
            <w:r><w:t xml:space="preserve"> and the Convention.</w:t></w:r>\(Self.reference(3))</w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>\
            <w:r><w:t>It had before it the note by the Secretariat.</w:t></w:r>\(Self.reference(5))</w:p>
            """
        let footnotes = Self.separators + Self.note(3, "General Assembly resolution 55/25, annex I.")
            + Self.note(5, "CTOC/COP/2006/12.") + Self.note(7, "See CTOC/COP/2005/8, chap. I.")
        let bytes = try F.docx(body: body, numbering: Self.unLevels + F.num(1, abstract: 0), footnotes: footnotes)
        let text = try Self.text(bytes)
        #expect(text == """
            1. The Conference recalled its decision 2/6,<sup>1</sup> and the Convention.<sup>2</sup>

            2. It had before it the note by the Secretariat.<sup>3</sup>

            ---

            <sup>1</sup> See CTOC/COP/2005/8, chap. I.

            <sup>2</sup> General Assembly resolution 55/25, annex I.

            <sup>3</sup> CTOC/COP/2006/12.


            """)
        let document = DocumentParser(grammars: try ParserGrammars.builtIn()).parse(try Self.read(bytes))
        #expect(document.source.format == "docx")
        #expect(document.footnotes.map(\.marker) == ["1", "2", "3"])
        #expect(document.footnotes.map(\.text) == ["See CTOC/COP/2005/8, chap. I.", "General Assembly resolution 55/25, annex I.",
                                                   "CTOC/COP/2006/12."])
        #expect(document.footnotes.allSatisfy { $0.anchors.map(\.element).count == 1 })
        #expect(document.footnotes.first?.anchors.first?.element == "para-1")
        #expect(document.footnotes.last?.anchors.first?.element == "para-2")
    }

    @Test("custom marks (*) stay stars, with the note's own copy of the mark taken off")
    func customMarks() throws {
        let body = F.p("Economic and Social Council")
            + "<w:p><w:r><w:t>Item 6 of the provisional agenda</w:t></w:r>\(Self.reference(2, customMark: "*"))</w:p>"
            + "<w:p><w:r><w:t>Report of the Secretary-General</w:t></w:r>\(Self.reference(3, customMark: "**"))</w:p>"
            + "<w:p><w:r><w:t>1. Text with a numbered note.</w:t></w:r>\(Self.reference(4))</w:p>"
        let footnotes = Self.separators + Self.note(2, "E/CN.15/2005/1.", mark: "*")
            + Self.note(3, "The submission was delayed.", mark: "**") + Self.note(4, "A numbered note.")
        let lines = try Self.lines(try F.docx(body: body, footnotes: footnotes))
        #expect(lines == [
            "Economic and Social Council", "Item 6 of the provisional agenda*", "Report of the Secretary-General**",
            "1. Text with a numbered note.<sup>1</sup>", "---",
            "* E/CN.15/2005/1.", "** The submission was delayed.", "<sup>1</sup> A numbered note.",
        ])
    }

    @Test("endnotes alone are numbered 1…; with footnotes they share one sequence")
    func endnotes() throws {
        let endnotes = Self.note(1, "An endnote.", kind: "endnote") + Self.note(2, "Another.", kind: "endnote")
        let alone = "<w:p><w:r><w:t>Text.</w:t></w:r>\(Self.reference(2, kind: "endnote"))\(Self.reference(1, kind: "endnote"))</w:p>"
        #expect(try Self.lines(try F.docx(body: alone, endnotes: endnotes))
            == ["Text.<sup>1</sup><sup>2</sup>", "---", "<sup>1</sup> Another.", "<sup>2</sup> An endnote."])
        let both = "<w:p><w:r><w:t>Text.</w:t></w:r>\(Self.reference(1, kind: "endnote"))\(Self.reference(1))</w:p>"
        let source = try Self.read(try F.docx(body: both, footnotes: Self.separators + Self.note(1, "A footnote."), endnotes: endnotes))
        let lines = String(decoding: source.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines == ["Text.<sup>1</sup><sup>2</sup>", "---", "<sup>1</sup> An endnote.", "<sup>2</sup> A footnote."])
        #expect(source.diagnostics.contains { $0.code == "docx.notes" })
    }

    @Test("a reference to a note that footnotes.xml lacks is reported")
    func missingNote() throws {
        let body = "<w:p><w:r><w:t>Text.</w:t></w:r>\(Self.reference(9))</w:p>"
        let source = try Self.read(try F.docx(body: body, footnotes: Self.separators))
        #expect(source.diagnostics.contains { $0.code == "docx.notes" && $0.message.contains("footnote 9") })
    }

    // MARK: - Sniffing

    @Test("a ZIP holding word/document.xml is a Word document whatever its name; other ZIPs are refused")
    func sniffing() throws {
        let docx = try F.docx(body: F.p("1. Text."))
        #expect(try FormatSniffer.sniff(docx) == .docx)
        #expect(try Self.read(docx, name: "report.bin").format == "docx")
        let xlsx = try F.archive([("xl/workbook.xml", Array("<workbook/>".utf8))])
        #expect(throws: InputError.unsupportedFormat("an Excel workbook (.xlsx)",
                                                     advice: "save the text as a Word document or plain text first")) {
            try Self.read(xlsx, name: "sheet.xlsx")
        }
        let odt = try F.archive([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
                                 ("content.xml", Array("<office:document-content/>".utf8))])
        #expect(throws: InputError.unsupportedFormat("an OpenDocument text (.odt)",
                                                     advice: "save it as a Word document (.docx) or plain text first")) {
            try Self.read(odt, name: "report.odt")
        }
        let other = try F.archive([("readme.txt", Array("hello".utf8))])
        do {
            _ = try Self.read(other, name: "files.zip")
            Issue.record("a ZIP without word/document.xml was read")
        } catch {
            #expect("\(error)".contains("without word/document.xml"))
        }
        #expect(throws: InputError.damagedArchive("its directory and entry headers are damaged or missing")) {
            try Self.read(Array("PK\u{3}\u{4} garbage, not an archive".utf8), name: "broken.docx")
        }
        // --input-format text does not read a ZIP archive as text.
        #expect(throws: InputError.self) { try Self.read(other, reader: InputReader(format: .text)) }
        #expect(throws: InputError.formatMismatch(expected: "text", found: "a Word document")) {
            try Self.read(docx, reader: InputReader(format: .text))
        }
    }

    // MARK: - Bad input

    @Test("--input-format docx on something that is not a ZIP archive")
    func notAZip() {
        #expect(throws: InputError.formatMismatch(expected: "DOCX", found: "not a Word document (not a ZIP archive)")) {
            try Self.read(Array("1. Plain text.".utf8), reader: InputReader(format: .docx))
        }
        #expect(throws: InputError.formatMismatch(expected: "DOCX", found: "not a Word document (not a ZIP archive)")) {
            try Self.read([0x00, 0x01, 0x02, 0x03, 0xFF], reader: InputReader(format: .docx))
        }
    }

    @Test("a file named .docx that is not a ZIP archive is refused, naming the file")
    func namedDocxNotZip() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let text = directory.appendingPathComponent("report.docx")
        try Data("1. This is plain text, saved with the wrong name.".utf8).write(to: text)
        do {
            _ = try InputReader().read(path: text.path)
            Issue.record("read a text file named .docx")
        } catch {
            #expect(error.file == text.path)
            #expect(error.description.hasPrefix("\(text.path): is named as a Word document but is not one: it is not a ZIP archive"))
            #expect(error.description.contains("--input-format text"))
        }
        #expect(try InputReader(format: .text).read(path: text.path).format == "text", "--input-format text reads it")
        let binary = directory.appendingPathComponent("garbage.DOCX")
        try Data([0x00, 0x01, 0x02, 0x00, 0x7F]).write(to: binary)
        #expect(throws: FileError.self) { try InputReader().read(path: binary.path) }
    }

    @Test("a truncated or corrupted ZIP is a damaged Word document")
    func damagedZip() throws {
        let docx = try F.docx(body: String(repeating: F.p("1. Some paragraph text to make the part longer."), count: 40))
        let truncated = Array(docx.prefix(docx.count * 2 / 3))
        #expect(try FormatSniffer.sniff(truncated) == .docx, "the local headers still name word/document.xml")
        do {
            _ = try Self.read(truncated)
            Issue.record("read a truncated archive")
        } catch {
            #expect(error == .damagedWord("its ZIP directory is missing: the file is truncated or not a complete ZIP archive"))
        }
        // Flip bytes inside word/document.xml's compressed data: inflate or the CRC must notice.
        var corrupted = docx
        let nameRange = try #require(Self.range(of: Array("word/document.xml".utf8), in: docx))
        for offset in (nameRange.upperBound + 40)..<(nameRange.upperBound + 60) { corrupted[offset] ^= 0x5A }
        do {
            _ = try Self.read(corrupted)
            Issue.record("read a corrupted archive")
        } catch {
            guard case .damagedWord(let why) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(why.contains("word/document.xml"))
        }
    }

    @Test("malformed XML: libxml2 recovers with diagnostics, or the document is refused")
    func malformedXML() throws {
        let broken = try F.archive([("word/document.xml", Array("""
            <?xml version="1.0"?><w:document \(F.namespaces)><w:body>\
            <w:p><w:r><w:t>1. First paragraph.</w:t></w:r></w:p>\
            <w:p><w:r><w:t>2. Second & unescaped <b>paragraph</w:t></w:r></w:p></w:body>
            """.utf8))])
        let source = try Self.read(broken)
        #expect(String(decoding: source.bytes, as: UTF8.self).hasPrefix("1. First paragraph.\n\n2. Second"))
        #expect(source.diagnostics.contains { $0.code == "docx.xml" && $0.message.hasPrefix("word/document.xml: line ") })
        let garbage = try F.archive([("word/document.xml", Array("this is not XML at all".utf8))])
        #expect(throws: InputError.self) { try Self.read(garbage) }
        let wrongRoot = try F.archive([("word/document.xml", Array("<?xml version=\"1.0\"?><html/>".utf8))])
        #expect(throws: InputError.damagedWord("word/document.xml is not a WordprocessingML document (its root is <html>)")) {
            try Self.read(wrongRoot)
        }
        // A damaged optional part costs its feature, not the document.
        let badNumbering = try F.docx(body: F.numbered("Text.", numID: 1), extraParts: [("word/numbering.xml", Array("<<<".utf8))])
        let recovered = try Self.read(badNumbering)
        #expect(recovered.diagnostics.contains { $0.code == "docx.part" && $0.message.contains("word/numbering.xml") })
    }

    @Test("external entities are never read: a DOCTYPE refuses the document")
    func externalEntity() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let secret = directory.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
        let hostile = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment first -->
            <!DOCTYPE w:document [
              <!ENTITY xxe SYSTEM "file://\(secret.path)">
              <!ENTITY passwd SYSTEM "file:///etc/passwd">
              <!ENTITY remote SYSTEM "http://127.0.0.1:9/undoc-must-not-fetch">
            ]>
            <w:document \(F.namespaces)><w:body><w:p><w:r><w:t>1. &xxe; &passwd; &remote;</w:t></w:r></w:p></w:body></w:document>
            """
        let bytes = try F.archive([("word/document.xml", Array(hostile.utf8))])
        do {
            _ = try Self.read(bytes, name: "xxe.docx")
            Issue.record("a document with a DOCTYPE was read")
        } catch {
            #expect(error == .wordDocumentType(part: "word/document.xml"))
            #expect(!error.description.contains("TOP-SECRET"))
            #expect(!error.description.contains("root:"))
        }
        // The same in an optional part refuses the whole document too.
        let inFootnotes = try F.docx(body: F.p("Text."), extraParts: [("word/footnotes.xml", Array(hostile.utf8))])
        #expect(throws: InputError.wordDocumentType(part: "word/footnotes.xml")) { try Self.read(inFootnotes) }
        // A UTF-16 part declares its DOCTYPE in two-byte characters; the scan reads through them.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in hostile.replacingOccurrences(of: "UTF-8", with: "UTF-16").utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(WordXMLDocument.declaresDocumentType(utf16))
        #expect(!WordXMLDocument.declaresDocumentType(Array(F.document("<!-- <!DOCTYPE x> --><w:p/>").utf8)))
    }

    @Test("an entity bomb (billion laughs) is refused at once, never expanded")
    func billionLaughs() throws {
        var declarations = "<!ENTITY a \"lollollollollollollollollollol\">"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
            declarations += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = name
        }
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [\(declarations)]>
            <w:document \(F.namespaces)><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>
            """
        let started = Date()
        #expect(throws: InputError.wordDocumentType(part: "word/document.xml")) {
            try Self.read(try F.archive([("word/document.xml", Array(bomb.utf8))]))
        }
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test("a part that unpacks past the size limit (a zip bomb) is refused")
    func zipBomb() throws {
        // 3 MB of paragraphs deflate to a few kilobytes.
        let body = String(repeating: F.p("Lorem ipsum dolor sit amet."), count: 3 * 1_048_576 / 80)
        let bytes = try F.docx(body: body)
        #expect(bytes.count < 200_000)
        let limit = 1_048_576
        #expect(throws: InputError.wordPartTooLarge(part: "word/document.xml", limit: limit)) {
            try Self.read(bytes, reader: InputReader(maxBytes: limit))
        }
        #expect(InputError.wordPartTooLarge(part: "word/document.xml", limit: limit).description.contains("--max-size"))
        #expect(try Self.read(bytes).format == "docx", "the default limit reads it")
        // The directory may understate the size: extraction counts what really comes out.
        var lying = bytes
        for (signature, sizeOffset) in [([UInt8]([0x50, 0x4B, 0x01, 0x02]), 24), ([0x50, 0x4B, 0x03, 0x04], 22)] {
            var start = 0
            while let found = Self.range(of: signature, in: Array(lying[start...])) {
                let header = start + found.lowerBound
                // Central directory: name length at 28, name at 46; local header: 26 and 30.
                let (lengthOffset, nameOffset) = signature[2] == 0x01 ? (28, 46) : (26, 30)
                let nameLength = Int(lying[header + lengthOffset]) | Int(lying[header + lengthOffset + 1]) << 8
                let name = String(decoding: lying[(header + nameOffset)..<(header + nameOffset + nameLength)], as: UTF8.self)
                if name == "word/document.xml" {
                    lying.replaceSubrange((header + sizeOffset)..<(header + sizeOffset + 4), with: [0x64, 0, 0, 0])
                }
                start = header + 4
            }
        }
        #expect(throws: InputError.wordPartTooLarge(part: "word/document.xml", limit: limit)) {
            try Self.read(lying, reader: InputReader(maxBytes: limit))
        }
    }

    @Test("a Word document with no text")
    func noText() throws {
        #expect(throws: InputError.noText("a Word document")) {
            try Self.read(try F.docx(body: "<w:p/><w:sectPr/>"))
        }
    }

    private static func range(of pattern: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start..<(start + pattern.count)
        }
        return nil
    }
}
