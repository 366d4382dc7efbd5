import Foundation
import Testing
@testable import UNDocIngest
#if canImport(Glibc)
import Glibc
#endif

/// pdftotext started before the command line is parsed: taken only for exactly the same
/// conversion, giving exactly what a run of its own gives, and killed when nobody takes it.
/// Serialized: the runs not taken are kept in one registry for the whole process.
@Suite(.serialized)
struct PDFPrelaunchTests {
    /// A copy of a corpus PDF under a path no other test converts.
    private func privateCopy(of name: String) throws -> String {
        let directory = try PDFTestSupport.temporaryDirectory()
        let copy = directory.appendingPathComponent(name)
        try FileManager.default.copyItem(at: CorpusPDF.root.appendingPathComponent("Corpus/pdf/\(name)"), to: copy)
        return copy.path
    }

    @Test("only regular files that start with %PDF- and are short enough for one run are started early")
    func candidates() throws {
        let pdf = CorpusPDF.root.appendingPathComponent("Corpus/pdf/001_caccf940e690384d.pdf").path
        let text = CorpusPDF.root.appendingPathComponent("Corpus/001_caccf940e690384d.txt").path
        #expect(PDFPrelaunch.isShortPDF(pdf))
        #expect(!PDFPrelaunch.isShortPDF(text))
        #expect(!PDFPrelaunch.isShortPDF(CorpusPDF.root.appendingPathComponent("Corpus/pdf").path))
        #expect(!PDFPrelaunch.isShortPDF("/nonexistent/file.pdf"))
        #expect(!PDFPrelaunch.isShortPDF("-"))
        #expect(!PDFPrelaunch.isShortPDF("--format"))

        let directory = try PDFTestSupport.temporaryDirectory()
        let long = directory.appendingPathComponent("long.pdf")
        var bytes = Array("%PDF-1.4\n".utf8)
        bytes += [UInt8](repeating: 0x20, count: PDFToText.shortPDFLimit)
        try Data(bytes).write(to: long)
        #expect(!PDFPrelaunch.isShortPDF(long.path), "a PDF that may be split into page ranges is converted as usual")

        // A FIFO is refused at once: opening it must not wait for a writer.
        let fifo = directory.appendingPathComponent("fifo.pdf").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(!PDFPrelaunch.isShortPDF(fifo))
    }

    @Test("the runs started early are taken once, for the same file, pdftotext and time limit, and give what runs of its own give")
    func claimedRun() throws {
        try PDFTestSupport.requirePdftotext()
        let path = try privateCopy(of: "001_caccf940e690384d.pdf")
        var converter = PDFToText()
        converter.rangesPerPDF = 1
        let tool = try #require(converter.resolvedExecutable())

        PDFPrelaunch.start(paths: ["--format", "json", path], limit: 2, converter: converter)
        #expect(PDFPrelaunch.claim(tool: tool, path: path, timeout: 5) == nil, "another time limit is another conversion")
        #expect(PDFPrelaunch.claim(tool: "/bin/cat", path: path, timeout: converter.timeout) == nil)
        let started = try #require(PDFPrelaunch.claim(tool: tool, path: path, timeout: converter.timeout))
        #expect(PDFPrelaunch.claim(tool: tool, path: path, timeout: converter.timeout) == nil, "taken once")
        #expect(started.count == 1)

        let early = try #require(started.first).wait()
        let own = try ProcessRunner.run(tool, arguments: PDFToText.arguments(path: path, pages: nil), timeout: converter.timeout)
        #expect(early.ending == .exit(0))
        #expect(early.stdout == own.stdout)
        #expect(early.stdout.count > 1000)

        // And through the reader, which takes the early run.
        PDFPrelaunch.start(paths: [path], limit: 1, converter: converter)
        let read = try InputReader(pdftotext: converter).read(path: path)
        #expect(PDFPrelaunch.claim(tool: tool, path: path, timeout: converter.timeout) == nil, "the reader took it")
        let plain = try InputReader(pdftotext: converter).read(path: path)
        #expect(read.bytes == plain.bytes)
        #expect(read.printedSymbol == plain.printedSymbol)
    }

    @Test("a PDF is started in page ranges, the PDFs sharing the cores; the reader takes them whatever its own split")
    func splitRuns() throws {
        try PDFTestSupport.requirePdftotext()
        let path = try privateCopy(of: "002_02cf9ff3ef13c05f.pdf")
        var converter = PDFToText()
        converter.rangesPerPDF = 2
        let tool = try #require(converter.resolvedExecutable())

        PDFPrelaunch.start(paths: [path], limit: 1, converter: converter)
        #expect(PDFPrelaunch.claim(tool: tool, path: path, timeout: converter.timeout)?.count == 2)

        // Two PDFs: each gets one core, and is started as one run.
        let other = try privateCopy(of: "003_d14f16574e34a7cb.pdf")
        let text = CorpusPDF.root.appendingPathComponent("Corpus/002_02cf9ff3ef13c05f.txt").path
        PDFPrelaunch.start(paths: [path, text, other], limit: 2, converter: converter)
        #expect(PDFPrelaunch.claim(tool: tool, path: path, timeout: converter.timeout)?.count == 1)
        #expect(PDFPrelaunch.claim(tool: tool, path: other, timeout: converter.timeout)?.count == 1)

        // The reader takes the early ranges, even when it would have split otherwise, and
        // gives what one run gives.
        var whole = converter
        whole.rangesPerPDF = 1
        let single = try InputReader(pdftotext: whole).read(path: path)
        PDFPrelaunch.start(paths: [path], limit: 1, converter: converter)
        let split = try InputReader(pdftotext: whole).read(path: path)
        #expect(PDFPrelaunch.claim(tool: tool, path: path, timeout: converter.timeout) == nil, "the reader took them")
        #expect(split.bytes == single.bytes)
        PDFPrelaunch.cancelUnclaimed()
    }

    @Test("nothing starts when more PDFs are given than the limit")
    func overLimit() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let marker = directory.appendingPathComponent("ran")
        let tool = try PDFTestSupport.script("touch '\(marker.path)'", in: directory, name: "marking-pdftotext")
        let first = try privateCopy(of: "001_caccf940e690384d.pdf")
        let second = try privateCopy(of: "003_d14f16574e34a7cb.pdf")
        let converter = PDFToText(executable: tool)
        PDFPrelaunch.start(paths: [first, second], limit: 1, converter: converter)
        for path in [first, second] {
            #expect(PDFPrelaunch.claim(tool: tool, path: path, timeout: converter.timeout) == nil)
        }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test("a run nobody takes is killed")
    func unclaimedRunIsKilled() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let pidFile = directory.appendingPathComponent("pid")
        let tool = try PDFTestSupport.script("echo $$ > '\(pidFile.path)'; exec sleep 30", in: directory, name: "slow-pdftotext")
        let path = try privateCopy(of: "001_caccf940e690384d.pdf")
        PDFPrelaunch.start(paths: [path], limit: 1, converter: PDFToText(executable: tool))

        var pid: pid_t?
        for _ in 0..<200 where pid == nil {
            if let text = try? String(contentsOf: pidFile, encoding: .utf8), let value = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                pid = value
            } else {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        let child = try #require(pid, "the early pdftotext started")
        #expect(kill(child, 0) == 0)
        PDFPrelaunch.cancelUnclaimed()
        var gone = false
        for _ in 0..<300 where !gone {
            gone = kill(child, 0) != 0
            if !gone { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(gone, "the early run was killed (and reaped)")
    }
}

/// Page ranges: the page count read from the file, the ranges made of it, and a count read
/// wrong in either direction still converting every page exactly once.
struct PDFPageRangeTests {
    @Test("the page count is the root /Pages node's /Count: the largest in the file")
    func pageCount() {
        func count(_ text: String) -> Int? { PDFToText.pageCount(in: Array(text.utf8)) }
        #expect(count("<< /Type /Pages /Kids [3 0 R] /Count 2 >> << /Type /Pages /Count 33 /Kids [] >>") == 33)
        #expect(count("<</Type/Pages/Count\n12/Kids[]>>") == 12)
        #expect(count("<< /Type /Catalog >>") == nil)
        #expect(count("/Count /Count") == nil)
        #expect(count("/Count 0") == 0)
    }

    @Test("pages are split into at most one range per core, of at least six pages, the last open-ended")
    func ranges() {
        typealias Range = PDFToText.PageRange
        #expect(PDFToText.pageRanges(pages: 33, parts: 2) == [Range(first: 1, last: 17), Range(first: 18, last: nil)])
        #expect(PDFToText.pageRanges(pages: 12, parts: 2) == [Range(first: 1, last: 6), Range(first: 7, last: nil)])
        #expect(PDFToText.pageRanges(pages: 24, parts: 4) == [Range(first: 1, last: 6), Range(first: 7, last: 12),
                                                              Range(first: 13, last: 18), Range(first: 19, last: nil)])
        #expect(PDFToText.pageRanges(pages: 20, parts: 4) == [Range(first: 1, last: 7), Range(first: 8, last: 14),
                                                              Range(first: 15, last: nil)],
                "no more ranges than there are six pages")
        #expect(PDFToText.pageRanges(pages: 5, parts: 2) == [nil], "a second run on five pages costs more than it saves")
        #expect(PDFToText.pageRanges(pages: 11, parts: 2) == [nil])
        #expect(PDFToText.pageRanges(pages: 500, parts: 1) == [nil])
        #expect(PDFToText.pageRanges(pages: 0, parts: 8) == [nil])
    }

    @Test("a page count read too high or too low still gives every page once", arguments: ["/Count 12 ", "/Count 60 "])
    func wrongCount(declared: String) throws {
        try PDFTestSupport.requirePdftotext()
        let path = CorpusPDF.root.appendingPathComponent("Corpus/pdf/003_d14f16574e34a7cb.pdf").path
        var converter = PDFToText()
        converter.rangesPerPDF = 2
        let real = try converter.extract(path: path, contents: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        // The same file, its bytes claiming another count: the ranges are cut where that count says.
        let claimed = try converter.extract(path: path, contents: Array(declared.utf8))
        var whole = converter
        whole.rangesPerPDF = 1
        let single = try whole.extract(path: path, contents: [])
        #expect(real == single)
        #expect(claimed == single)
    }
}
