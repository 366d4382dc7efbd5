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
        _ = try? DocumentJSON.encode(sampleDocument(grammars))
    }

    /// The sample, normalised as pdftotext's output and parsed.
    static func sampleDocument(_ grammars: ParserGrammars) -> Document {
        let source = PDFReader.normalize(pdftotextOutput: Array(sample.utf8), name: "warm-up.pdf")
        return DocumentParser(grammars: grammars).parse(source, symbol: source.printedSymbol)
    }

    /// A two-page report laid out as `pdftotext -layout` prints the corpus PDFs: masthead,
    /// numbered paragraphs, a decision with lettered and roman clauses, references, a footnote
    /// marker glued to its word and the note at the page bottom, job number and barcode,
    /// running head and page number. Invented; it names no real document.
    static let sample = """
        United Nations                                         CTOC/COP/2099/L.1

                                                                                           Distr.: Limited
                                                                                           2 January 2099

                                                                                           Original: English


        Conference of the Parties to the United Nations Convention against Transnational Organized Crime
        First session
        Vienna, 1-2 January 2099


                  Draft report


                  Agenda item 2: Adoption of the agenda and organization of work

           1.     At its 1st meeting, the Conference adopted the following decision, recalling General
                  Assembly resolution 55/25, annex I, and further to recommendation 19 contained in the
                  previous report (E/CN.15/2099/6):


        Decision 1/1


        Adoption of the agenda
              The Conference of the Parties to the United Nations Convention against Transnational
        Organized Crime, recalling its decision 2/6:
        (a)   Decides to adopt the agenda contained in document CTOC/COP/2099/1;
        (b)   Requests the secretariat to report to it at its second session:
              (i) On the implementation of recommendation 2 contained in the previous report;
              (ii) On technical assistance.




        V.99-12345 (E)

        *9912345*
        \u{0C}CTOC/COP/2099/L.1



            2.     The Conference also took note of the views of States and observers1 on the report of
                   its previous session (CTOC/COP/2098/15) and on the questionnaire it had approved.

                 1 For the list of observers, see chap. IV, para. 12.


        2
        \u{0C}
        """
}
