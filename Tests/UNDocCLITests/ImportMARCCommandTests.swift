import Foundation
import GRDB
import Testing

/// `undoc import-marc` and `--catalog`, run as a user would.
@Suite("undoc import-marc and --catalog")
struct ImportMARCCommandTests {
    static let sample = "Corpus/catalog/undl-sample.xml"

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func write(_ text: String, to name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let malformed = #"""
        <collection xmlns="http://www.loc.gov/MARC21/slim">
        <record><datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/C.3/61/L.5</subfield></datafield>
        <datafield tag="245" ind1=" " ind2=" "><subfield code="a">Draft <i>resolution</subfield></datafield></record>
        """#

    @Test("the sample: undoc.catalog/1 JSON on stdout, nothing on stderr, exit 0; tsv for a quick look")
    func sample() throws {
        let result = try CLI.run(["import-marc", Self.sample])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let catalog = try Self.json(result.stdout)
        #expect(catalog["schema"] as? String == "undoc.catalog/1")
        let records = catalog["records"] as? [[String: Any]] ?? []
        #expect(records.count == 6)
        #expect(records.first?["symbol"] as? String == "CTOC/COP/WG.4/2010/L.1/Add.1")
        let tsv = try CLI.run(["import-marc", Self.sample, "--format", "tsv"])
        #expect(tsv.status == 0)
        let lines = tsv.stdout.split(separator: "\n")
        #expect(lines.first == "symbol\tdate\ttitle")
        #expect(lines.contains("CTOC/COP/2006/14\t2006-12-22\tReport of the Conference of the Parties to the United Nations Convention against Transnational Organized Crime on its 3rd session, held in Vienna from 9 to 18 October 2006"))
        #expect(lines.count == 7)
        let piped = try CLI.run(["import-marc", "-", "--format", "tsv"],
                                stdin: try String(contentsOfFile: CLI.repositoryRoot.appendingPathComponent(Self.sample).path, encoding: .utf8))
        #expect(piped.status == 0)
        #expect(piped.stdout == tsv.stdout)
    }

    @Test("a missing file and a malformed one are reported by name; the records of the rest are written; exit 1")
    func partialFailure() throws {
        let directory = try CLI.temporaryDirectory()
        let broken = try Self.write(Self.malformed, to: "broken.xml", in: directory)
        let result = try CLI.run(["import-marc", Self.sample, broken, "missing.xml", "--format", "tsv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.xml: no such file"))
        #expect(result.stderr.contains("\(broken):3: Opening and ending tag mismatch"))
        #expect(result.stderr.contains("\(broken): not well-formed XML"))
        #expect(result.stdout.contains("E/CN.15/2005/8\t2005-03-29\t"))
        #expect(result.stdout.contains("A/C.3/61/L.5\t\tDraft resolution"))
    }

    @Test("hostile XML: an external entity is not read and a billion laughs not expanded; the file is named; exit 1")
    func hostile() throws {
        let directory = try CLI.temporaryDirectory()
        let secret = try Self.write("SECRET-SENTINEL-5150", to: "secret.txt", in: directory)
        let xxe = try Self.write(#"""
            <?xml version="1.0"?>
            <!DOCTYPE collection [ <!ENTITY x SYSTEM "file://\#(secret)"> ]>
            <collection><record><datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/RES/1</subfield></datafield>
            <datafield tag="245" ind1=" " ind2=" "><subfield code="a">Leak: &x;</subfield></datafield></record></collection>
            """#, to: "xxe.xml", in: directory)
        var laughs = #"<!ENTITY a0 "ha">"#
        for level in 1...15 { laughs += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        let bomb = try Self.write(#"""
            <?xml version="1.0"?>
            <!DOCTYPE collection [\#(laughs)]>
            <collection><record><datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/RES/2</subfield></datafield>
            <datafield tag="245" ind1=" " ind2=" "><subfield code="a">&a15;</subfield></datafield></record></collection>
            """#, to: "bomb.xml", in: directory)
        let started = Date()
        let result = try CLI.run(["import-marc", xxe, bomb])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(xxe):2: the file declares the external entity 'x'"))
        #expect(result.stderr.contains("\(xxe):4: the reference &x; is left out"))
        #expect(result.stderr.contains("\(bomb):4: the reference &a15; is left out (entities are not expanded)"))
        #expect(!result.stdout.contains("SECRET-SENTINEL") && !result.stderr.contains("SECRET-SENTINEL"))
        #expect(!result.stdout.contains("haha"))
        let records = try Self.json(result.stdout)["records"] as? [[String: Any]] ?? []
        #expect(records.compactMap { $0["symbol"] as? String } == ["A/RES/1", "A/RES/2"])
        #expect(records.first?["title"] as? String == "Leak")
    }

    @Test("-o is atomic: written whole; when no file gives a record, nothing is written and an old file stays")
    func atomicOutput() throws {
        let directory = try CLI.temporaryDirectory()
        let output = directory.appendingPathComponent("catalog.json")
        let written = try CLI.run(["import-marc", Self.sample, "-o", output.path])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        let first = try Data(contentsOf: output)
        #expect(try Self.json(String(decoding: first, as: UTF8.self))["schema"] as? String == "undoc.catalog/1")

        let empty = try Self.write(#"<collection xmlns="http://www.loc.gov/MARC21/slim"></collection>"#, to: "empty.xml", in: directory)
        let page = try Self.write("<!DOCTYPE html><html><body>Not found</body></html>", to: "page.html", in: directory)
        let failed = try CLI.run(["import-marc", empty, page, "-o", output.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("\(empty): no MARC record found: the <collection> holds no <record>"))
        #expect(failed.stderr.contains("\(page): no MARC record found: it is an HTML page"))
        #expect(failed.stderr.contains("no catalogue written"))
        #expect(try Data(contentsOf: output) == first)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("usage errors are exit 2; --help describes the command")
    func usage() throws {
        #expect(try CLI.run(["import-marc"]).status == 2)
        #expect(try CLI.run(["import-marc", Self.sample, "--format", "csv"]).status == 2)
        let help = try CLI.run(["import-marc", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("MARCXML"))
        #expect(help.stdout.contains("--format"))
        #expect(help.stdout.contains("--catalog"))
        let top = try CLI.run(["--help"])
        #expect(top.stdout.contains("import-marc"))
        #expect(try CLI.run(["parse", "--help"]).stdout.contains("--catalog <file>"))
    }

    @Test("parse --catalog fills what the text does not print, marks it, and takes MARCXML or catalogue JSON")
    func parseWithCatalog() throws {
        let directory = try CLI.temporaryDirectory()
        let catalog = directory.appendingPathComponent("catalog.json").path
        #expect(try CLI.run(["import-marc", Self.sample, "-o", catalog]).status == 0)
        let bare = try Self.write("1. The Working Group met in Vienna.\n", to: "bare.txt", in: directory)
        for given in [catalog, Self.sample] {
            let result = try CLI.run(["parse", bare, "--symbol", "CTOC/COP/WG.4/2009/2", "--catalog", given])
            #expect(result.status == 0, "\(result.stderr)")
            let document = try Self.json(result.stdout)
            let metadata = document["metadata"] as? [String: Any] ?? [:]
            #expect(metadata["title"] as? String == "Report on the meeting of the Working Group on Trafficking in Persons held in Vienna on 14 and 15 April 2009")
            #expect(metadata["issueDate"] as? String == "2009-04-21")
            #expect((metadata["evidence"] as? [String: Any])?["title"] == nil)
            let annotation = document["catalog"] as? [String: Any] ?? [:]
            #expect(annotation["filled"] as? [String] == ["title", "issueDate"])
            #expect((annotation["record"] as? [String: Any])?["id"] as? String == "652417")
        }
        let printed = try CLI.run(["parse", "Corpus/003_d14f16574e34a7cb.txt", "--symbol", "E/CN.15/2005/8",
                                   "--catalog", Self.sample, "--format", "text"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("  issued: 2005-03-29\n"))
        #expect(printed.stdout.contains("  catalogue: record 547321 (Corpus/catalog/undl-sample.xml:"))
        let outline = try CLI.run(["parse", bare, "--symbol", "CTOC/COP/WG.4/2009/2", "--catalog", Self.sample, "--format", "text"])
        #expect(outline.stdout.contains("  issued: 2009-04-21 (catalogue)\n"))
        // Without a record for the symbol, the document is as without --catalog.
        let plain = try CLI.run(["parse", "Corpus/001_caccf940e690384d.txt"])
        let unmatched = try CLI.run(["parse", "Corpus/001_caccf940e690384d.txt", "--catalog", Self.sample])
        #expect(unmatched.stdout == plain.stdout)
    }

    @Test("graph --catalog labels and dates the cited documents; trace shows them; a bad --catalog is exit 2")
    func graphWithCatalog() throws {
        let result = try CLI.run(["graph", "Corpus", "--manifest", "Corpus/manifest.tsv", "--catalog", Self.sample])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let nodes = try Self.json(result.stdout)["nodes"] as? [[String: Any]] ?? []
        let previous = try #require(nodes.first { $0["id"] as? String == "doc:CTOC/COP/WG.4/2009/2" })
        #expect(previous["label"] as? String == "Report on the meeting of the Working Group on Trafficking in Persons held in Vienna on 14 and 15 April 2009")
        #expect(previous["date"] as? String == "2009-04-21")
        #expect((previous["catalog"] as? [String: Any])?["filled"] as? [String] == ["label", "date"])

        let directory = try CLI.temporaryDirectory()
        let graph = directory.appendingPathComponent("g.json").path
        #expect(try CLI.run(["graph", "Corpus", "--manifest", "Corpus/manifest.tsv", "-o", graph]).status == 0)
        let trace = try CLI.run(["trace", "A/RES/55/25", "--graph", graph, "--catalog", Self.sample])
        #expect(trace.status == 0)
        #expect(trace.stdout.hasPrefix("United Nations Convention against Transnational Organized Crime: resolution"))

        let missing = try CLI.run(["graph", "Corpus", "--catalog", "nowhere.xml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("undoc: --catalog nowhere.xml: no such file"))
        let notACatalog = try CLI.run(["graph", "Corpus", "--catalog", "Corpus/manifest.tsv"])
        #expect(notACatalog.status == 2)
        #expect(notACatalog.stderr.contains("Corpus/manifest.tsv: is neither MARCXML nor an undoc.catalog/1 JSON file"))

        // A malformed MARCXML catalogue: its problems are printed, the graph is still built (the
        // documents were all read: exit 0). Imported to JSON first, they are not printed again.
        let broken = try Self.write(Self.malformed, to: "broken.xml", in: directory)
        let direct = try CLI.run(["graph", "Corpus", "--catalog", broken, "-o", graph])
        #expect(direct.status == 0)
        #expect(direct.stderr.contains("undoc: catalogue: \(broken):3: Opening and ending tag mismatch"))
        let imported = directory.appendingPathComponent("broken.json").path
        #expect(try CLI.run(["import-marc", broken, "-o", imported]).status == 1)
        let viaJSON = try CLI.run(["graph", "Corpus", "--catalog", imported, "-o", graph])
        #expect(viaJSON.status == 0)
        #expect(viaJSON.stderr.isEmpty)
    }

    @Test("index --catalog: the stored graph has the catalogue's labels; a changed catalogue parses again")
    func indexWithCatalog() throws {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("session.db").path
        let first = try CLI.run(["index", "Corpus", "--manifest", "Corpus/manifest.tsv", "--db", db])
        #expect(first.status == 0)
        let second = try CLI.run(["index", "Corpus", "--manifest", "Corpus/manifest.tsv", "--db", db, "--catalog", Self.sample,
                                  "--format", "json"])
        #expect(second.status == 0, "\(second.stderr)")
        let report = try Self.json(second.stdout)
        #expect(report["updated"] as? Int == 3 && report["graphRebuilt"] as? Bool == true)
        let queue = try DatabaseQueue(path: db)
        let row = try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT label, date FROM nodes WHERE id = ?", arguments: ["doc:CTOC/COP/WG.4/2009/2"])
        }
        #expect(row?["label"] as String? == "Report on the meeting of the Working Group on Trafficking in Persons held in Vienna on 14 and 15 April 2009")
        #expect(row?["date"] as String? == "2009-04-21")
    }
}
