import Foundation
import Testing
@testable import UNDocIngest

/// PDFs that cannot be read give an error a user can act on. The fixtures were made with
/// reportlab (a PDF with no pages, a scanned-like PDF of filled rectangles) and qpdf (an
/// encrypted PDF with a user password).
@Suite("bad PDF input")
struct PDFBadInputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func readError(_ path: String, reader: InputReader = InputReader()) -> InputError? {
        do {
            _ = try reader.read(path: path)
            return nil
        } catch {
            return error.error
        }
    }

    @Test("an encrypted PDF needs a password")
    func encrypted() throws {
        try PDFTestSupport.requirePdftotext()
        let error = readError(Self.fixtures.appendingPathComponent("encrypted.pdf").path)
        #expect(error == .encrypted)
        #expect(error?.description.contains("encrypted PDF") == true)
    }

    @Test("a truncated PDF is refused before pdftotext quietly recovers part of it")
    func truncated() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let corpus = CorpusPDF.root.appendingPathComponent("Corpus/pdf/001_caccf940e690384d.pdf")
        let bytes = try Data(contentsOf: corpus)
        let file = directory.appendingPathComponent("truncated.pdf")
        try bytes.prefix(bytes.count / 2).write(to: file)
        #expect(readError(file.path) == .truncatedPDF)
    }

    @Test("a PDF with no pages")
    func noPages() throws {
        try PDFTestSupport.requirePdftotext()
        #expect(readError(Self.fixtures.appendingPathComponent("no-pages.pdf").path) == .noPages)
    }

    @Test("a scanned PDF without a text layer is to be OCRed first")
    func scanned() throws {
        try PDFTestSupport.requirePdftotext()
        let error = readError(Self.fixtures.appendingPathComponent("scanned.pdf").path)
        #expect(error == .noTextLayer)
        #expect(error?.description.contains("no text layer") == true)
        #expect(error?.description.contains("OCR it first") == true)
    }

    @Test("a missing pdftotext names the package to install")
    func missingTool() throws {
        let corpus = CorpusPDF.root.appendingPathComponent("Corpus/pdf/001_caccf940e690384d.pdf").path
        let onPath = InputReader(pdftotext: PDFToText(executable: "no-such-pdftotext-undoc"))
        let error = readError(corpus, reader: onPath)
        #expect(error == .toolMissing("no-such-pdftotext-undoc"))
        #expect(error?.description.contains("apt-get install poppler-utils") == true)
        let given = InputReader(pdftotext: PDFToText(executable: "/nonexistent/pdftotext"))
        #expect(readError(corpus, reader: given)?.description.contains("poppler-utils") == true)
    }

    @Test("a pdftotext that hangs is killed at the time limit")
    func timeout() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        // Not `exec`: the shell's own child must be killed too, or it would hold the pipes open.
        let slow = try PDFTestSupport.script("sleep 30; echo done", in: directory, name: "slow-pdftotext")
        let corpus = CorpusPDF.root.appendingPathComponent("Corpus/pdf/001_caccf940e690384d.pdf").path
        let started = Date()
        let error = readError(corpus, reader: InputReader(pdftotext: PDFToText(executable: slow, timeout: 0.5)))
        #expect(error == .toolTimedOut(seconds: 0.5))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(error?.description.contains("--pdftotext-timeout") == true)
    }

    @Test("a pdftotext killed by a signal, or failing, is reported")
    func killed() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let killed = try PDFTestSupport.script("kill -9 $$", in: directory, name: "killed-pdftotext")
        let failing = try PDFTestSupport.script("echo 'Syntax Error: something broke' >&2; exit 99", in: directory,
                                                name: "failing-pdftotext")
        let corpus = CorpusPDF.root.appendingPathComponent("Corpus/pdf/001_caccf940e690384d.pdf").path
        #expect(readError(corpus, reader: InputReader(pdftotext: PDFToText(executable: killed))) == .toolFailed("pdftotext was killed by signal 9"))
        let failure = readError(corpus, reader: InputReader(pdftotext: PDFToText(executable: failing)))
        #expect(failure?.description.contains("something broke") == true)
    }

    @Test("a pdftotext that writes much to both pipes does not deadlock")
    func chattyTool() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        // 1 MB on stderr before anything on stdout: a reader of stdout alone would block.
        let chatty = try PDFTestSupport.script(
            "head -c 1048576 /dev/zero | tr '\\\\0' x >&2; printf '   1.    A paragraph.\\n\\f'", in: directory,
            name: "chatty-pdftotext")
        let corpus = CorpusPDF.root.appendingPathComponent("Corpus/pdf/001_caccf940e690384d.pdf").path
        let source = try InputReader(pdftotext: PDFToText(executable: chatty, timeout: 20)).read(path: corpus)
        #expect(String(decoding: source.bytes, as: UTF8.self).contains("1. A paragraph."))
    }

    @Test("--input-format pdf on a file that is not a PDF is refused")
    func notAPDF() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let file = directory.appendingPathComponent("report.pdf")
        try Data("1. Just text.\n".utf8).write(to: file)
        guard case .formatMismatch = readError(file.path, reader: InputReader(format: .pdf)) else {
            Issue.record("text read as PDF")
            return
        }
        // Without the option the content decides: a .pdf name holding text is read as text.
        #expect(try InputReader().read(path: file.path).format == "text")
    }

    @Test("the content decides the format, not the name")
    func sniffing() throws {
        try PDFTestSupport.requirePdftotext()
        let directory = try PDFTestSupport.temporaryDirectory()
        let corpus = CorpusPDF.root.appendingPathComponent("Corpus/pdf/003_d14f16574e34a7cb.pdf")
        let renamed = directory.appendingPathComponent("report.txt")
        try FileManager.default.copyItem(at: corpus, to: renamed)
        let source = try InputReader().read(path: renamed.path)
        #expect(source.format == "pdf")
        #expect(source.printedSymbol == "E/CN.15/2005/8")
        // Bytes in memory (standard input) go through a temporary file.
        let fromMemory = try InputReader().decode([UInt8](try Data(contentsOf: corpus)), name: "<stdin>")
        #expect(fromMemory.bytes == source.bytes)
    }
}
