import Foundation
import JSONSchemaValidation
import Testing
import UNDocGraph
import UNDocIngest
import UNDocModel
import UNDocParser

/// The library catalogue in the graph: titles and dates for what the texts do not give,
/// "the previous report" by catalogue dates, and the JSON contracts with catalogue data.
@Suite("catalogue in the graph")
struct CatalogGraphTests {
    static let sample = GraphFixture.root.appendingPathComponent("Corpus/catalog/undl-sample.xml").path

    static func sampleCatalog() throws -> Catalog {
        try CatalogLoader.load([sample])
    }

    static func schema(_ name: String) throws -> JSONSchema {
        try JSONSchema(contentsOf: GraphFixture.root.appendingPathComponent("Schemas/\(name)"))
    }

    /// The corpus graph, as `undoc graph Corpus --manifest Corpus/manifest.tsv --catalog …` builds it.
    static func corpusGraph(catalog: Catalog?) throws -> Graph {
        let manifest = try Manifest(contentsOf: GraphFixture.root.appendingPathComponent("Corpus/manifest.tsv").path)
        let loader = CorpusLoader(parser: try GraphFixture.parser(), reader: InputReader(), manifest: manifest, jobs: 2,
                                  catalog: catalog)
        return loader.graph(of: CorpusLoader.files(in: [GraphFixture.root.appendingPathComponent("Corpus").path]))
    }

    @Test("cited documents outside the corpus get the catalogue's title and date; the texts' own values stay")
    func corpusLabelsAndDates() throws {
        let plain = try Self.corpusGraph(catalog: nil)
        let graph = try Self.corpusGraph(catalog: try Self.sampleCatalog())
        #expect(plain.node("doc:CTOC/COP/WG.4/2009/2")?.label == "CTOC/COP/WG.4/2009/2")
        #expect(plain.node("doc:CTOC/COP/WG.4/2009/2")?.date == nil)

        let previous = try #require(graph.node("doc:CTOC/COP/WG.4/2009/2"))
        #expect(previous.external)
        #expect(previous.label == "Report on the meeting of the Working Group on Trafficking in Persons held in Vienna on 14 and 15 April 2009")
        #expect(previous.date == "2009-04-21")
        #expect(previous.catalog?.filled == ["label", "date"])
        #expect(previous.catalog?.record == "652417")

        // The resolution's date comes from the text that cites it; only its label is the catalogue's.
        let resolution = try #require(graph.node("doc:A/RES/55/25"))
        #expect(resolution.kind == .resolution)
        #expect(resolution.date == "2000-11-15")
        #expect(resolution.label.hasPrefix("United Nations Convention against Transnational Organized Crime"))
        #expect(resolution.catalog?.filled == ["label"])
        #expect(resolution.catalog?.related?.map(\.symbol) == ["A/55/383", "A/55/PV.62"])

        // Parsed documents print title and date: the record is attached, nothing replaced.
        let report = try #require(graph.node("doc:CTOC/COP/2006/14"))
        #expect(report.label == plain.node("doc:CTOC/COP/2006/14")?.label)
        #expect(report.catalog?.filled == [])
        #expect(report.catalog?.subjects?.contains("TRAFFICKING IN PERSONS") == true)

        // Only labels, dates and attributes change: the same nodes and edges.
        #expect(graph.nodes.map(\.id) == plain.nodes.map(\.id))
        #expect(graph.edges == plain.edges)
        #expect(graph.node("doc:CTOC/COP/2006/L.4")?.catalog == nil)
    }

    static let mastheadWithoutDate = """
        Distr.: Limited

        Original: English

        ## Working Group on Trafficking in Persons

        """

    static func report(recommendations: String) -> String {
        mastheadWithoutDate + """
            1. The Working Group met in Vienna.

            ## **Recommendations**

            2. The Working Group adopted the recommendations below.

            ### **1. Coordination**

            \(recommendations)
            """
    }

    /// Documents that print no date, parsed and completed from `catalog` as `undoc graph` does.
    static func graph(_ documents: [(symbol: String, text: String)], catalog: Catalog?) throws -> Graph {
        let parser = try GraphFixture.parser()
        var builder = GraphBuilder(catalog: catalog)
        for (index, item) in documents.enumerated() {
            let name = "doc\(index + 1).txt"
            let source = try InputReader().decode(Array(item.text.utf8), name: name)
            var document = parser.parse(source, symbol: item.symbol)
            #expect(document.metadata.issueDate == nil)
            if let catalog { CatalogEnricher.enrich(&document, from: catalog) }
            builder.add(FactExtractor.facts(of: document, file: name))
        }
        return builder.finish()
    }

    @Test("'the previous report' of documents that print no date: found by the catalogue's dates")
    func previousReportByCatalogueDate() throws {
        var catalog = Catalog()
        catalog.add([("CTOC/COP/WG.4/2008/3", "2008-02-01"), ("CTOC/COP/WG.4/2009/2", "2009-04-21"),
                     ("CTOC/COP/WG.4/2010/2", "2010-01-28")].enumerated().map { index, item in
            var record = CatalogRecord(source: CatalogEvidence(file: "wg4.xml", record: index + 1, line: index + 3))
            record.symbol = item.0
            record.date = item.1
            return record
        }, from: "wg4.xml", format: .marcxml)
        let documents = [
            ("CTOC/COP/WG.4/2009/2", Self.report(recommendations: "(a) States should cooperate.")),
            ("CTOC/COP/WG.4/2008/3", Self.report(recommendations: "(a) States should report.")),
            ("CTOC/COP/WG.4/2010/2", Self.report(recommendations:
                "(a) Further to recommendation 1(a) of the previous report, States should act.")),
        ]
        let undated = try Self.graph(documents, catalog: nil)
        #expect(undated.diagnostics.contains { $0.code == "graph.unresolved" })

        let dated = try Self.graph(documents, catalog: catalog)
        #expect(dated.edge("recommendation:CTOC/COP/WG.4/2010/2:1(a)", .furtherTo, "recommendation:CTOC/COP/WG.4/2009/2:1(a)") != nil)
        #expect(!dated.diagnostics.contains { $0.code == "graph.unresolved" })
        let node = try #require(dated.node("doc:CTOC/COP/WG.4/2009/2"))
        #expect(node.date == "2009-04-21")
        #expect(node.catalog?.filled == ["date"])
    }

    @Test("facts stored without the catalogue (an older index) still get its dates when the graph is built")
    func datesAtBuildTime() throws {
        var catalog = Catalog()
        var record = CatalogRecord(source: CatalogEvidence(file: "wg4.xml", record: 1, line: 3))
        record.symbol = "CTOC/COP/WG.4/2009/2"
        record.date = "2009-04-21"
        catalog.add([record], from: "wg4.xml", format: .marcxml)
        let parser = try GraphFixture.parser()
        var builder = GraphBuilder(catalog: catalog)
        let source = try InputReader().decode(Array(Self.report(recommendations: "(a) States act.").utf8), name: "doc1.txt")
        builder.add(FactExtractor.facts(of: parser.parse(source, symbol: "CTOC/COP/WG.4/2009/2"), file: "doc1.txt"))
        let node = try #require(builder.finish().node("doc:CTOC/COP/WG.4/2009/2"))
        #expect(node.date == "2009-04-21")
        #expect(node.external == false)
        #expect(node.catalog?.filled == ["date"])
    }

    @Test("a graph read from a file gets the catalogue's labels and dates too")
    func annotateLoadedGraph() throws {
        let data = try DocumentJSON.encode(try Self.corpusGraph(catalog: nil))
        var graph = try JSONDecoder().decode(Graph.self, from: data)
        NodeCatalog.annotate(&graph, from: try Self.sampleCatalog())
        #expect(graph.node("doc:E/CN.15/2005/1")?.label == "Provisional agenda and annotations")
        #expect(graph.node("doc:E/CN.15/2005/1")?.date == "2005-03-07")
    }

    // MARK: - JSON contracts

    @Test("graph, trace and document JSON with catalogue data validate against their schemas")
    func schemasWithCatalogueData() throws {
        let catalog = try Self.sampleCatalog()
        let graph = try Self.corpusGraph(catalog: catalog)
        #expect(graph.nodes.contains { $0.catalog?.related != nil })
        let graphErrors = try Self.schema("undoc.graph-1.schema.json").validate(DocumentJSON.encode(graph))
        #expect(graphErrors.isEmpty, "\(graphErrors.prefix(5).map(\.description))")

        let tracer = Tracer(graph: graph)
        let root = try tracer.resolve("CTOC/COP/WG.4/2009/2")
        let trace = tracer.trace(root, direction: .both, depth: 5)
        #expect(trace.root.catalog != nil)
        let traceErrors = try Self.schema("undoc.trace-1.schema.json").validate(DocumentJSON.encode(trace))
        #expect(traceErrors.isEmpty, "\(traceErrors.prefix(5).map(\.description))")

        let documentSchema = try Self.schema("undoc.document-1.schema.json")
        let text = try String(contentsOf: GraphFixture.root.appendingPathComponent("Corpus/003_d14f16574e34a7cb.txt"), encoding: .utf8)
        let source = try InputReader().decode(Array(text.utf8), name: "Corpus/003_d14f16574e34a7cb.txt")
        var document = try GraphFixture.parser().parse(source, symbol: "E/CN.15/2005/8")
        #expect(CatalogEnricher.enrich(&document, from: catalog))
        var documentErrors = try documentSchema.validate(DocumentJSON.encode(document))
        #expect(documentErrors.isEmpty, "\(documentErrors.prefix(5).map(\.description))")

        // A bare text: every metadata field the catalogue can fill is filled, with every record field set.
        var full = try #require(catalog.record(for: "CTOC/COP/WG.4/2010/L.1/Add.1"))
        full.otherSymbols = ["CTOC/COP/WG.4/2010/L.1/Add.1/Corr.1"]
        full.variantTitles = ["Projet de rapport"]
        full.dateText = "2010"
        full.actionDate = "2010-01-29"
        full.agenda[0].subitem = "a"
        full.agenda[0].subject = "TRAFFICKING IN PERSONS"
        var fullCatalog = Catalog()
        fullCatalog.add([full], from: "full.xml", format: .marcxml)
        let bare = try InputReader().decode(Array("1. The Working Group met.\n".utf8), name: "bare.txt")
        var enriched = try GraphFixture.parser().parse(bare, symbol: "CTOC/COP/WG.4/2010/L.1/Add.1")
        CatalogEnricher.enrich(&enriched, from: fullCatalog)
        // (The parser knows the body from the symbol's prefix, so bodyPrefix is the text's.)
        #expect(enriched.catalog?.filled == ["title", "issueDate", "agendaItem", "agendaSymbol"])
        documentErrors = try documentSchema.validate(DocumentJSON.encode(enriched))
        #expect(documentErrors.isEmpty, "\(documentErrors.prefix(5).map(\.description))")

        // The contract is strict: an unknown "filled" value is rejected.
        var object = try #require(try JSONSerialization.jsonObject(with: DocumentJSON.encode(enriched)) as? [String: Any])
        var annotation = try #require(object["catalog"] as? [String: Any])
        annotation["filled"] = ["subjects"]
        object["catalog"] = annotation
        #expect(!documentSchema.validate(jsonObject: object).isEmpty)
    }

    @Test("catalogue JSON validates against Schemas/undoc.catalog-1.schema.json, with conflicts and diagnostics")
    func catalogSchema() throws {
        let schema = try Self.schema("undoc.catalog-1.schema.json")
        var catalog = try Self.sampleCatalog()
        // A second, malformed export that also catalogues one of the sample's symbols.
        let broken = #"""
            <collection xmlns="http://www.loc.gov/MARC21/slim"><record><controlfield tag="001">999</controlfield>
            <datafield tag="191" ind1=" " ind2=" "><subfield code="a">E/CN.15/2005/8</subfield></datafield>
            <datafield tag="269" ind1=" " ind2=" "><subfield code="a">2005</subfield></datafield></record>
            <record><datafield tag="245" ind1=" " ind2=" "><subfield code="a">Unfinished
            """#
        let result = try MARCReader.read(bytes: Array(broken.utf8), name: "broken.xml")
        catalog.add(result.records, from: "broken.xml", format: .marcxml, diagnostics: result.diagnostics)
        let codes = Set(catalog.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["catalog.conflict", "marc.date", "marc.malformed", "marc.incomplete", "marc.noSymbol"]))
        let data = try DocumentJSON.encode(catalog)
        let errors = try schema.validate(data)
        #expect(errors.isEmpty, "\(errors.prefix(5).map(\.description))")
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["generator"] = "undoc"
        #expect(!schema.validate(jsonObject: object).isEmpty)
    }
}
