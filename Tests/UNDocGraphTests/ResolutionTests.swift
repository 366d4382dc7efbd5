import Foundation
import Testing
import UNDocGraph
import UNDocIngest
import UNDocModel

@Suite("resolving across a corpus")
struct ResolutionTests {
    static func report(_ year: Int, recommendations: String) -> String {
        workingGroupMasthead.replacingOccurrences(of: "2011", with: String(year)) + """
            1. The Working Group met in Vienna.

            ## **Recommendations**

            2. The Working Group adopted the recommendations below.

            ### **1. Coordination**

            \(recommendations)
            """
    }

    @Test("'the previous report' is the body's latest earlier report in the corpus")
    func previousReportByDate() throws {
        let graph = try GraphFixture.graph([
            ("CTOC/COP/WG.4/2009/2", "2009-04-20", Self.report(2009, recommendations: "(a) States should cooperate.")),
            ("CTOC/COP/WG.4/2008/3", "2008-02-01", Self.report(2008, recommendations: "(a) States should report.")),
            ("CTOC/COP/WG.4/2010/2", "2010-01-28", Self.report(2010, recommendations:
                "(a) Further to recommendation 1(a) of the previous report, States should act.")),
        ])
        let edge = try #require(graph.edge("recommendation:CTOC/COP/WG.4/2010/2:1(a)", .furtherTo,
                                           "recommendation:CTOC/COP/WG.4/2009/2:1(a)"))
        #expect(edge.evidence.first?.text == "recommendation 1(a) of the previous report")
        // The target is a parsed recommendation, not an external copy.
        #expect(graph.node("recommendation:CTOC/COP/WG.4/2009/2:1(a)")?.external == false)
    }

    @Test("two earlier reports of the same date: ambiguous, naming both")
    func ambiguous() throws {
        let graph = try GraphFixture.graph([
            ("CTOC/COP/WG.4/2009/2", "2009-04-20", Self.report(2009, recommendations: "(a) States should cooperate.")),
            ("CTOC/COP/WG.4/2009/3", "2009-04-20", Self.report(2009, recommendations: "(a) States should report.")),
            ("CTOC/COP/WG.4/2010/2", "2010-01-28", Self.report(2010, recommendations:
                "(a) Noting recommendation 1(a) of the previous report, States should act.")),
        ])
        let diagnostic = try #require(graph.diagnostics.first { $0.code == "graph.ambiguous" })
        #expect(diagnostic.candidates == ["CTOC/COP/WG.4/2009/2", "CTOC/COP/WG.4/2009/3"])
        let target = try #require(graph.edges.first { $0.source == "recommendation:CTOC/COP/WG.4/2010/2:1(a)" && $0.relation == .notes })
        #expect(graph.node(target.target)?.unresolved == true)
        #expect(graph.node(target.target)?.note?.contains("CTOC/COP/WG.4/2009/2 or CTOC/COP/WG.4/2009/3") == true)
    }

    @Test("no earlier report anywhere: an unresolved node that says what is missing")
    func unresolved() throws {
        let graph = try GraphFixture.graph([
            ("CTOC/COP/WG.4/2010/2", "2010-01-28", Self.report(2010, recommendations:
                "(a) Further to recommendation 19 contained in the previous report, States should act.")),
        ])
        let edge = try #require(graph.edges.first { $0.relation == .furtherTo })
        let node = try #require(graph.node(edge.target))
        #expect(node.unresolved == true)
        #expect(node.external)
        #expect(node.note?.contains("not known") == true)
        #expect(graph.diagnostics.contains { $0.code == "graph.unresolved" })
    }

    @Test("a document cited by symbol that the corpus holds is the parsed node, not an external one")
    func citedDocumentInCorpus() throws {
        let graph = try GraphFixture.graph([
            ("CTOC/COP/2006/2", "2006-08-01", "Distr.: General\n1 August 2006\n\n1. The Secretariat reports.\n"),
            ("CTOC/COP/2006/14", "2006-12-22", "Distr.: General\n22 December 2006\n\n1. The Conference had before it a report (CTOC/COP/2006/2).\n"),
        ])
        #expect(graph.edge("doc:CTOC/COP/2006/14", .cites, "doc:CTOC/COP/2006/2") != nil)
        #expect(graph.node("doc:CTOC/COP/2006/2")?.external == false)
        #expect(graph.node("doc:CTOC/COP/2006/2")?.file == "doc1.txt")
    }

    @Test("two files with one symbol: both kept, reported")
    func duplicateSymbol() throws {
        let text = "Distr.: General\n1 August 2006\n\n1. The Secretariat reports.\n"
        let graph = try GraphFixture.graph([("CTOC/COP/2006/2", nil, text), ("CTOC/COP/2006/2", nil, text)])
        #expect(graph.diagnostics.contains { $0.code == "graph.duplicateSymbol" && $0.candidates == ["doc1.txt", "doc2.txt"] })
        #expect(graph.node("doc:CTOC/COP/2006/2") != nil)
        #expect(graph.node("doc:file:doc2.txt") != nil)
    }
}

@Suite("drafts numbered in their chapter")
struct DraftNodeTests {
    static func report(_ year: Int) -> String {
        """
        I. Matters calling for action by the Economic and Social Council

        1. The Commission recommends the approval of the following draft resolution:

        Draft resolution I

        Crime prevention in \(year)

        The Economic and Social Council,

        Recalling General Assembly resolution 55/25,

        1. Urges Member States to act.

        II. Organization of the session

        2. The Commission met in Vienna in \(year) and approved the draft (see chap. I, draft resolution I).
        """
    }

    @Test("every report's draft resolution I is a node of that report, not one node of the body")
    func draftsBelongToTheirDocument() throws {
        let graph = try GraphFixture.graph([
            ("E/CN.15/2006/20", "2006-05-01", Self.report(2006)),
            ("E/CN.15/2007/17", "2007-05-01", Self.report(2007)),
        ])
        let drafts = graph.nodes.filter { $0.kind == .decision }.map(\.id).sorted()
        #expect(drafts == ["doc:E/CN.15/2006/20#dec-draft-resolution-I", "doc:E/CN.15/2007/17#dec-draft-resolution-I"])
        let node = try #require(graph.node("doc:E/CN.15/2007/17#dec-draft-resolution-I"))
        #expect(node.label == "draft resolution I of E/CN.15/2007/17: Crime prevention in 2007")
        #expect(node.document == "doc:E/CN.15/2007/17")
        // The resolution it recalls is cited from the draft, and the report's pointer to the
        // draft reaches its node.
        #expect(graph.edges.contains { $0.source == node.id && $0.target.hasSuffix("55/25") })
        #expect(graph.edges.contains { $0.source == "doc:E/CN.15/2007/17" && $0.target == node.id })
        #expect(!graph.nodes.contains { $0.id.hasPrefix("resolution:?") })
    }

    @Test("a draft numbered as the decision it proposes is a node of its L. document; the report's adoption names the decision")
    func numberedDraftIsTheDocuments() throws {
        let draft = """
            Draft decision 3/1

            Review of implementation

            The Conference of the Parties,

            1. Decides to review implementation.
            """
        let report = """
            Decision 3/1

            Review of implementation

            The Conference of the Parties,

            1. Decides to review implementation.

            2. At its 5th meeting, the Conference adopted a revised draft decision (CTOC/COP/2006/L.6). (For the text, see decision 3/1.)
            """
        let alone = try GraphFixture.graph([("CTOC/COP/2006/L.6", "2006-10-12", draft)])
        let node = try #require(alone.node("doc:CTOC/COP/2006/L.6#dec-3/1"))
        #expect(node.label == "draft decision 3/1 of CTOC/COP/2006/L.6: Review of implementation")
        #expect(!alone.nodes.contains { $0.id == "decision:CTOC/COP:3/1" }, "a draft alone says nothing of the decision")

        let both = try GraphFixture.graph([("CTOC/COP/2006/L.6", "2006-10-12", draft), ("CTOC/COP/2006/14", "2006-12-01", report)])
        let decision = try #require(both.node("decision:CTOC/COP:3/1"))
        #expect(decision.document == "doc:CTOC/COP/2006/14")
        #expect(both.edges.filter { $0.source == decision.id && $0.relation == .publishedIn }.map(\.target) == ["doc:CTOC/COP/2006/14"])
        #expect(both.node("doc:CTOC/COP/2006/L.6#dec-3/1") != nil)
    }
}

@Suite("folders of published documents")
struct FolderSearchTests {
    @Test("a folder gives every format; a document in several formats is read once, text first")
    func formatsAndDuplicates() throws {
        let root = try GraphFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["a.txt", "pdf/a.pdf", "docx/A.docx", "b.pdf", "c.html", "d.docx", "d.pdf", "e.htm",
                     "2006/report.pdf", "2007/report.pdf", "notes.xml", "manifest.tsv", ".hidden/f.txt"]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        let found = CorpusLoader.files(in: [root.path]).map { String($0.dropFirst(root.path.count + 1)) }
        #expect(found == ["2006/report.pdf", "2007/report.pdf", "a.txt", "b.pdf", "c.html", "d.docx", "e.htm"])
        // Named one by one, every file is read.
        let named = [root.appendingPathComponent("a.txt").path, root.appendingPathComponent("pdf/a.pdf").path]
        #expect(CorpusLoader.files(in: named) == named)
    }

    @Test("the bundled corpus reads each document once, from its text")
    func bundledCorpus() throws {
        let corpus = GraphFixture.root.appendingPathComponent("Corpus").path
        let found = CorpusLoader.files(in: [corpus]).map { ($0 as NSString).lastPathComponent }
        #expect(found == ["001_caccf940e690384d.txt", "002_02cf9ff3ef13c05f.txt", "003_d14f16574e34a7cb.txt"])
    }
}

@Suite("a folder of PDFs")
struct PDFFolderTests {
    @Test("PDFs found in a folder are nodes under the symbol their masthead prints")
    func mastheadSymbols() throws {
        let folder = GraphFixture.root.appendingPathComponent("Corpus/pdf").path
        let loader = CorpusLoader(parser: try GraphFixture.parser(), reader: InputReader(), jobs: 2)
        let graph = loader.graph(of: CorpusLoader.files(in: [folder]))
        let documents = graph.nodes.filter { $0.kind == .document && !$0.external }.map(\.id).sorted()
        #expect(documents == ["doc:CTOC/COP/2006/14", "doc:CTOC/COP/WG.4/2010/L.1/Add.1", "doc:E/CN.15/2005/8"])
    }
}
