import Foundation
import Testing
@testable import UNDocIngest
import UNDocModel

/// UN Digital Library MARCXML through libxml2's SAX2 push parser: fields, bad XML, and
/// files that try to make the parser read or expand what is not in them.
@Suite("MARCXML input")
struct MARCReaderTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = repositoryRoot.appendingPathComponent("Corpus/catalog/undl-sample.xml").path

    /// A MARCXML collection of the records given, in the MARC 21 slim namespace.
    static func collection(_ records: String, namespace: Bool = true, prologue: String = "") -> [UInt8] {
        let open = namespace ? #"<collection xmlns="http://www.loc.gov/MARC21/slim">"# : "<collection>"
        return Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8) + Array("\n\(prologue)\(open)\n\(records)\n</collection>\n".utf8)
    }

    static func field(_ tag: String, ind1: String = " ", _ subfields: [(String, String)]) -> String {
        let inner = subfields.map { #"<subfield code="\#($0.0)">\#($0.1)</subfield>"# }.joined()
        return #"<datafield tag="\#(tag)" ind1="\#(ind1)" ind2=" ">\#(inner)</datafield>"#
    }

    static func read(_ bytes: [UInt8]) throws -> MARCReadResult {
        try MARCReader.read(bytes: bytes, name: "test.xml")
    }

    // MARK: - Fields

    @Test("the sample's records: symbol, title, date, agenda, subjects, related, author, type, links")
    func sampleFields() throws {
        let result = try MARCReader.read(path: Self.sample)
        #expect(result.isComplete)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.records.map(\.symbol) == [
            "CTOC/COP/WG.4/2010/L.1/Add.1", "CTOC/COP/2006/14", "E/CN.15/2005/8", "A/RES/55/25", "CTOC/COP/WG.4/2009/2",
            "E/CN.15/2005/1",
        ])
        let addendum = try #require(result.records.first)
        #expect(addendum.id == "674801")
        #expect(addendum.title == "Draft report: addendum")
        #expect(addendum.date == "2010-01-28")
        #expect(addendum.bodyPrefix == "CTOC/COP/WG.4")
        #expect(addendum.session == "2010")
        #expect(addendum.agenda == [CatalogAgendaItem(
            symbol: "CTOC/COP/WG.4/2010/1", item: "2",
            title: "Implementation of the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime, including national and regional efforts")])
        #expect(addendum.subjects == ["TRAFFICKING IN PERSONS", "TREATY IMPLEMENTATION"])
        #expect(addendum.related == [CatalogRelatedDocument(symbol: "CTOC/COP/WG.4/2010/L.1", relation: "Draft report", indicator: "2")])
        #expect(addendum.authors == ["UN. Conference of the Parties to the United Nations Convention against Transnational Organized Crime. Working Group on Trafficking in Persons"])
        #expect(addendum.documentType == "Draft reports")
        #expect(addendum.links.first?.hasSuffix("CTOC_COP_WG.4_2010_L.1_Add.1-EN.pdf") == true)
        #expect(addendum.source == CatalogEvidence(file: Self.sample, record: 1, line: 13))

        let resolution = try #require(result.records.first { $0.symbol == "A/RES/55/25" })
        #expect(resolution.date == "2001-01-08")
        #expect(resolution.actionDate == "2000-11-15")
        #expect(resolution.related.map(\.symbol) == ["A/55/383", "A/55/PV.62"])
        #expect(resolution.related.map(\.indicator) == ["2", "4"])
        #expect(resolution.documentType == "General Assembly Resolutions")
    }

    @Test("repeatable fields: several symbols, subjects, agenda items and related documents, in order")
    func repeatableFields() throws {
        let record = "<record>"
            + Self.field("191", [("a", "A/61/583"), ("b", "A/"), ("c", "61")])
            + Self.field("191", [("a", "S/2006/890"), ("b", "S/")])
            + Self.field("191", [("z", "A/61/583 ")])  // the same symbol again: listed once
            + Self.field("245", [("a", "Identical letters :"), ("b", "note /"), ("c", "Secretary-General")])
            + Self.field("246", [("a", "Letters dated 9 November 2006")])
            + Self.field("650", [("a", "PEACEBUILDING")]) + Self.field("650", [("a", "PEACEBUILDING")])
            + Self.field("650", [("a", "SIERRA LEONE")])
            + Self.field("991", [("a", "A/61/250"), ("b", "71"), ("c", "b"), ("d", "Human rights questions")])
            + Self.field("991", [("a", "S/59"), ("b", "[89]"), ("c", "The situation in Sierra Leone."), ("d", "SIERRA LEONE SITUATION")])
            + Self.field("993", ind1: "4", [("a", "S/PV.5571")]) + Self.field("993", [("a", "A/61/PV.60"), ("2", "Meeting record")])
            + Self.field("710", [("a", "UN."), ("b", "Secretary-General.")])
            + "</record>"
        let record0 = try #require(try Self.read(Self.collection(record)).records.first)
        #expect(record0.symbol == "A/61/583")
        #expect(record0.otherSymbols == ["S/2006/890"])
        #expect(record0.bodyPrefix == "A")
        #expect(record0.title == "Identical letters: note")
        #expect(record0.variantTitles == ["Letters dated 9 November 2006"])
        #expect(record0.subjects == ["PEACEBUILDING", "SIERRA LEONE"])
        #expect(record0.agenda.count == 2)
        #expect(record0.agenda[0].number == "71(b)")
        #expect(record0.agenda[0].title == "Human rights questions")
        // Older records: the title in $c, a subject heading in $d.
        #expect(record0.agenda[1].title == "The situation in Sierra Leone")
        #expect(record0.agenda[1].subject == "SIERRA LEONE SITUATION")
        #expect(record0.related == [
            CatalogRelatedDocument(symbol: "S/PV.5571", indicator: "4"),
            CatalogRelatedDocument(symbol: "A/61/PV.60", relation: "Meeting record"),
        ])
        #expect(record0.authors == ["UN. Secretary-General"])
    }

    @Test("missing fields stay empty; a record without a symbol is kept and counted")
    func missingFields() throws {
        let records = "<record>" + Self.field("245", [("a", "Yearbook of the United Nations")]) + "</record>"
            + "<record>" + Self.field("191", [("a", "E/2002/68")]) + "</record>"
        let result = try Self.read(Self.collection(records))
        #expect(result.records.count == 2)
        #expect(result.records[0].symbol == nil)
        #expect(result.records[0].title == "Yearbook of the United Nations")
        let bare = result.records[1]
        #expect(bare.symbol == "E/2002/68")
        #expect(bare.id == nil && bare.title == nil && bare.date == nil && bare.bodyPrefix == nil)
        #expect(bare.agenda.isEmpty && bare.subjects.isEmpty && bare.related.isEmpty && bare.links.isEmpty)
        #expect(result.isComplete)
        #expect(result.diagnostics.map(\.code) == ["marc.noSymbol"])
    }

    @Test("dates as YYYY-MM-DD and YYYYMMDD; a partial or impossible date is kept as text, with a warning",
          arguments: [
              ("2010-01-28", "2010-01-28", nil), ("20061222", "2006-12-22", nil), ("2005-03-29T00:00:00Z", "2005-03-29", nil),
              ("2005", nil, "2005"), ("20050231", nil, "20050231"), ("2004-02-29", "2004-02-29", nil),
          ] as [(String, String?, String?)])
    func dates(text: String, iso: String?, kept: String?) throws {
        let record = "<record>" + Self.field("191", [("a", "A/1")]) + Self.field("269", [("a", text)]) + "</record>"
        let result = try Self.read(Self.collection(record))
        #expect(result.records.first?.date == iso)
        #expect(result.records.first?.dateText == kept)
        #expect(result.diagnostics.contains { $0.code == "marc.date" } == (kept != nil))
    }

    @Test("MARC without a namespace, and with a prefix, read alike; OAI-PMH's own <record> is not a MARC record")
    func namespaces() throws {
        let record = "<record>" + Self.field("191", [("a", "A/RES/55/25")]) + "</record>"
        #expect(try Self.read(Self.collection(record, namespace: false)).records.map(\.symbol) == ["A/RES/55/25"])
        let prefixed = #"""
            <marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:record>
            <marc:datafield tag="191" ind1=" " ind2=" "><marc:subfield code="a">A/RES/55/25</marc:subfield></marc:datafield>
            </marc:record></marc:collection>
            """#
        #expect(try Self.read(Array(prefixed.utf8)).records.map(\.symbol) == ["A/RES/55/25"])
        let oai = #"""
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header><identifier>oai:1</identifier></header>
            <metadata><record xmlns="http://www.loc.gov/MARC21/slim"><controlfield tag="001">1</controlfield>
            <datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/55/383</subfield></datafield></record></metadata>
            </record></ListRecords></OAI-PMH>
            """#
        let result = try Self.read(Array(oai.utf8))
        #expect(result.records.map(\.symbol) == ["A/55/383"])
        #expect(result.records.first?.id == "1")
    }

    @Test("symbols and values are cleaned: stray spaces, predefined entities and character references")
    func cleaning() throws {
        let record = "<record>" + Self.field("191", [("a", "  E/CN.15/2005/ 8 ")])
            + Self.field("245", [("a", "Crime prevention &amp; criminal justice : caf&#233; &#x2014; report.")]) + "</record>"
        let result = try #require(try Self.read(Self.collection(record)).records.first)
        #expect(result.symbol == "E/CN.15/2005/8")
        // ISBD punctuation inside a subfield is the cataloguer's text; only the end is cleaned.
        #expect(result.title == "Crime prevention & criminal justice : café — report")
    }

    // MARK: - Bad input

    @Test("malformed XML: libxml2's errors become diagnostics and the records it recovers are kept")
    func malformed() throws {
        let text = #"""
            <collection xmlns="http://www.loc.gov/MARC21/slim">
            <record><datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/3</subfield></datafield>
            <datafield tag="245" ind1=" " ind2=" "><subfield code="a">Broken <b>title</subfield></datafield></record>
            <record><datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/4</subfield></datafield>
            """#
        let result = try Self.read(Array(text.utf8))
        #expect(result.records.map(\.symbol) == ["A/3", "A/4"])
        #expect(result.records.first?.title == "Broken title")
        #expect(!result.isComplete)
        #expect(result.diagnostics.contains { $0.code == "marc.xml" && $0.message.contains("mismatch") && $0.line == 3 })
        #expect(result.diagnostics.contains { $0.code == "marc.incomplete" && $0.message.contains("A/4") })
        let summary = try #require(result.diagnostics.first { $0.code == "marc.malformed" })
        #expect(summary.severity == .error)
        #expect(summary.message.contains("recovered 2 records"))
        #expect(result.diagnostics.allSatisfy { $0.file == "test.xml" })
    }

    @Test("a truncated export keeps every record before the cut")
    func truncated() throws {
        let full = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        let cut = [UInt8](full.prefix(full.count * 2 / 3))
        let result = try Self.read(cut)
        #expect(result.records.count >= 3)
        #expect(result.records.prefix(3).map(\.symbol) == ["CTOC/COP/WG.4/2010/L.1/Add.1", "CTOC/COP/2006/14", "E/CN.15/2005/8"])
        #expect(!result.isComplete)
    }

    @Test("no record: an empty collection, an HTML page, not XML at all, an empty file, gzip data — each a clear error")
    func noRecords() throws {
        let cases: [([UInt8], String)] = [
            (Self.collection(""), "the <collection> holds no <record>"),
            (Array("<!DOCTYPE html><html><body><p>Search results<br></body></html>".utf8), "it is an HTML page"),
            (Array("{\"records\": []}".utf8), "not well-formed XML"),
            ([], "the file is empty"),
            (Array(#"<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>"#.utf8), "no <record> element"),
        ]
        for (bytes, reason) in cases {
            #expect {
                try Self.read(bytes)
            } throws: { error in
                guard let error = error as? MARCError, case .noRecords(let file, let message, _) = error else { return false }
                return file == "test.xml" && message.contains(reason) && error.description.hasPrefix("test.xml: no MARC record found")
            }
        }
        #expect(throws: MARCError.compressed(file: "test.xml", kind: "gzip")) { try Self.read([0x1F, 0x8B, 0x08, 0x00]) }
        #expect(throws: MARCError.notFound(file: "/nonexistent/x.xml")) { try MARCReader.read(path: "/nonexistent/x.xml") }
    }

    @Test("an external entity is never read: XXE declared in the DOCTYPE, reported, its reference left out")
    func externalEntity() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("undoc-marc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let secret = directory.appendingPathComponent("secret.txt")
        try Data("SECRET-SENTINEL-7731".utf8).write(to: secret)
        let dtd = directory.appendingPathComponent("evil.dtd")
        try Data(#"<!ENTITY y "FROM-THE-DTD">"#.utf8).write(to: dtd)
        let records = "<record>" + Self.field("191", [("a", "A/1")]) + Self.field("245", [("a", "Title &x; &y; end")]) + "</record>"
        let attempts = [
            #"<!DOCTYPE collection [ <!ENTITY x SYSTEM "file://\#(secret.path)"> ]>"#,
            #"<!DOCTYPE collection [ <!ENTITY % p SYSTEM "file://\#(dtd.path)"> %p; <!ENTITY x SYSTEM "\#(secret.path)"> ]>"#,
            #"<!DOCTYPE collection SYSTEM "file://\#(dtd.path)">"#,
            #"<!DOCTYPE collection [ <!ENTITY x SYSTEM "http://127.0.0.1:9/secret"> ]>"#,
        ]
        for prologue in attempts {
            let result = try Self.read(Self.collection(records, prologue: prologue + "\n"))
            let record = try #require(result.records.first)
            #expect(record.title == "Title end", "\(prologue)")
            let everything = String(decoding: try DocumentJSON.encode(result.records), as: UTF8.self)
                + result.diagnostics.map(\.message).joined()
            #expect(!everything.contains("SECRET-SENTINEL"), "\(prologue)")
            #expect(!everything.contains("FROM-THE-DTD"), "\(prologue)")
            #expect(!result.isComplete)
            #expect(result.diagnostics.contains { $0.code == "marc.entity" && ($0.message.contains("&x;") || $0.message.contains("&y;")) })
        }
        let declared = try Self.read(Self.collection(records, prologue: attempts[0] + "\n"))
        #expect(declared.diagnostics.contains {
            $0.code == "marc.entity" && $0.severity == .error && $0.message.contains("declares the external entity 'x'")
        })
    }

    @Test("billion laughs: the entities are not expanded and the file is read at once")
    func billionLaughs() throws {
        var declarations = #"<!ENTITY lol0 "lollollollollollollollollollol">"#
        for level in 1...12 {
            declarations += "\n<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let records = "<record>" + Self.field("191", [("a", "A/2")]) + Self.field("245", [("a", "&lol12;")])
            + Self.field("650", [("a", "&lol11;&lol11;")]) + "</record>"
        let started = Date()
        let result = try Self.read(Self.collection(records, prologue: "<!DOCTYPE collection [\n\(declarations)\n]>\n"))
        #expect(Date().timeIntervalSince(started) < 2)
        let record = try #require(result.records.first)
        #expect(record.symbol == "A/2")
        #expect(record.title == nil)
        #expect(record.subjects.isEmpty)
        #expect(result.diagnostics.filter { $0.code == "marc.entity" }.count <= MARCParseState.diagnosticLimit + 1)
        #expect(result.diagnostics.contains { $0.message.contains("8 more entity declarations, none expanded") })
        #expect(!result.isComplete)
    }

    @Test("a large export is streamed: 20,000 records in chunks, the last one read")
    func streaming() throws {
        let one = "<record><controlfield tag=\"001\">N</controlfield>" + Self.field("191", [("a", "A/RES/60/N")])
            + Self.field("245", [("a", String(repeating: "Long title ", count: 10))]) + "</record>\n"
        var records = ""
        for index in 1...20_000 { records += one.replacingOccurrences(of: "N", with: String(index)) }
        let bytes = Self.collection(records)
        #expect(bytes.count > 3 * MARCReader.chunkSize)
        let result = try Self.read(bytes)
        #expect(result.records.count == 20_000)
        #expect(result.records.last?.symbol == "A/RES/60/20000")
        #expect(result.records.last?.source.line == 20_002)
        #expect(result.isComplete)
    }
}

/// Merging catalogue files and looking symbols up.
@Suite("catalogue")
struct CatalogTests {
    static func record(_ id: String?, _ symbol: String, title: String? = nil, date: String? = nil, file: String = "a.xml",
                       index: Int = 1) -> CatalogRecord {
        var record = CatalogRecord(source: CatalogEvidence(file: file, record: index, line: index * 10))
        record.id = id
        record.symbol = symbol
        record.title = title
        record.date = date
        return record
    }

    @Test("lookups ignore case and spaces; the other symbols of a record find it too")
    func lookup() {
        var catalog = Catalog()
        var joint = Self.record("1", "A/61/583", title: "Letters")
        joint.otherSymbols = ["S/2006/890"]
        catalog.add([joint, Self.record("2", "CTOC/COP/WG.4/2010/L.1/Add.1")], from: "a.xml", format: .marcxml)
        #expect(catalog.record(for: "a/61/583")?.id == "1")
        #expect(catalog.record(for: "S/2006/890")?.id == "1")
        #expect(catalog.record(for: "CTOC/COP/WG.4/2010/L.1/ADD.1 ")?.id == "2")
        #expect(catalog.record(for: "A/61/584") == nil)
    }

    @Test("merging: a record met twice is kept once; two records of one symbol are both kept, the first used, reported")
    func merge() {
        var catalog = Catalog()
        catalog.add([Self.record("1", "A/1", title: "First", date: "2001-01-01")], from: "a.xml", format: .marcxml)
        catalog.add([Self.record("1", "A/1", title: "First", date: "2001-01-01", file: "b.xml"),
                     Self.record("9", "A/1", title: "Other", date: "2001-01-01", file: "b.xml", index: 2)],
                    from: "b.xml", format: .marcxml)
        #expect(catalog.records.map(\.id) == ["1", "9"])
        #expect(catalog.record(for: "A/1")?.title == "First")
        #expect(catalog.sources.map(\.records) == [1, 1])
        let conflict = catalog.diagnostics.first { $0.code == "catalog.conflict" }
        #expect(conflict?.severity == .warning)
        #expect(conflict?.message == "A/1 is catalogued by record 1 (a.xml:10) and by record 9 (b.xml:20), whose titles differ; the first is used")
        #expect(catalog.diagnostics.contains { $0.code == "catalog.duplicate" && $0.message.contains("already read in a.xml") })
    }

    @Test("a catalogue written as JSON reads back with the same lookups")
    func roundTrip() throws {
        let result = try MARCReader.read(path: MARCReaderTests.sample)
        var catalog = Catalog()
        catalog.add(result.records, from: "undl-sample.xml", format: .marcxml, diagnostics: result.diagnostics)
        let data = try DocumentJSON.encode(catalog)
        let decoded = try JSONDecoder().decode(Catalog.self, from: data)
        #expect(decoded.records == catalog.records)
        #expect(decoded.record(for: "e/cn.15/2005/8")?.id == "547321")
        #expect(try DocumentJSON.encode(decoded) == data)
        var wrong = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        wrong["schema"] = "undoc.graph/1"
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Catalog.self, from: try JSONSerialization.data(withJSONObject: wrong))
        }
    }

    @Test("the loader tells MARCXML from catalogue JSON by content, and names the file it cannot use")
    func loader() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("undoc-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let json = directory.appendingPathComponent("catalog.data")
        var catalog = Catalog()
        catalog.add([Self.record("7", "E/2002/68", title: "Report")], from: "x.xml", format: .marcxml)
        try DocumentJSON.encode(catalog).write(to: json)
        let loaded = try CatalogLoader.load([MARCReaderTests.sample, json.path])
        #expect(loaded.records.count == 7)
        #expect(loaded.record(for: "E/2002/68")?.title == "Report")
        #expect(loaded.record(for: "A/RES/55/25")?.id == "428303")
        let text = directory.appendingPathComponent("notes.txt")
        try Data("symbol title\n".utf8).write(to: text)
        #expect { try CatalogLoader.load([text.path]) } throws: { error in
            (error as? CatalogLoadError)?.description == "\(text.path): is neither MARCXML nor an undoc.catalog/1 JSON file (it starts with neither < nor {)"
        }
        #expect { try CatalogLoader.load([directory.appendingPathComponent("none.xml").path]) } throws: { error in
            (error as? CatalogLoadError)?.message == "no such file"
        }
    }
}

/// Metadata the text does not give, from the catalogue, marked as such.
@Suite("catalogue enrichment")
struct CatalogEnricherTests {
    static func document(symbol: String?, title: String? = nil, date: String? = nil) -> Document {
        var document = Document(source: SourceInfo(file: "x.txt", format: "text", bytes: 0, lines: 0))
        document.symbol = symbol
        document.metadata.title = title
        document.metadata.issueDate = date
        return document
    }

    static let catalog: Catalog = {
        var record = CatalogRecord(source: CatalogEvidence(file: "a.xml", record: 1, line: 3))
        record.symbol = "E/CN.15/2005/8"
        record.title = "Catalogue title"
        record.date = "2005-03-29"
        record.bodyPrefix = "E/CN.15"
        record.agenda = [CatalogAgendaItem(symbol: "E/CN.15/2005/1", item: "6", title: "International cooperation")]
        record.subjects = ["TRAFFICKING IN PERSONS"]
        var catalog = Catalog()
        catalog.add([record], from: "a.xml", format: .marcxml)
        return catalog
    }()

    @Test("fills what the text does not give, lists it in catalog.filled, and never replaces the text's values")
    func fills() {
        var bare = Self.document(symbol: "E/CN.15/2005/8")
        #expect(CatalogEnricher.enrich(&bare, from: Self.catalog))
        #expect(bare.metadata.title == "Catalogue title")
        #expect(bare.metadata.issueDate == "2005-03-29")
        #expect(bare.metadata.agendaItem == AgendaItemRef(number: "6", title: "International cooperation", provisional: false))
        #expect(bare.metadata.agendaSymbol == "E/CN.15/2005/1")
        #expect(bare.metadata.bodyPrefix == "E/CN.15")
        #expect(bare.catalog?.filled == ["title", "issueDate", "agendaItem", "agendaSymbol", "bodyPrefix"])
        #expect(bare.metadata.evidence.isEmpty)

        var printed = Self.document(symbol: "E/CN.15/2005/8", title: "Printed title", date: "2005-03-30")
        printed.metadata.agendaItem = AgendaItemRef(number: "7", title: nil, provisional: true)
        CatalogEnricher.enrich(&printed, from: Self.catalog)
        #expect(printed.metadata.title == "Printed title")
        #expect(printed.metadata.issueDate == "2005-03-30")
        #expect(printed.metadata.agendaItem?.number == "7")
        // The agenda symbol of item 6 is not the agenda of the item 7 the text prints.
        #expect(printed.metadata.agendaSymbol == nil)
        #expect(printed.catalog?.filled == ["bodyPrefix"])
        #expect(printed.catalog?.record.subjects == ["TRAFFICKING IN PERSONS"])
    }

    @Test("a document without a symbol, or with one the catalogue lacks, is left as it is")
    func noRecord() {
        var unknown = Self.document(symbol: "E/CN.15/2005/9")
        #expect(!CatalogEnricher.enrich(&unknown, from: Self.catalog))
        #expect(unknown.catalog == nil && unknown.metadata.title == nil)
        var anonymous = Self.document(symbol: nil)
        #expect(!CatalogEnricher.enrich(&anonymous, from: Self.catalog))
    }
}
