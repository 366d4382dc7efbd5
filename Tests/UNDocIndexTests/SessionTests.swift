import Foundation
import Testing
@testable import UNDocIndex

@Suite("undoc session: a session catalogue")
struct SessionTests {
    let store = Fixture.shared

    func conference() throws -> SessionCatalogue {
        try store.session(DocumentFilter(bodyPrefix: "CTOC/COP", year: 2006))
    }

    @Test("the Conference's third session: decisions 3/1-3/4 with the drafts they were adopted from")
    func decisions() throws {
        let catalogue = try conference()
        #expect(catalogue.documents.map(\.symbol) == ["CTOC/COP/2006/14"])
        #expect(catalogue.sessions == ["Third session"])
        #expect(catalogue.decisions.map(\.number) == ["3/1", "3/2", "3/3", "3/4"])
        #expect(catalogue.decisions.map { $0.drafts.map(\.symbol) } == [
            ["CTOC/COP/2006/L.6/Rev.1"], ["CTOC/COP/2006/L.4"], ["CTOC/COP/2006/L.10"], ["CTOC/COP/2006/L.9/Rev.1"],
        ])
        let first = catalogue.decisions[0]
        #expect(first.node == "decision:CTOC/COP:3/1")
        #expect(first.publishedIn.element == "dec-3/1")
        #expect(first.drafts[0].revises == ["CTOC/COP/2006/L.6"])
        #expect(first.drafts[0].recordedIn.map(\.element) == ["para-62", "para-127"])
        #expect(first.drafts[0].title?.hasSuffix("revised draft decision submitted by Brazil") == true)
        #expect(catalogue.decisions[1].drafts[0].recordedIn.map(\.element) == ["para-61"])
    }

    @Test("a draft decision numbered 3/1 in an L. document is not listed as adopted")
    func numberedDraftIsNotAdopted() throws {
        let folder = try Fixture.temporaryDirectory()
        try Data("""
            CTOC/COP/2006/L.6

            Conference of the Parties to the United Nations Convention against Transnational Organized Crime
            Third session
            Vienna, 9-18 October 2006

            Draft decision 3/1

            Review of implementation

            The Conference of the Parties,

            1. Decides to review implementation.
            """.utf8).write(to: folder.appendingPathComponent("L6.txt"))
        let store = try IndexStore.open(path: folder.appendingPathComponent("index.db").path, access: .write(wait: 5))
        _ = try Fixture.writer(manifest: nil).index([folder.path], into: store)
        let catalogue = try store.session(DocumentFilter(bodyPrefix: "CTOC/COP"))
        #expect(catalogue.documents.map(\.symbol) == ["CTOC/COP/2006/L.6"])
        #expect(catalogue.decisions.isEmpty)
    }

    @Test("documents before the session: annex I of the report, with titles and which are indexed")
    func documentsBefore() throws {
        let catalogue = try conference()
        let list = try #require(catalogue.documentsBefore.first)
        #expect(list.annex == "annex-I")
        #expect(list.title == "List of documents before the Conference of the Parties at its third session")
        #expect(list.entries.count == 34)
        let draftReport = try #require(list.entries.first { $0.printed == "CTOC/COP/2006/L.1 and Add.1-3" })
        #expect(draftReport.symbols.count == 4 && draftReport.title == "Draft report" && draftReport.indexed.isEmpty)
        #expect(list.entries.contains { $0.printed == "CTOC/COP/2006/L.4" })
    }

    @Test("the agenda adopted in paragraph 17 and the draft agenda of annex II")
    func agenda() throws {
        let catalogue = try conference()
        #expect(catalogue.agendas.map(\.element) == ["para-17", "annex-II"])
        let adopted = catalogue.agendas[0]
        #expect(adopted.items.filter { $0.depth == 0 }.count == 11)
        #expect(adopted.items.first?.text == "Organizational matters:")
        #expect(catalogue.agendas[1].heading.hasPrefix("Draft provisional agenda for the fourth session"))
    }

    @Test("where each document is cited: the drafts in the report's account of the session")
    func citations() throws {
        let catalogue = try conference()
        let draft = try #require(catalogue.citations.first { $0.symbol == "CTOC/COP/2006/L.10" })
        #expect(draft.citedBy.map(\.place.element) == ["para-99", "para-110", "para-111"])
        #expect(draft.citedBy.allSatisfy { $0.place.symbol == "CTOC/COP/2006/14" && $0.relation == "cites" })
    }

    @Test("documents by agenda item, from their mastheads")
    func agendaItems() throws {
        let catalogue = try store.session(DocumentFilter(symbolPrefix: "CTOC/COP/WG.4"))
        #expect(catalogue.agendaDocuments.first?.item == "2")
        #expect(catalogue.agendaDocuments.first?.documents == ["CTOC/COP/WG.4/2010/L.1/Add.1"])
    }

    @Test("no document selected is a clear error")
    func empty() {
        #expect(throws: IndexError.notFound("no indexed document matches --body-prefix CTOC/COP --year 1999")) {
            try store.session(DocumentFilter(bodyPrefix: "CTOC/COP", year: 1999))
        }
    }

    @Test("Markdown: the sections, tables and escaped text")
    func markdown() throws {
        let text = MarkdownCatalogue.render(try conference())
        for heading in ["## Documents", "## Documents before the session", "## Agenda", "## Decisions adopted",
                        "## Where each document is cited"] {
            #expect(text.contains("\n\(heading)\n"))
        }
        #expect(text.contains("| CTOC/COP/2006/L.4 | Implementation of the provisions on international cooperation"))
        #expect(text.contains("- Adopted from **CTOC/COP/2006/L.4**"))
        #expect(text.contains("- 1\\. Organizational matters:"))
        #expect(MarkdownCatalogue.escape("a|b *c* <d> [e]") == "a\\|b \\*c\\* \\<d\\> \\[e\\]")
    }

    @Test("HTML: one self-contained page, every text escaped")
    func html() throws {
        var catalogue = try conference()
        catalogue.documents[0].title = "Report <script>alert('x')</script> & more"
        let page = HTMLCatalogue.render(catalogue)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(!page.contains("<script>") && page.contains("Report &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        #expect(!page.contains("src=") && !page.contains("href=\"http"))
        #expect(page.contains("<h2 id=\"decisions\">Decisions adopted</h2>"))
        // Agenda sub-items nest inside their item.
        #expect(page.contains("<li>1. Organizational matters:<ul><li>(a) "))
    }

    @Test("JSON: undoc.session/1")
    func json() throws {
        let data = try JSONEncoder().encode(try conference())
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["schema"] as? String == "undoc.session/1")
        #expect((object?["decisions"] as? [[String: Any]])?.count == 4)
    }
}
