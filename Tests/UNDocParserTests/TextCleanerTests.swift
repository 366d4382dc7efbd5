import XCTest
import UNDocIngest
import UNDocModel
@testable import UNDocParser

/// `TextCleaner`: markup out, footnote markers lifted out, white space collapsed, and
/// every clean offset mapped back to the exact source byte.
final class TextCleanerTests: XCTestCase {
    private func clean(_ text: String) -> (clean: CleanText, source: SourceText) {
        let source = Fixture.source(text)
        return (TextCleaner.clean([0..<source.bytes.count], in: source), source)
    }

    /// Every non-space clean byte is the source byte its offset maps to.
    private func assertMapsBack(_ clean: CleanText, _ source: SourceText,
                                file: StaticString = #filePath, line: UInt = #line) {
        for (offset, byte) in clean.bytes.enumerated() where byte != 0x20 {
            let mapped = clean.sourceOffset(offset)
            XCTAssertEqual(source.bytes[mapped], byte, "clean offset \(offset) maps to source \(mapped)", file: file, line: line)
        }
    }

    /// The source text of the clean range of `needle` (its first occurrence).
    private func sourceText(of needle: String, _ clean: CleanText, _ source: SourceText) throws -> String {
        let range = try XCTUnwrap(clean.string.range(of: needle), "\(needle) not in \(clean.string)")
        let start = clean.string.utf8.distance(from: clean.string.startIndex, to: range.lowerBound)
        let end = start + needle.utf8.count
        return source.text(clean.sourceSpan(start..<end, in: source))
    }

    /// The eight-byte test of a plain run agrees with the byte rules on every kind of byte.
    func testEightBytePlainRunTestAgreesWithTheByteRules() {
        func ordinary(_ b: UInt8) -> Bool { b > 0x20 && b != 0x3C && b != 0x2A && b != 0xC2 && b != 0xE2 }
        func expected(_ block: [UInt8]) -> Bool {
            for (k, b) in block.enumerated() where !ordinary(b) {
                guard b == 0x20, k < 7, ordinary(block[k + 1]) else { return false }
            }
            return true
        }
        // Bytes of every class, ordinary ones most often, as in text.
        let pool: [UInt8] = Array("abcXYZ09.,;()".utf8) + [0x20, 0x20, 0x20, 0x09, 0x0A, 0x0D, 0x00, 0x1F, 0x21,
                                                           0x3C, 0x2A, 0xC2, 0xE2, 0x80, 0xA0, 0xFF, 0x7F, 0xC3]
        var seeded = UInt64(12345)
        for round in 0..<20_000 {
            let block = (0..<8).map { _ -> UInt8 in
                seeded = seeded &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return pool[Int(seeded >> 33) % pool.count]
            }
            let word = block.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            XCTAssertEqual(TextCleaner.isPlainRun(word), expected(block), "round \(round): \(block)")
        }
        XCTAssertTrue(TextCleaner.isPlainRun(UInt64(littleEndian: 0x6867_6665_2064_6362)), "\"bcd efgh\"")
        XCTAssertFalse(TextCleaner.isPlainRun(UInt64(littleEndian: 0x6867_6620_2064_6362)), "two spaces")
    }

    func testInlineTagsAreRemoved() {
        let (clean, source) = clean("<i>Chapter</i> and <b>Annexes</b> and <I>Page</I>")
        XCTAssertEqual(clean.string, "Chapter and Annexes and Page")
        XCTAssertEqual(clean.markers, [])
        assertMapsBack(clean, source)
    }

    func testHTMLSuperscriptBecomesAMarker() throws {
        let text = "anti-trafficking partners<sup>12</sup> — is a tool"
        let (clean, source) = clean(text)
        XCTAssertEqual(clean.string, "anti-trafficking partners — is a tool")
        XCTAssertEqual(clean.markers.map(\.marker), ["12"])
        XCTAssertEqual(clean.markers.map(\.notation), [.htmlSuperscript])
        let marker = try XCTUnwrap(clean.markers.first)
        XCTAssertEqual(source.string(marker.sourceStart, marker.sourceEnd), "<sup>12</sup>")
        assertMapsBack(clean, source)
    }

    func testEmphasisIsRemovedWithoutAMarker() throws {
        let (clean, source) = clean("United Nations, *Treaty Series*, vol. 2225, No. 39574.")
        XCTAssertEqual(clean.string, "United Nations, Treaty Series, vol. 2225, No. 39574.")
        XCTAssertEqual(clean.markers, [])
        XCTAssertEqual(try sourceText(of: "United Nations, Treaty Series, vol. 2225", clean, source),
                       "United Nations, *Treaty Series*, vol. 2225")
        assertMapsBack(clean, source)
    }

    func testSpanOfEmphasisedWordsKeepsBothMarksOrNeither() throws {
        let (clean, source) = clean("United Nations, *Treaty Series*, vol. 2225, No. 39574.")
        let words = try sourceText(of: "Treaty Series", clean, source)
        XCTAssertTrue(words == "Treaty Series" || words == "*Treaty Series*", words)
    }

    func testStarsAfterAWordAreMarkers() throws {
        let (agenda, agendaSource) = clean("Item 6 of the provisional agenda*")
        XCTAssertEqual(agenda.string, "Item 6 of the provisional agenda")
        XCTAssertEqual(agenda.markers.map(\.marker), ["*"])
        XCTAssertEqual(agenda.markers.map(\.notation), [.star])

        let (report, reportSource) = clean("Report of the Secretary-General**")
        XCTAssertEqual(report.string, "Report of the Secretary-General")
        XCTAssertEqual(report.markers.map(\.marker), ["**"])
        let marker = try XCTUnwrap(report.markers.first)
        XCTAssertEqual(reportSource.string(marker.sourceStart, marker.sourceEnd), "**")
        assertMapsBack(agenda, agendaSource)
        assertMapsBack(report, reportSource)
    }

    func testUnicodeSuperscriptsAreMarkers() throws {
        let (clean, source) = clean("had ratified the Protocol,¹ while others²⁴ had not.")
        XCTAssertEqual(clean.string, "had ratified the Protocol, while others had not.")
        XCTAssertEqual(clean.markers.map(\.marker), ["1", "24"])
        XCTAssertEqual(clean.markers.map(\.notation), [.unicodeSuperscript, .unicodeSuperscript])
        XCTAssertEqual(clean.markers.map { source.string($0.sourceStart, $0.sourceEnd) }, ["¹", "²⁴"])
        assertMapsBack(clean, source)
    }

    func testAllSuperscriptDigits() {
        let (clean, _) = clean("x⁰¹²³⁴⁵⁶⁷⁸⁹")
        XCTAssertEqual(clean.string, "x")
        XCTAssertEqual(clean.markers.map(\.marker), ["0123456789"])
    }

    func testWhiteSpaceIsCollapsed() {
        let (clean, source) = clean("  The   Conference\t\tof the\n  Parties  ")
        XCTAssertEqual(clean.string, "The Conference of the Parties")
        assertMapsBack(clean, source)
    }

    func testSourceOffsetsMapBackExactly() throws {
        let text = "<i>Noting</i> General Assembly resolution 55/25,<sup>3</sup> annex II, and *Ibid.*, vol. 1577."
        let (clean, source) = clean(text)
        XCTAssertEqual(clean.string, "Noting General Assembly resolution 55/25, annex II, and Ibid., vol. 1577.")
        assertMapsBack(clean, source)
        XCTAssertEqual(try sourceText(of: "Noting", clean, source), "Noting")
        XCTAssertEqual(try sourceText(of: "resolution 55/25", clean, source), "resolution 55/25")
        XCTAssertEqual(try sourceText(of: "vol. 1577", clean, source), "vol. 1577")
        // A range across removed markup maps to the source that holds it.
        XCTAssertEqual(try sourceText(of: "55/25, annex II", clean, source), "55/25,<sup>3</sup> annex II")
        XCTAssertEqual(clean.sourceOffset(0), 3, "the clean text starts after <i>")
    }

    func testSegmentsAreJoinedWithOneSpace() {
        let text = "4. It was noted that UNODC was working closely with national\n\n\n\nauthorities to develop policies."
        let source = Fixture.source(text)
        let bytes = source.bytes
        let newline = bytes.firstIndex(of: 0x0A)!
        let secondStart = bytes.lastIndex(of: 0x0A)! + 1
        let first = 3..<newline
        let clean = TextCleaner.clean([first, secondStart..<source.bytes.count], in: source)
        XCTAssertEqual(clean.string, "It was noted that UNODC was working closely with national authorities to develop policies.")
        assertMapsBack(clean, source)
    }
}
