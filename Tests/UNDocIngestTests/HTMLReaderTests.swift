import Foundation
import Testing
@testable import UNDocIngest
import UNDocModel
import UNDocParser

/// HTML through libxml2's HTML parser: UN web pages and HTML exports of UN documents.
@Suite("HTML input")
struct HTMLReaderTests {
    static let page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>CTOC/COP/2006/14</title>
        <script>document.write("<p>not text</p>");</script><style>p { color: red }</style></head>
        <body>
        <nav><a href="/">Home</a> | <a href="/documents">Documents</a></nav>
        <p>Distr.: General<br>22 December 2006</p>
        <p>Original: English</p>
        <h1>Conference of the Parties to the United Nations Convention against Transnational Organized Crime</h1>
        <p>Third session<br>Vienna, 9-18 October 2006</p>
        <h2>Report of the Conference of the Parties on its third session</h2>
        <h2>I. Decisions taken by the Conference of the Parties</h2>
        <p>1. At its third session, the Conference adopted the following decisions:</p>
        <h3>Decision 3/2</h3>
        <h3>Implementation of the provisions on international cooperation</h3>
        <p>The Conference of the Parties, recalling its decision 2/6:</p>
        <p>(a) Endorses the proposal for an online directory of central authorities;<sup><a href="#fn1">1</a></sup></p>
        <p>(b) Requests the Secretariat to report on it, further to paragraph 1 above.</p>
        <p><b>Deliberations</b></p>
        <p>2. The Conference had before it the documents listed below&nbsp;and the note by the Secretariat.<sup>[2]</sup></p>
        <table><tr><th>Symbol</th><th>Title or description</th></tr>
        <tr><td>CTOC/COP/2006/12</td><td>Development of an <i>online</i> directory</td></tr></table>
        <hr>
        <p><sup>1</sup> CTOC/COP/2006/12.</p>
        <p><sup>2</sup> General Assembly resolution 55/25, annex&nbsp;I.</p>
        <footer>© United Nations</footer>
        </body></html>
        """

    static func read(_ html: String, name: String = "page.html") throws -> SourceText {
        try InputReader().decode(Array(html.utf8), name: name)
    }

    static func parse(_ source: SourceText) throws -> Document {
        DocumentParser(grammars: try ParserGrammars.builtIn()).parse(source)
    }

    @Test("headings, paragraphs, <sup> footnotes and tables become the normalised text")
    func normalisedText() throws {
        let source = try Self.read(Self.page)
        #expect(source.format == "html")
        let text = String(decoding: source.bytes, as: UTF8.self)
        #expect(text.contains("Distr.: General\n\n22 December 2006\n\n"))
        #expect(text.contains("## I. Decisions taken by the Conference of the Parties\n"))
        #expect(text.contains("central authorities;<sup>1</sup>\n"))
        #expect(text.contains("Secretariat.<sup>2</sup>\n"), "a bracketed marker [2] is a marker")
        #expect(text.contains("**Deliberations**"))
        #expect(text.contains("CTOC/COP/2006/12\tDevelopment of an online directory"))
        #expect(text.contains("---\n\n<sup>1</sup> CTOC/COP/2006/12."))
        #expect(!text.contains("not text"), "scripts are not text")
        #expect(!text.contains("Home"), "navigation is not text")
        #expect(!text.contains("color: red"))
        #expect(!text.contains("\u{A0}"))
    }

    @Test("the document model: metadata, paragraphs, decision clauses, linked footnotes, references")
    func model() throws {
        let document = try Self.parse(try Self.read(Self.page))
        #expect(document.source.format == "html")
        #expect(document.metadata.body == "Conference of the Parties to the United Nations Convention against Transnational Organized Crime")
        #expect(document.metadata.distribution == "General")
        #expect(document.metadata.issueDate == "2006-12-22")
        #expect(document.metadata.place == "Vienna")
        #expect(document.paragraphs.map(\.number) == ["1", "2"])
        #expect(document.decisions.map(\.id) == ["3/2"])
        #expect(document.decisions.first?.clauses.map(\.label) == ["a", "b"])
        #expect(document.footnotes.map(\.marker) == ["1", "2"])
        #expect(document.footnotes.allSatisfy { $0.anchors.count == 1 })
        #expect(document.references.contains { $0.kind == .paragraph && $0.target.element == "para-1" })
        #expect(document.references.contains { $0.relation == "recalling" })
    }

    @Test("malformed HTML is recovered; libxml2's complaints become diagnostics")
    func malformed() throws {
        let html = "<html><body><p>1. Broken <b>bold <i>nested</b> text <div>unclosed\n<p>2. Second paragraph.</table></body>"
        let source = try Self.read(html, name: "bad.html")
        #expect(source.diagnostics.contains { $0.code == "html.parse" && $0.message.contains("line ") })
        let document = try Self.parse(source)
        #expect(document.paragraphs.map(\.number) == ["1", "2"])
        #expect(document.diagnostics.contains { $0.code == "html.parse" }, "reader diagnostics reach the document")
    }

    @Test("external entities are never fetched and entity bombs never expanded")
    func entities() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let secret = directory.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
        let lol = "lol"
        let html = """
            <?xml version="1.0"?>
            <!DOCTYPE html [
              <!ENTITY xxe SYSTEM "file://\(secret.path)">
              <!ENTITY remote SYSTEM "http://127.0.0.1:9/undoc-must-not-fetch">
              <!ENTITY a "\(lol)\(lol)\(lol)\(lol)\(lol)\(lol)\(lol)\(lol)\(lol)\(lol)">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
              <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
              <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
              <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
            ]>
            <html xmlns="http://www.w3.org/1999/xhtml"><body>
            <p>1. The entity &xxe; and &remote; stay unread; &h; stays small.</p>
            </body></html>
            """
        let started = Date()
        let source = try Self.read(html, name: "xxe.xhtml")
        #expect(Date().timeIntervalSince(started) < 5)
        let text = String(decoding: source.bytes, as: UTF8.self)
        #expect(!text.contains("TOP-SECRET-CONTENT"))
        #expect(!text.contains("lollol"))
        #expect(source.bytes.count < 10_000)
        #expect(text.contains("1. The entity"))
        #expect(source.diagnostics.contains { $0.code == "html.entities" })
    }

    @Test("an HTML page with no text is refused")
    func noText() {
        #expect(throws: InputError.noText("an HTML page")) {
            try Self.read("<!DOCTYPE html><html><head><title>x</title></head><body><script>1</script></body></html>")
        }
    }

    @Test("Latin-1 pages follow their declared charset")
    func latin1() throws {
        var bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>C".utf8)
        bytes.append(0xF4)  // ô in Latin-1
        bytes += Array("te d'Ivoire</p></body></html>".utf8)
        let source = try InputReader().decode(bytes, name: "latin1.html")
        #expect(String(decoding: source.bytes, as: UTF8.self).contains("Côte d'Ivoire"))
    }
}
