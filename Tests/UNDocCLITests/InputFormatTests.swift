import Foundation
import Testing

/// `undoc parse` on PDF and HTML input: format from content, `--input-format`,
/// `--pdftotext`, `--pdftotext-timeout`, and bad inputs that fail alone. The PDF tests run
/// pdftotext (poppler-utils), which CI installs.
@Suite("undoc parse: PDF and HTML input")
struct InputFormatTests {
    static let pdf = "Corpus/pdf/002_02cf9ff3ef13c05f.pdf"

    @Test("a corpus PDF gives the model of its text, with the symbol from the masthead")
    func parsesPDF() throws {
        let result = try CLI.run(["parse", "--format", "text", Self.pdf])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Corpus/pdf/002_02cf9ff3ef13c05f.pdf  CTOC/COP/2006/14"))
        #expect(result.stdout.contains("paragraphs: 134 (1-134)"))
        #expect(result.stdout.contains("decisions: 3/1, 3/2, 3/3, 3/4"))
        #expect(result.stdout.contains("footnotes: 12, 12 linked to their markers"))
        let json = try CLI.run(["parse", Self.pdf])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["source"] as? [String: Any])?["format"] as? String == "pdf")
        #expect(object?["symbol"] as? String == "CTOC/COP/2006/14")
    }

    @Test("a PDF converted while undoc starts up gives the same JSON as one converted after")
    func earlyConversionGivesTheSameJSON() throws {
        // pdftotext starts from `main` only when no --pdftotext is given; naming the same
        // executable makes the command run its own.
        let early = try CLI.run(["parse", "Corpus/pdf/001_caccf940e690384d.pdf"])
        let tool = try #require(["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/bin/pdftotext"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }, "pdftotext (poppler-utils) is installed")
        let own = try CLI.run(["parse", "--pdftotext", tool, "Corpus/pdf/001_caccf940e690384d.pdf"])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(own.status == 0, "\(own.stderr)")
        #expect(early.stdout == own.stdout)
        #expect(early.stdout.contains("\"symbol\" : \"CTOC/COP/WG.4/2010/L.1/Add.1\""))
    }

    @Test("a missing pdftotext fails that file alone, naming the package; the others are written")
    func missingPdftotext() throws {
        let result = try CLI.run(["parse", "--pdftotext", "/nonexistent/pdftotext", Self.pdf,
                                  "Corpus/001_caccf940e690384d.txt"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("\r") && !$0.contains("parsed ") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains(Self.pdf) == true)
        #expect(lines.first?.contains("apt-get install poppler-utils") == true)
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
        #expect(array?.count == 1)
    }

    @Test("bad PDFs fail one by one with their own message and exit 1; the good files are written")
    func badPDFsInARun() throws {
        let fixtures = "Tests/UNDocIngestTests/Fixtures"
        let result = try CLI.run(["parse", "--jobs", "2", "Corpus/pdf/001_caccf940e690384d.pdf", "\(fixtures)/encrypted.pdf",
                                  "\(fixtures)/scanned.pdf", "\(fixtures)/no-pages.pdf", "Corpus/003_d14f16574e34a7cb.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("encrypted.pdf: is an encrypted PDF that needs a password"))
        #expect(result.stderr.contains("scanned.pdf: is a PDF with no text layer"))
        #expect(result.stderr.contains("OCR it first"))
        #expect(result.stderr.contains("no-pages.pdf: is a PDF with no pages"))
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(array?.count == 2)
        #expect(array?.compactMap { ($0["source"] as? [String: Any])?["format"] as? String } == ["pdf", "text"])
    }

    @Test("--pdftotext-timeout kills a pdftotext that hangs")
    func timeout() throws {
        let directory = try CLI.temporaryDirectory()
        let script = directory.appendingPathComponent("slow-pdftotext")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let result = try CLI.run(["parse", "--pdftotext", script.path, "--pdftotext-timeout", "1", Self.pdf])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did not finish within 1 s"))
        #expect(result.stdout.isEmpty)
    }

    @Test("--input-format overrides the content: HTML source read as text")
    func inputFormat() throws {
        let directory = try CLI.temporaryDirectory()
        let page = directory.appendingPathComponent("page.txt")
        try Data("<html><body><p>1. First paragraph.</p><p>2. Second.</p></body></html>".utf8).write(to: page)
        let html = try CLI.run(["parse", "--format", "text", page.path])
        #expect(html.status == 0)
        #expect(html.stdout.contains("paragraphs: 2 (1-2)"))
        let text = try CLI.run(["parse", "--input-format", "text", page.path])
        #expect(text.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(text.stdout.utf8)) as? [String: Any]
        #expect((object?["source"] as? [String: Any])?["format"] as? String == "text")
        let wrong = try CLI.run(["parse", "--input-format", "pdf", page.path])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("--input-format"))
        let notWord = try CLI.run(["parse", "--input-format", "docx", page.path])
        #expect(notWord.status == 1)
        #expect(notWord.stderr.contains("not a Word document (not a ZIP archive)"))
        let invalid = try CLI.run(["parse", "--input-format", "odt", page.path])
        #expect(invalid.status == 2)
    }

    @Test("a PDF on standard input is read through a temporary file")
    func standardInput() throws {
        let data = try Data(contentsOf: CLI.repositoryRoot.appendingPathComponent("Corpus/pdf/001_caccf940e690384d.pdf"))
        let result = try CLI.run(["parse", "--format", "text", "-"], input: data)
        let text = result.stdout
        #expect(result.status == 0)
        #expect(text.hasPrefix("<stdin>  CTOC/COP/WG.4/2010/L.1/Add.1"))
    }
}

/// `undoc parse` on Word documents: a corpus DOCX gives the model of its text; a .docx that
/// is not one, or is damaged, fails alone with one line naming it.
@Suite("undoc parse: DOCX input")
struct DOCXInputTests {
    static let docx = "Corpus/docx/002_02cf9ff3ef13c05f.docx"

    @Test("a corpus DOCX gives the model of its text: Word list numbers, decisions, linked footnotes")
    func parsesDOCX() throws {
        let result = try CLI.run(["parse", "--format", "text", "--symbol", "CTOC/COP/2006/14", Self.docx])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("Corpus/docx/002_02cf9ff3ef13c05f.docx  CTOC/COP/2006/14"))
        #expect(result.stdout.contains("paragraphs: 134 (1-134)"))
        #expect(result.stdout.contains("decisions: 3/1, 3/2, 3/3, 3/4"))
        #expect(result.stdout.contains("footnotes: 12, 12 linked to their markers"))
        let json = try CLI.run(["parse", Self.docx])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["source"] as? [String: Any])?["format"] as? String == "docx")
    }

    @Test("a .docx that is not a ZIP archive, and a truncated one, fail alone with one line each; the others are written")
    func badDOCXInARun() throws {
        let directory = try CLI.temporaryDirectory()
        let notZip = directory.appendingPathComponent("minutes.docx")
        try Data("1. Text saved under a Word name.".utf8).write(to: notZip)
        let original = try Data(contentsOf: CLI.repositoryRoot.appendingPathComponent(Self.docx))
        let truncated = directory.appendingPathComponent("truncated.docx")
        try original.prefix(original.count / 2).write(to: truncated)
        let result = try CLI.run(["parse", "--jobs", "2", "Corpus/docx/001_caccf940e690384d.docx", notZip.path,
                                  truncated.path, "Corpus/003_d14f16574e34a7cb.txt"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("\r") && !$0.contains("parsed ") }
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("undoc: \(notZip.path): is named as a Word document but is not one: it is not a ZIP archive") })
        #expect(lines.contains { $0.hasPrefix("undoc: \(truncated.path): is a damaged Word document: its ZIP directory is missing") })
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(array?.compactMap { ($0["source"] as? [String: Any])?["format"] as? String } == ["docx", "text"])
    }

    @Test("a DOCX on standard input is told from its content")
    func standardInput() throws {
        let data = try Data(contentsOf: CLI.repositoryRoot.appendingPathComponent("Corpus/docx/001_caccf940e690384d.docx"))
        let result = try CLI.run(["parse", "-"], input: data)
        let json = Data(result.stdout.utf8)
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect((object?["source"] as? [String: Any])?["format"] as? String == "docx")
        #expect((object?["paragraphs"] as? [Any])?.count == 10)
    }
}
