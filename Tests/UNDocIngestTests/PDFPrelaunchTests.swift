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
        bytes += [UInt8](repeating: 0x20, count: PDFToText.splitThreshold)
        try Data(bytes).write(to: long)
        #expect(!PDFPrelaunch.isShortPDF(long.path), "a PDF that may be split into page ranges is converted as usual")
    }

    @Test("the run started early is taken once, by the same conversion, and gives what a run of its own gives")
    func claimedRun() throws {
        try PDFTestSupport.requirePdftotext()
        let path = try privateCopy(of: "001_caccf940e690384d.pdf")
        let converter = PDFToText()
        let tool = try #require(converter.resolvedExecutable())
        let arguments = PDFToText.arguments(path: path, pages: nil)

        PDFPrelaunch.start(paths: ["--format", "json", path], limit: 2, converter: converter)
        #expect(PDFPrelaunch.claim(tool: tool, arguments: arguments, timeout: 5) == nil, "another time limit is another conversion")
        #expect(PDFPrelaunch.claim(tool: "/bin/cat", arguments: arguments, timeout: converter.timeout) == nil)
        let started = try #require(PDFPrelaunch.claim(tool: tool, arguments: arguments, timeout: converter.timeout))
        #expect(PDFPrelaunch.claim(tool: tool, arguments: arguments, timeout: converter.timeout) == nil, "taken once")

        let early = started.wait()
        let own = try ProcessRunner.run(tool, arguments: arguments, timeout: converter.timeout)
        #expect(early.ending == .exit(0))
        #expect(early.stdout == own.stdout)
        #expect(early.stdout.count > 1000)

        // And through the reader, which takes the early run.
        PDFPrelaunch.start(paths: [path], limit: 1, converter: converter)
        let read = try InputReader(pdftotext: converter).read(path: path)
        #expect(PDFPrelaunch.claim(tool: tool, arguments: arguments, timeout: converter.timeout) == nil, "the reader took it")
        let plain = try InputReader(pdftotext: converter).read(path: path)
        #expect(read.bytes == plain.bytes)
        #expect(read.printedSymbol == plain.printedSymbol)
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
            #expect(PDFPrelaunch.claim(tool: tool, arguments: PDFToText.arguments(path: path, pages: nil),
                                       timeout: converter.timeout) == nil)
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
