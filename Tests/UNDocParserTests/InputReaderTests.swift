import Foundation
import XCTest
import UNDocIngest
import UNDocModel
@testable import UNDocParser

/// `InputReader` on bad input: what is refused with which error, and what is repaired.
final class InputReaderTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("undoc-parser-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// The error decoding `bytes` throws, or nil.
    private func decodeError(_ bytes: [UInt8], reader: InputReader = InputReader()) -> InputError? {
        do {
            _ = try reader.decode(bytes, name: "t.txt")
            return nil
        } catch {
            return error
        }
    }

    /// The error reading `path` throws, or nil.
    private func readError(_ path: String, reader: InputReader = InputReader()) -> FileError? {
        do {
            _ = try reader.read(path: path)
            return nil
        } catch {
            return error
        }
    }

    private func write(_ bytes: [UInt8], to name: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func testEmptyInput() throws {
        XCTAssertEqual(decodeError([]), .empty)
        let path = try write([], to: "empty.txt")
        XCTAssertEqual(readError(path)?.error, .empty)
    }

    func testNULBytesAreBinary() {
        guard case .binary = decodeError(Array("Distr.: General\u{0}\u{0}".utf8)) else {
            return XCTFail("NUL bytes not refused as binary")
        }
    }

    func testInvalidUTF8IsReplacedAndReported() throws {
        let source = try InputReader().decode([0x41, 0xFF, 0x42, 0x0A, 0xC3, 0x28], name: "t.txt")
        XCTAssertEqual(String(decoding: source.bytes, as: UTF8.self), "A\u{FFFD}B\n\u{FFFD}(")
        XCTAssertEqual(source.diagnostics.map(\.code), ["input.invalidUTF8"])
        let (document, _) = try Fixture.parse("1. The Conference met in Vienna.\n")
        XCTAssertEqual(document.diagnostics("input.invalidUTF8"), [], "valid input has no such diagnostic")
        let parsed = DocumentParser(grammars: try Fixture.grammars()).parse(
            try InputReader().decode(Array("1. The Conference met in ".utf8) + [0xE9] + Array("Vienna.\n".utf8), name: "t.txt"))
        XCTAssertEqual(parsed.diagnostics("input.invalidUTF8").count, 1, "the parse keeps the reader's diagnostic")
    }

    func testLineEndsAreNormalised() throws {
        let source = try InputReader().decode(Array("Distr.: General\r\n22 December 2006\rOriginal: English\r\n".utf8), name: "t.txt")
        XCTAssertEqual(String(decoding: source.bytes, as: UTF8.self), "Distr.: General\n22 December 2006\nOriginal: English\n")
        XCTAssertFalse(source.bytes.contains(0x0D))
        XCTAssertEqual(source.lineCount, 3)
    }

    func testByteOrderMarkIsRemoved() throws {
        let source = try InputReader().decode([0xEF, 0xBB, 0xBF] + Array("Distr.: General\n".utf8), name: "t.txt")
        XCTAssertEqual(String(decoding: source.bytes, as: UTF8.self), "Distr.: General\n")
        let document = DocumentParser(grammars: try Fixture.grammars()).parse(source)
        XCTAssertEqual(document.metadata.distribution, "General", "the masthead's first line is read after the mark")
    }

    /// "1. " and `sentence` repeated to just over 10 MB, with no line break.
    private func tenMegabyteLine(_ sentence: String, then ending: String = "") -> (text: String, count: Int) {
        let count = 10 * 1_048_576 / sentence.utf8.count + 1
        var text = "1. "
        text.reserveCapacity(count * sentence.utf8.count + ending.utf8.count + 3)
        for _ in 0..<count { text += sentence }
        return (text + ending, count)
    }

    private let prose = "The Conference of the Parties considered the matter at length and took note of the views expressed. "

    func testTenMegabyteSingleLineCompletes() throws {
        // A converter that lost every line break: one 10 MB paragraph, with references at
        // the end so that recognition runs over all of it.
        let (text, _) = tenMegabyteLine(prose, then: "The Conference adopted decision 3/2 (see paragraph 1 above).")
        let source = try InputReader().decode(Array(text.utf8), name: "t.txt")
        XCTAssertGreaterThan(source.bytes.count, 10 * 1_048_576)
        XCTAssertEqual(source.lineCount, 1)
        let document = DocumentParser(grammars: try Fixture.grammars()).parse(source)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1"])
        XCTAssertEqual(document.references.map(\.kind), [.decision, .paragraph])
        XCTAssertEqual(document.references.last?.target.element, "para-1")
        XCTAssertEqual(document.references.last?.relation, "see")
    }

    func testTenMegabyteUnnumberedSingleLineCompletes() throws {
        // Without a paragraph number the line is read as masthead text.
        let (text, _) = tenMegabyteLine(prose)
        let source = try InputReader().decode(Array(text.dropFirst(3).utf8), name: "t.txt")
        let document = DocumentParser(grammars: try Fixture.grammars()).parse(source)
        XCTAssertEqual(document.paragraphs.count, 0)
        XCTAssertEqual(document.references.count, 0)
    }

    func testTenMegabyteSingleLineFullOfReferencesCompletes() throws {
        let (text, count) = tenMegabyteLine(
            "The Conference of the Parties, recalling its decision 3/2 and the report (CTOC/COP/2006/2), considered the matter (see paragraph 1 above). ")
        let source = try InputReader().decode(Array(text.utf8), name: "t.txt")
        let document = DocumentParser(grammars: try Fixture.grammars()).parse(source)
        XCTAssertEqual(document.paragraphs.count, 1)
        XCTAssertEqual(document.references(.decision).count, count)
        XCTAssertEqual(document.references(.symbol).count, count)
        XCTAssertEqual(document.references(.decision).first?.relation, "recalling")
    }

    func testDirectoryIsRefused() {
        let error = readError(scratch.path)
        XCTAssertEqual(error?.error, .isDirectory)
        XCTAssertEqual(error?.file, scratch.path)
    }

    func testMissingFileIsRefused() {
        XCTAssertEqual(readError(scratch.appendingPathComponent("no-such-report.txt").path)?.error, .notFound)
    }

    func testTruncatedPDFIsRefused() throws {
        // A PDF header and no end: read as a PDF (whatever the name), refused as truncated.
        let pdf = Array("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
        XCTAssertEqual(decodeError(pdf), .truncatedPDF)
        let path = try write(pdf, to: "report.txt")
        XCTAssertEqual(readError(path)?.error, .truncatedPDF)
    }

    func testInputOverTheLimitIsRefused() throws {
        let text = Array("Distr.: General\n22 December 2006\n".utf8)
        let reader = InputReader(maxBytes: 16)
        XCTAssertEqual(decodeError(text, reader: reader), .tooLarge(bytes: text.count, limit: 16))
        let path = try write(text, to: "large.txt")
        XCTAssertEqual(readError(path, reader: reader)?.error, .tooLarge(bytes: text.count, limit: 16))
        XCTAssertNil(decodeError(text, reader: InputReader(maxBytes: text.count)), "exactly the limit is allowed")
    }

    func testRegularFileIsRead() throws {
        let path = try write(Array("Distr.: General\n".utf8), to: "ok.txt")
        let source = try InputReader().read(path: path)
        XCTAssertEqual(source.name, path)
        XCTAssertEqual(source.info.bytes, 16)
    }
}
