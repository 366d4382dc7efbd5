import Foundation
import UNDocIngest
import UNDocModel
import UNDocParser

/// Runs a short made-up PDF text through the normaliser, the parser and the JSON writer,
/// and throws the result away.
///
/// The first pass through that code costs more than the work itself: the Swift runtime
/// instantiates generic metadata and looks up protocol conformances (each look-up a scan of
/// every conformance record in the binary), and the code's pages are read in. For a 5-page
/// PDF that is some 5 M instructions, 1-1.5 ms, after pdftotext has finished, when nothing
/// else is left to wait for. Run on another core while pdftotext converts, it is paid
/// while undoc would only be waiting.
enum WarmUp {
    static func run(_ grammars: ParserGrammars) {
        let source = PDFReader.normalize(pdftotextOutput: Array(sample.utf8), name: "warm-up.pdf")
        let document = DocumentParser(grammars: grammars).parse(source, symbol: source.printedSymbol)
        _ = try? DocumentJSON.encode(document)
    }

    /// A two-page report laid out as `pdftotext -layout` prints one: masthead, numbered
    /// paragraphs, a decision with clauses, references, a page-bottom footnote, running head
    /// and page number. Invented; it names no real document.
    private static let sample = """
                                                                  CTOC/COP/2099/L.1
         United Nations
                                                                  Distr.: Limited
                                                                  2 January 2099

                                                                  Original: English

        Conference of the Parties to the United Nations
        Convention against Transnational Organized Crime
        First session
        Vienna, 1-2 January 2099
        Item 2 of the provisional agenda*
        Adoption of the agenda

                       Draft report

        I. Matters calling for action by the Conference

        1.    At its 1st meeting, the Conference adopted decision 1/1 (see
        CTOC/COP/2099/L.2),1 recalling General Assembly resolution 55/25, annex I.

                                 Decision 1/1
              The Conference,
              (a) Decides to adopt the agenda contained in CTOC/COP/2099/1;
              (b) Requests the secretariat to report to it at its second session:
                    (i) On the implementation of recommendation 2;

        __________________
           1 For the text, see chap. I, decision 1/1.

        V.99-12345 (E)
        *9912345*
        \u{0C}CTOC/COP/2099/L.1

        2.    Further to recommendation 19 contained in the previous report, the
        Conference took note of the report of the Secretary-General (E/CN.15/2099/6).

                                                                                   2
        \u{0C}
        """
}
