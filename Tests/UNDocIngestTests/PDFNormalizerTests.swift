import Foundation
import Testing
@testable import UNDocIngest
import UNDocModel
import UNDocParser

/// The PDF normaliser on small hand-made `pdftotext -layout` outputs (no pdftotext needed):
/// pages are separated by form feeds, columns by spaces, as pdftotext writes them.
@Suite("PDF normalisation")
struct PDFNormalizerTests {
    /// Two pages of a UN report as pdftotext lays them out.
    static let twoPages = [
        "United Nations                                               A/61/100",
        "",
        "              General Assembly                               Distr.: General",
        "                                                             2 June 2006",
        "",
        "                                                             Original: English",
        "",
        "Sixty-first session",
        "Item 5 of the provisional agenda*",
        "Social development",
        "",
        "",
        "          Report of the Secretary-General",
        "",
        "",
        "   I.     Introduction",
        "   1.     The Assembly noted that many States had ratified the Protocol,1 not the Convention,",
        "          and recalled the recom-",
        "          mendations on money-",
        "          laundering in document A/61/5 and in resolution 58/4 of 19882 and the",
        "",
        "",
        "          * A/61/50.",
        "          1 General Assembly resolution 55/25, annex II.",
        "          2 United Nations, Treaty Series, vol. 1582, No. 27627.",
        "",
        "V.06-12345 (E)      *0612345*",
        "\u{0C}A/61/100",
        "",
        "",
        "          statement by the President.3 The recommendations were adopted.",
        "          (a)   First, the Assembly welcomed the report;",
        "          (b)   Second, it requested a further report under paragraph",
        "          (a) above.",
        "",
        "",
        "          Deliberations",
        "   2.     The Committee on Contributions (CTOC/COP/2006/L.1) met twice.",
        "",
        "",
        "",
        "",
        "          3 See also document A/60/L.1.",
        "",
        "2",
        "\u{0C}",
    ].joined(separator: "\n")

    static func normalized(_ text: String) -> (source: SourceText, text: String) {
        let source = PDFReader.normalize(pdftotextOutput: Array(text.utf8), name: "t.pdf")
        return (source, String(decoding: source.bytes, as: UTF8.self))
    }

    static func parse(_ source: SourceText) throws -> Document {
        DocumentParser(grammars: try ParserGrammars.builtIn()).parse(source, symbol: source.printedSymbol)
    }

    @Test("the masthead symbol is kept aside; running heads, page numbers, job number and barcode leave the text")
    func furniture() {
        let (source, text) = Self.normalized(Self.twoPages)
        #expect(source.printedSymbol == "A/61/100")
        #expect(!text.contains("A/61/100"))
        #expect(!text.contains("\n2\n"))
        #expect(text.contains("V.06-12345 (E)\n"), "the job number stays on the masthead, where the parser skips it")
        #expect(!text.contains("\nUnited Nations\n"))
    }

    @Test("masthead columns become lines of their own")
    func masthead() throws {
        let (source, text) = Self.normalized(Self.twoPages)
        #expect(text.hasPrefix("General Assembly\n\nDistr.: General\n\n2 June 2006\n\nOriginal: English\n\n"))
        let document = try Self.parse(source)
        #expect(document.metadata.organ == "General Assembly")
        #expect(document.metadata.distribution == "General")
        #expect(document.metadata.issueDate == "2006-06-02")
        #expect(document.metadata.session == "Sixty-first session")
        #expect(document.metadata.agendaItem?.number == "5")
        #expect(document.metadata.agendaItem?.title == "Social development")
        #expect(document.metadata.title == "Report of the Secretary-General")
        #expect(document.symbol == "A/61/100")
    }

    @Test("glued markers become <sup>N</sup>; numbers that end symbols and years do not")
    func gluedMarkers() {
        let (_, text) = Self.normalized(Self.twoPages)
        #expect(text.contains("the Protocol,<sup>1</sup> not the Convention"))
        #expect(text.contains("of 1988<sup>2</sup> and"))
        #expect(text.contains("President.<sup>3</sup> The"))
        #expect(text.contains("A/61/5 "))
        #expect(text.contains("(CTOC/COP/2006/L.1)"))
    }

    @Test("page-bottom footnotes follow the paragraph they interrupt, in the <sup>N</sup> notation")
    func footnotes() throws {
        let (source, text) = Self.normalized(Self.twoPages)
        #expect(text.contains("---\n\n* A/61/50.\n\n<sup>1</sup> General Assembly resolution 55/25, annex II.\n\n<sup>2</sup> United Nations"))
        #expect(text.contains("---\n\n<sup>3</sup> See also document A/60/L.1."))
        let paragraph = try #require(text.range(of: "1. The Assembly"))
        let notes = try #require(text.range(of: "---"))
        #expect(paragraph.lowerBound < notes.lowerBound)
        let document = try Self.parse(source)
        #expect(document.footnotes.map(\.marker) == ["*", "1", "2", "3"])
        #expect(document.footnotes.first { $0.marker == "1" }?.anchors.map(\.element) == ["para-1"])
        #expect(document.footnotes.first { $0.marker == "2" }?.anchors.map(\.element) == ["para-1"])
        #expect(document.footnotes.allSatisfy { !$0.anchors.isEmpty })
    }

    @Test("a paragraph broken across pages is one paragraph; line-end hyphens join words")
    func joining() throws {
        let (source, text) = Self.normalized(Self.twoPages)
        // "recom-" + "mendations": "recommendations" occurs elsewhere, "recom-mendations" does not.
        #expect(text.contains("recalled the recommendations on money-laundering in document"))
        #expect(text.contains("19882") == false)
        let document = try Self.parse(source)
        let first = try #require(document.paragraphs.first)
        #expect(first.text.hasSuffix("statement by the President. The recommendations were adopted."))
        #expect(source.pageMap?.page(at: try #require(text.range(of: "(a) First")).lowerBound.utf16Offset(in: text)) == 2)
    }

    @Test("labels start items only where a label can stand; headings are marked")
    func structure() throws {
        let (source, text) = Self.normalized(Self.twoPages)
        #expect(text.contains("### I. Introduction\n"))
        #expect(text.contains("### Deliberations\n"))
        #expect(text.contains("paragraph (a) above."), "a line starting \"(a) above\" continues the item")
        let document = try Self.parse(source)
        #expect(document.paragraphs.map(\.number) == ["1", "2"])
        #expect(document.paragraphs.first?.children.map(\.label) == ["a", "b"])
        #expect(document.sections.map(\.heading).contains("Introduction"))
    }

    @Test("contents rows: label, title without leaders, paragraphs and page, a wrapped title joined")
    func contents() {
        let output = [
            "Contents",
            "                                                           Paragraphs      Page",
            "   I.    Introduction . . . . . . . . . . . . . . . . . .          1-2          2",
            "   II.   Review of the implementation of the United Nations Convention against",
            "         Transnational Organized Crime . . . . . . . . . . .      3-79          4",
            "         Annexes",
            "   I.    List of documents . . . . . . . . . . . . . . . .                     9",
            "",
            "",
            "   I.    Introduction",
            "   1.    Text.",
        ].joined(separator: "\n")
        let (_, text) = Self.normalized(output)
        #expect(text.contains("Contents\n\nParagraphs\tPage\n\nI. Introduction\t1-2\t2\n\n"))
        #expect(text.contains("II. Review of the implementation of the United Nations Convention against Transnational Organized Crime\t3-79\t4"))
        #expect(text.contains("Annexes\n\nI. List of documents\t9\n\n### I. Introduction"))
    }

    @Test("a line-end hyphen stays when the document spells the compound with it")
    func compoundHyphen() {
        let lines = [
            "   1.    The fight against money-laundering and the anti-money-",
            "         laundering units were discussed, as were cross-",
            "         border matters.",
        ]
        let (_, text) = Self.normalized(lines.joined(separator: "\n"))
        #expect(text.contains("anti-money-laundering units"))
        #expect(text.contains("cross-border matters."))
    }

    @Test("paragraphs set without indent or label are told apart by their short last line")
    func blockParagraphs() {
        let lines = [
            "The Commission considered the report of the Secretary-General on the item and heard",
            "statements by several delegations.",
            "The Chair summarized the discussion and invited the Commission to take note of",
            "the report.",
        ]
        let (_, text) = Self.normalized(lines.joined(separator: "\n"))
        #expect(text == "The Commission considered the report of the Secretary-General on the item and heard statements by several delegations.\n\nThe Chair summarized the discussion and invited the Commission to take note of the report.\n\n")
    }

    @Test("pages without text are reported; the text of the others is kept")
    func emptyPage() {
        let output = "   1.    Text on page one.\n\u{0C}\u{0C}   2.    Text on page three.\n\u{0C}"
        let (source, text) = Self.normalized(output)
        #expect(text.contains("2. Text on page three."))
        #expect(source.diagnostics.contains { $0.code == "pdf.pageWithoutText" && $0.message.contains("page 2 ") })
    }
}
