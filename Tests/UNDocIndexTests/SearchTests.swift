import Foundation
import Testing
@testable import UNDocIndex

@Suite("undoc search: full-text search with filters")
struct SearchTests {
    let store = Fixture.shared

    @Test("extradition in the clauses of decision 3/2, filtered to the Conference's 2006 decisions")
    func extraditionInDecision() throws {
        let query = SearchQuery(text: "extradition", filter: DocumentFilter(symbolPrefix: "CTOC/COP", year: 2006),
                                kind: .decision, limit: 50)
        let result = try store.search(query)
        #expect(!result.hits.isEmpty)
        #expect(result.hits.allSatisfy { $0.symbol == "CTOC/COP/2006/14" })
        #expect(result.hits.allSatisfy { $0.element.hasPrefix("dec-") || $0.container?.hasPrefix("dec-") == true })
        let elements = Set(result.hits.map(\.element))
        #expect(elements.isSuperset(of: ["dec-3/2.k", "dec-3/2.n", "dec-3/2.s", "dec-3/2.x"]))
        #expect(result.hits.allSatisfy { $0.snippet.localizedCaseInsensitiveContains("**extradition**") })
        // Best first.
        #expect(zip(result.hits, result.hits.dropFirst()).allSatisfy { $0.score <= $1.score })
    }

    @Test("filters exclude: another year, another symbol prefix, another kind")
    func filters() throws {
        #expect(try store.search(SearchQuery(text: "extradition", filter: DocumentFilter(year: 2005))).hits
            .allSatisfy { $0.symbol == "E/CN.15/2005/8" })
        #expect(try store.search(SearchQuery(text: "extradition", filter: DocumentFilter(symbolPrefix: "CTOC/COP/WG.4"))).hits
            .allSatisfy { $0.symbol?.hasPrefix("CTOC/COP/WG.4/") == true })
        let footnotes = try store.search(SearchQuery(text: "resolution", kind: .footnote, limit: 100)).hits
        #expect(!footnotes.isEmpty && footnotes.allSatisfy { $0.kind == "footnote" })
        let listings = try store.search(SearchQuery(text: "draft decision", kind: .documentListing, limit: 100)).hits
        #expect(listings.contains { $0.element == "annex-I.doc-21" })
        #expect(try store.search(SearchQuery(text: "extradition", filter: DocumentFilter(bodyPrefix: "E/CN.15", year: 2006))).hits.isEmpty)
    }

    @Test("a filter searches the selected documents' stretches of elements and finds every match in them")
    func filteredCompleteness() throws {
        for filter in [DocumentFilter(year: 2006), DocumentFilter(symbolPrefix: "CTOC/COP"), DocumentFilter(bodyPrefix: "E/CN.15")] {
            let result = try store.search(SearchQuery(text: "convention", filter: filter, limit: 10_000))
            let (condition, arguments) = filter.sql("d")
            let expected = try store.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM elements_fts f JOIN elements e ON e.id = f.rowid JOIN documents d ON d.id = e.document
                    WHERE elements_fts MATCH 'convention' AND \(condition)
                    """, arguments: arguments)
            }
            #expect(result.hits.count == expected && !result.more)
            #expect(try store.read { db in try IndexStore.elementRanges(db, filter: filter) != nil })
        }
        // Nothing selected: no results, and the query is still checked.
        #expect(try store.search(SearchQuery(text: "convention", filter: DocumentFilter(year: 1900))).hits.isEmpty)
        #expect(throws: IndexError.self) { try store.search(SearchQuery(text: "convention AND", filter: DocumentFilter(year: 1900))) }
    }

    @Test("symbols and numbers with punctuation are searched as phrases")
    func punctuation() throws {
        let draft = try store.search(SearchQuery(text: "CTOC/COP/2006/L.4")).hits
        #expect(draft.contains { $0.element == "para-61" })
        #expect(draft.contains { $0.element == "annex-I.doc-21" })
        let decision = try store.search(SearchQuery(text: "\"decision 3/2\"", limit: 50)).hits
        #expect(decision.contains { $0.element == "para-60" })
    }

    @Test("stemming: extradite finds extradition; limit and more")
    func stemmingAndLimit() throws {
        let result = try store.search(SearchQuery(text: "extradite", limit: 2))
        #expect(result.hits.count == 2 && result.more)
    }

    @Test("a malformed query is a clear error")
    func malformed() throws {
        #expect(throws: IndexError.self) { try store.search(SearchQuery(text: "\"decision 3/2")) }
        do {
            _ = try store.search(SearchQuery(text: "extradition AND"))
            Issue.record("expected an error")
        } catch {
            guard case .malformedQuery(let query, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(query == "extradition AND")
            #expect(reason.contains("syntax error"))
            #expect(error.description.contains("cannot search for extradition AND"))
        }
    }

    @Test("query rewriting leaves FTS5 syntax alone and quotes words with punctuation")
    func rewriting() {
        #expect(FTSQuery.rewrite("decision 3/2") == "decision \"3/2\"")
        #expect(FTSQuery.rewrite("(CTOC/COP/2006/L.4 OR L.10)") == "(\"CTOC/COP/2006/L.4\" OR \"L.10\")")
        #expect(FTSQuery.rewrite("\"mutual legal\" AND extradit*") == "\"mutual legal\" AND extradit*")
        #expect(FTSQuery.rewrite("well-known 3/2*") == "\"well-known\" \"3/2\"*")
        #expect(FTSQuery.rewrite("NEAR(a b, 5)") == "NEAR(a b, 5)")
        #expect(FTSQuery.rewrite("text:extradition") == "text:extradition")
        #expect(FTSQuery.rewrite("Überstellung") == "Überstellung")
    }
}
