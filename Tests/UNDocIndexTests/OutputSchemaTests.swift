import Foundation
import JSONSchemaValidation
import Testing
@testable import UNDocIndex
import UNDocModel

/// The JSON of `undoc search`, `undoc show` and `undoc session` against the published
/// schemas in Schemas/: real answers from the corpus index (with and without the manifest,
/// so that documents without a symbol are covered too), encoded as the CLI encodes them,
/// must validate; a mutated answer must not.
@Suite("search, show and session output schemas")
struct OutputSchemaTests {
    let store = Fixture.shared

    /// An index of the corpus without its manifest: the documents have no symbol, their
    /// nodes are doc:file:PATH, and the optional `symbol` fields are omitted.
    static let withoutSymbols: IndexStore = {
        do {
            let path = try Fixture.temporaryDirectory().appendingPathComponent("index.db").path
            let store = try IndexStore.open(path: path, access: .write(wait: 5))
            _ = try Fixture.writer(manifest: nil).index([Fixture.corpus.path], into: store)
            return store
        } catch {
            fatalError("\(error)")
        }
    }()

    static func schema(_ name: String) throws -> JSONSchema {
        try JSONSchema(contentsOf: schemaURL(name))
    }

    static func schemaURL(_ name: String) -> URL {
        Fixture.repositoryRoot.appendingPathComponent("Schemas/\(name).schema.json")
    }

    /// The `const` of the schema's `schema` property: the version the file describes.
    static func declaredVersion(_ name: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL(name))) as? [String: Any]
        let properties = object?["properties"] as? [String: Any]
        return (properties?["schema"] as? [String: Any])?["const"] as? String
    }

    /// `data` decoded as a mutable JSON object.
    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: - undoc.search/1

    @Test("search JSON validates against Schemas/undoc.search-1.schema.json")
    func search() throws {
        let schema = try Self.schema("undoc.search-1")
        #expect(try Self.declaredVersion("undoc.search-1") == SearchResult.schemaVersion)
        let queries = [
            SearchQuery(text: "trafficking"),
            // Clauses of decisions (container), more hits than the limit, a filter with two fields.
            SearchQuery(text: "extradition", filter: DocumentFilter(symbolPrefix: "CTOC", year: 2006), kind: .decision, limit: 3),
            SearchQuery(text: "organizational", kind: .agendaItem),
            SearchQuery(text: "report", kind: .documentListing, limit: 2),
            SearchQuery(text: "resolution", kind: .footnote, limit: 50),
            SearchQuery(text: "decision 3/2", filter: DocumentFilter(bodyPrefix: "CTOC/COP", session: "third session")),
            SearchQuery(text: "zzzzqqq"),
        ]
        var results: [SearchResult] = []
        for query in queries {
            let result = try store.search(query)
            results.append(result)
            let errors = try schema.validate(DocumentJSON.encode(result))
            #expect(errors == [], "\(query.text): \(errors)")
        }
        let bare = try Self.withoutSymbols.search(SearchQuery(text: "trafficking", limit: 5))
        #expect(!bare.hits.isEmpty && bare.hits.allSatisfy { $0.symbol == nil && $0.document.hasPrefix("doc:file:") })
        #expect(try schema.validate(DocumentJSON.encode(bare)) == [])
        // The optional fields were exercised.
        let hits = results.flatMap(\.hits)
        #expect(hits.contains { $0.container != nil } && hits.contains { $0.container == nil })
        #expect(results.contains { $0.more } && results.contains { $0.hits.isEmpty })
        #expect(results.contains { $0.kind != nil } && results.contains { $0.kind == nil })
    }

    @Test("a search answer with an unknown key, a wrong kind or a missing field fails the schema")
    func searchRejects() throws {
        let schema = try Self.schema("undoc.search-1")
        let data = try DocumentJSON.encode(try store.search(SearchQuery(text: "extradition", kind: .decision, limit: 3)))
        var unknown = try Self.object(data)
        var hits = try #require(unknown["hits"] as? [[String: Any]])
        hits[0]["page"] = 3
        unknown["hits"] = hits
        #expect(schema.validate(jsonObject: unknown).map(\.keyword) == ["additionalProperties"])
        var kind = try Self.object(data)
        kind["kind"] = "paragraphs"
        #expect(schema.validate(jsonObject: kind).map(\.keyword) == ["enum"])
        var missing = try Self.object(data)
        missing["more"] = nil
        #expect(schema.validate(jsonObject: missing).map(\.keyword) == ["required"])
    }

    // MARK: - undoc.show/1

    @Test("show JSON validates against Schemas/undoc.show-1.schema.json")
    func show() throws {
        let schema = try Self.schema("undoc.show-1")
        #expect(try Self.declaredVersion("undoc.show-1") == ShowResult.schemaVersion)
        let targets = [
            "CTOC/COP/2006/14",                          // a document: counts, decisions, references out and in
            "CTOC/COP/2006/14#dec-3/2",                  // a decision
            "CTOC/COP/2006/14#dec-3/2.v",                // a clause (container)
            "CTOC/COP/2006/14#para-61",                  // a paragraph
            "CTOC/COP/2006/14#para-17.1",                // an agenda item
            "CTOC/COP/2006/14#annex-I",                  // an annex
            "CTOC/COP/2006/14#annex-I.doc-21",           // a row of a list of documents
            "CTOC/COP/WG.4/2010/L.1/Add.1",              // 001: recommendations
            "CTOC/COP/WG.4/2010/L.1/Add.1#rec-6(c)",     // a recommendation (node with a note)
            "E/CN.15/2005/8",                            // agenda item, organ
            "E/CN.15/2005/8#fn-7",                       // a footnote
            "CTOC/COP/2006/L.4",                         // a draft known from citations: listed in, links out
            "CTOC/COP/WG.4/2010/L.1",                    // known from metadata evidence (addsTo)
            "A/RES/55/25",                               // a resolution
            "decision:CTOC/COP:3/2",                     // a node id
        ]
        var results: [ShowResult] = []
        for target in targets {
            let result = try store.show(target)
            results.append(result)
            let errors = try schema.validate(DocumentJSON.encode(result))
            #expect(errors == [], "\(target): \(errors)")
        }
        // A document without a symbol, named by its node, and one of its elements.
        let bare = Self.withoutSymbols
        let file = try #require(try bare.session(DocumentFilter(year: 2006)).documents.first?.file)
        for target in ["doc:file:\(file)", "doc:file:\(file)#dec-3/2"] {
            let result = try bare.show(target)
            #expect(result.document?.symbol == nil, "\(target)")
            let errors = try schema.validate(DocumentJSON.encode(result))
            #expect(errors == [], "\(target): \(errors)")
        }
        // The optional parts were exercised.
        #expect(results.contains { $0.counts != nil } && results.contains { $0.element != nil })
        #expect(results.contains { $0.document == nil } && results.contains { !$0.linksOut.isEmpty })
        #expect(results.contains { !$0.listedIn.isEmpty } && results.contains { $0.nodes.contains { $0.note != nil } })
        #expect(results.contains { $0.referencesIn.contains { $0.element == "metadata" } })
        #expect(results.contains { $0.referencesOut.contains { $0.note != nil } })
    }

    @Test("a show answer with an unknown key, a wrong relation or status, or an element without a document fails the schema")
    func showRejects() throws {
        let schema = try Self.schema("undoc.show-1")
        let data = try DocumentJSON.encode(try store.show("CTOC/COP/2006/14#dec-3/2"))
        var unknown = try Self.object(data)
        var element = try #require(unknown["element"] as? [String: Any])
        element["page"] = 3
        unknown["element"] = element
        #expect(schema.validate(jsonObject: unknown).map(\.keyword) == ["additionalProperties"])
        var relation = try Self.object(data)
        var links = try #require(relation["referencesIn"] as? [[String: Any]])
        links[0]["relation"] = "adopted"
        relation["referencesIn"] = links
        #expect(schema.validate(jsonObject: relation).map(\.keyword) == ["enum"])
        var status = try Self.object(data)
        var references = try #require(status["referencesOut"] as? [[String: Any]])
        references[0]["status"] = "found"
        status["referencesOut"] = references
        #expect(schema.validate(jsonObject: status).map(\.keyword) == ["enum"])
        var orphan = try Self.object(data)
        orphan["document"] = nil
        #expect(schema.validate(jsonObject: orphan).map(\.keyword) == ["dependentRequired"])
    }

    // MARK: - undoc.session/1

    @Test("session JSON validates against Schemas/undoc.session-1.schema.json")
    func session() throws {
        let schema = try Self.schema("undoc.session-1")
        #expect(try Self.declaredVersion("undoc.session-1") == SessionCatalogue.schemaVersion)
        let filters = [
            DocumentFilter(bodyPrefix: "CTOC/COP", year: 2006),    // decisions, drafts, agendas, lists, citations
            DocumentFilter(bodyPrefix: "E/CN.15"),                 // the Commission
            DocumentFilter(year: 2010),                            // 001's Working Group: no session printed
            DocumentFilter(symbolPrefix: "CTOC"),                  // two bodies
            DocumentFilter(session: "third session"),              // the session as printed, any case
        ]
        var catalogues: [SessionCatalogue] = []
        for filter in filters {
            let catalogue = try store.session(filter)
            catalogues.append(catalogue)
            let errors = try schema.validate(DocumentJSON.encode(catalogue))
            #expect(errors == [], "\(filter): \(errors)")
        }
        let bare = try Self.withoutSymbols.session(DocumentFilter(year: 2006))
        #expect(bare.documents.allSatisfy { $0.symbol == nil } && !bare.decisions.isEmpty)
        #expect(try schema.validate(DocumentJSON.encode(bare)) == [])
        // The optional parts were exercised.
        let decisions = catalogues.flatMap(\.decisions)
        #expect(decisions.contains { $0.drafts.contains { !$0.revises.isEmpty } })
        #expect(catalogues.contains { !$0.documentsBefore.isEmpty } && catalogues.contains { !$0.citations.isEmpty })
        #expect(catalogues.contains { $0.agendas.contains { $0.items.contains { $0.depth == 2 } } })
        #expect(catalogues.contains { !$0.agendaDocuments.isEmpty } && catalogues.contains { $0.sessions.isEmpty })
    }

    @Test("a session catalogue with an unknown key, a wrong relation or a negative depth fails the schema")
    func sessionRejects() throws {
        let schema = try Self.schema("undoc.session-1")
        let data = try DocumentJSON.encode(try store.session(DocumentFilter(bodyPrefix: "CTOC/COP", year: 2006)))
        var unknown = try Self.object(data)
        var filter = try #require(unknown["filter"] as? [String: Any])
        filter["kind"] = "decision"
        unknown["filter"] = filter
        #expect(schema.validate(jsonObject: unknown).map(\.keyword) == ["additionalProperties"])
        var relation = try Self.object(data)
        var citations = try #require(relation["citations"] as? [[String: Any]])
        var citedBy = try #require(citations[0]["citedBy"] as? [[String: Any]])
        citedBy[0]["relation"] = "publishedIn"  // left out of citations by the query
        citations[0]["citedBy"] = citedBy
        relation["citations"] = citations
        #expect(schema.validate(jsonObject: relation).map(\.keyword) == ["enum"])
        var depth = try Self.object(data)
        var agendas = try #require(depth["agendas"] as? [[String: Any]])
        var items = try #require(agendas[0]["items"] as? [[String: Any]])
        items[0]["depth"] = -1
        agendas[0]["items"] = items
        depth["agendas"] = agendas
        #expect(schema.validate(jsonObject: depth).map(\.keyword) == ["minimum"])
    }
}
