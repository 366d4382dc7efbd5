import Testing
import UNDocModel
import UNDocParser
@testable import undoc

@Suite("the warm-up run while pdftotext converts")
struct WarmUpTests {
    /// The warm-up only helps if its sample takes the paths a real report takes: were the
    /// normaliser or the parser to stop recognising it, it would still run, uselessly.
    @Test("its sample goes through the masthead, paragraphs, a decision, a footnote and references")
    func sampleCoversTheParsePath() throws {
        let document = WarmUp.sampleDocument(try ParserGrammars.builtIn())
        #expect(document.symbol == "CTOC/COP/2099/L.1")
        #expect(document.paragraphs.count >= 2)
        #expect(document.decisions.contains { $0.id == "1/1" && !$0.clauses.isEmpty })
        #expect(!document.footnotes.isEmpty)
        #expect(document.references.count >= 4)
        #expect(document.texts.allSatisfy { !$0.text.contains("V.99-12345") }, "the job number is not body text")
    }
}
