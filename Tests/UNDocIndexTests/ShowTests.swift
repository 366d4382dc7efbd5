import Foundation
import Testing
@testable import UNDocIndex

@Suite("undoc show: a document or element with its references out and in")
struct ShowTests {
    let store = Fixture.shared

    @Test("CTOC/COP/2006/14: metadata, counts, decisions, references out, and the drafts adopted as its decisions")
    func document() throws {
        let result = try store.show("CTOC/COP/2006/14")
        let document = try #require(result.document)
        #expect(document.session == "Third session")
        #expect(document.bodyPrefix == "CTOC/COP")
        #expect(document.issueDate == "2006-12-22")
        #expect(result.counts?.decisions == 4)
        #expect(result.counts?.paragraphs == 134)
        #expect(result.counts?.listings == 34)
        #expect(result.decisions.map(\.number) == ["3/1", "3/2", "3/3", "3/4"])
        #expect(result.referencesOut.contains { $0.from == "para-61" && $0.symbol == "CTOC/COP/2006/L.4" && $0.status == "external" })
        #expect(result.referencesOut.contains { $0.from == "para-61" && $0.element == "dec-3/2" && $0.status == "resolved" })
        let adopted = result.referencesIn.filter { $0.relation == "adoptedAs" }
        #expect(Set(adopted.map(\.source)) == ["doc:CTOC/COP/2006/L.6/Rev.1", "doc:CTOC/COP/2006/L.4", "doc:CTOC/COP/2006/L.10",
                                               "doc:CTOC/COP/2006/L.9/Rev.1"])
        // Its own containment edges and internal pointers are not "references in".
        #expect(!result.referencesIn.contains { $0.relation == "publishedIn" || $0.relation == "seeAlso" })
    }

    @Test("CTOC/COP/2006/14#dec-3/2: the decision's text, node, references from its clauses, and what points at it")
    func decision() throws {
        let result = try store.show("CTOC/COP/2006/14#dec-3/2")
        let element = try #require(result.element)
        #expect(element.kind == "decision" && element.label == "3/2")
        #expect(element.title?.hasPrefix("Implementation of the provisions on international cooperation") == true)
        #expect(element.children > 20)
        #expect(result.nodes.map(\.id).contains("decision:CTOC/COP:3/2"))
        #expect(!result.referencesOut.isEmpty && result.referencesOut.allSatisfy { $0.from.hasPrefix("dec-3/2") })
        let draft = try #require(result.referencesIn.first { $0.relation == "adoptedAs" })
        #expect(draft.source == "doc:CTOC/COP/2006/L.4")
        #expect(draft.element == "para-61" && draft.symbol == "CTOC/COP/2006/14" && draft.line == 470)
        #expect(result.referencesIn.contains { $0.relation == "seeAlso" && $0.element == "para-60" })
    }

    @Test("a clause: its text and the pointer to it")
    func clause() throws {
        let result = try store.show("CTOC/COP/2006/14#dec-3/2.v")
        #expect(result.element?.kind == "clause")
        #expect(result.referencesIn.contains { $0.element == "dec-3/2.w" && $0.relation == "seeAlso" })
    }

    @Test("a draft known only from the report: where it is listed, what it became, where it is cited")
    func externalDraft() throws {
        let result = try store.show("CTOC/COP/2006/L.4")
        #expect(result.document == nil)
        #expect(result.nodes.first?.external == true)
        #expect(result.listedIn.first?.element == "annex-I.doc-21")
        #expect(result.linksOut.contains { $0.relation == "adoptedAs" && $0.target == "decision:CTOC/COP:3/2" })
        #expect(result.referencesIn.contains { $0.relation == "cites" && $0.element == "para-61" })
    }

    @Test("what is not in the index is a clear error")
    func notFound() throws {
        #expect(throws: IndexError.notFound("CTOC/COP/1999/99 is not in the index: no indexed document has this symbol or file, and no indexed document cites or lists it")) {
            try store.show("CTOC/COP/1999/99")
        }
        do {
            _ = try store.show("CTOC/COP/2006/14#dec-9/9")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("CTOC/COP/2006/14 has no element dec-9/9"))
        }
    }
}
