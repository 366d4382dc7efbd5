import XCTest
@testable import UNDocParser

/// Grammars/symbols.peg through `SymbolRecognizer`: the series of the UN documentation
/// system, modifiers, collective forms, and what is not a symbol.
final class SymbolGrammarTests: XCTestCase {
    private func recognizer() throws -> SymbolRecognizer {
        SymbolRecognizer(grammars: try Fixture.grammars())
    }

    /// The one symbol `text` is, checked both by scanning and as a whole.
    private func single(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> DocumentSymbol? {
        let recognizer = try recognizer()
        let whole = recognizer.recognizeWhole(text)
        XCTAssertNotNil(whole, "\(text) is not recognised as a whole", file: file, line: line)
        let groups = recognizer.symbols(in: text)
        XCTAssertEqual(groups.count, 1, "scanning \(text) found \(groups.map(\.printed))", file: file, line: line)
        XCTAssertEqual(groups.first?.printed, text, file: file, line: line)
        XCTAssertEqual(groups.first?.range, 0..<text.utf8.count, file: file, line: line)
        XCTAssertEqual(groups.first?.symbols.count, 1, file: file, line: line)
        return groups.first?.symbols.first
    }

    private func normalized(in text: String) throws -> [String] {
        try recognizer().symbols(in: text).flatMap { $0.symbols.map(\.normalized) }
    }

    // MARK: - Series

    func testGeneralAssemblyResolution() throws {
        let symbol = try XCTUnwrap(single("A/RES/55/25"))
        XCTAssertEqual(symbol.normalized, "A/RES/55/25")
        XCTAssertEqual(symbol.organ, "A")
        XCTAssertEqual(symbol.parts, ["RES", "55", "25"])
        XCTAssertEqual(symbol.modifiers, [])
        XCTAssertEqual(symbol.base, "A/RES/55/25")
    }

    func testSecurityCouncilResolutionWithYearInBrackets() throws {
        let symbol = try XCTUnwrap(single("S/RES/1325 (2000)"))
        XCTAssertEqual(symbol.normalized, "S/RES/1325 (2000)")
        XCTAssertEqual(symbol.organ, "S")
        XCTAssertEqual(symbol.modifiers, [])
        XCTAssertEqual(try normalized(in: "Recalling resolution S/RES/1325 (2000) on women"), ["S/RES/1325 (2000)"])
    }

    func testSubsidiaryBodyOfTheCouncil() throws {
        let symbol = try XCTUnwrap(single("E/CN.15/2005/6"))
        XCTAssertEqual(symbol.organ, "E")
        XCTAssertEqual(symbol.parts, ["CN.15", "2005", "6"])
        XCTAssertEqual(symbol.base, "E/CN.15/2005/6")
    }

    func testCouncilDocument() throws {
        let symbol = try XCTUnwrap(single("E/2006/27"))
        XCTAssertEqual(symbol.organ, "E")
        XCTAssertEqual(symbol.parts, ["2006", "27"])
    }

    func testSecretaryGeneralBulletin() throws {
        let symbol = try XCTUnwrap(single("ST/SGB/2003/13"))
        XCTAssertEqual(symbol.organ, "ST")
        XCTAssertEqual(symbol.parts, ["SGB", "2003", "13"])
    }

    func testRevisionOfACommitteeDraft() throws {
        let symbol = try XCTUnwrap(single("A/C.3/60/L.5/Rev.1"))
        XCTAssertEqual(symbol.organ, "A")
        XCTAssertEqual(symbol.parts, ["C.3", "60", "L.5"])
        XCTAssertEqual(symbol.modifiers, ["Rev.1"])
        XCTAssertEqual(symbol.base, "A/C.3/60/L.5")
        XCTAssertEqual(symbol.normalized, "A/C.3/60/L.5/Rev.1")
    }

    func testConferenceOfThePartiesLimitedDocument() throws {
        let symbol = try XCTUnwrap(single("CTOC/COP/2006/L.10"))
        XCTAssertEqual(symbol.organ, "CTOC/COP")
        XCTAssertEqual(symbol.parts, ["2006", "L.10"])
    }

    func testWorkingGroupDocument() throws {
        let symbol = try XCTUnwrap(single("CTOC/COP/WG.4/2009/2"))
        XCTAssertEqual(symbol.organ, "CTOC/COP")
        XCTAssertEqual(symbol.parts, ["WG.4", "2009", "2"])
        XCTAssertEqual(symbol.base, "CTOC/COP/WG.4/2009/2")
    }

    func testInformationDocumentRevision() throws {
        let symbol = try XCTUnwrap(single("CTOC/COP/2006/INF/1/Rev.1"))
        XCTAssertEqual(symbol.organ, "CTOC/COP")
        XCTAssertEqual(symbol.parts, ["2006", "INF", "1"])
        XCTAssertEqual(symbol.modifiers, ["Rev.1"])
        XCTAssertEqual(symbol.base, "CTOC/COP/2006/INF/1")
    }

    func testConferenceRoomPaper() throws {
        let symbol = try XCTUnwrap(single("CTOC/COP/2006/CRP.1"))
        XCTAssertEqual(symbol.parts, ["2006", "CRP.1"])
    }

    func testChiefExecutivesBoardPaper() throws {
        let symbol = try XCTUnwrap(single("CEB/2004/HLCP/I-S/CRP.3"))
        XCTAssertEqual(symbol.organ, "CEB")
        XCTAssertEqual(symbol.parts, ["2004", "HLCP", "I-S", "CRP.3"])
    }

    func testSubCommissionDraft() throws {
        let symbol = try XCTUnwrap(single("E/CN.4/Sub.2/2005/L.1"))
        XCTAssertEqual(symbol.organ, "E")
        XCTAssertEqual(symbol.parts, ["CN.4", "Sub.2", "2005", "L.1"])
    }

    // MARK: - Collective forms

    func testAddendaRange() throws {
        let group = try XCTUnwrap(recognizer().recognizeWhole("CTOC/COP/2006/L.1 and Add.1-3"))
        XCTAssertEqual(group.printed, "CTOC/COP/2006/L.1 and Add.1-3")
        XCTAssertEqual(group.symbols.map(\.normalized), [
            "CTOC/COP/2006/L.1", "CTOC/COP/2006/L.1/Add.1", "CTOC/COP/2006/L.1/Add.2", "CTOC/COP/2006/L.1/Add.3",
        ])
        XCTAssertEqual(group.symbols.map(\.base), Array(repeating: "CTOC/COP/2006/L.1", count: 4))
        XCTAssertEqual(group.symbols.last?.modifiers, ["Add.3"])
    }

    func testCorrigendum() throws {
        let group = try XCTUnwrap(recognizer().recognizeWhole("CTOC/COP/2006/4 and Corr.1"))
        XCTAssertEqual(group.symbols.map(\.normalized), ["CTOC/COP/2006/4", "CTOC/COP/2006/4/Corr.1"])
    }

    func testCollectiveFormInRunningText() throws {
        let groups = try recognizer().symbols(in: "the draft report (CTOC/COP/2006/L.1 and Add.1-3) was adopted")
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(groups.first?.printed, "CTOC/COP/2006/L.1 and Add.1-3")
        XCTAssertEqual(groups.first?.symbols.count, 4)
    }

    func testSecondAddendumOfAnAddendum() throws {
        // "A/60/1/Add.1 and Add.2" lists Add.1 and Add.2, not Add.1/Add.2.
        let group = try XCTUnwrap(recognizer().recognizeWhole("A/60/1/Add.1 and Add.2"))
        XCTAssertEqual(group.symbols.map(\.normalized), ["A/60/1/Add.1", "A/60/1/Add.2"])
    }

    func testCorrigendaListedOneByOne() throws {
        let group = try XCTUnwrap(recognizer().recognizeWhole("E/2006/30 and Corr.1 and 2"))
        XCTAssertEqual(group.symbols.map(\.normalized), ["E/2006/30", "E/2006/30/Corr.1", "E/2006/30/Corr.2"])
    }

    func testAddendaRangeWithAnEnDash() throws {
        let group = try XCTUnwrap(recognizer().recognizeWhole("CTOC/COP/2006/L.1 and Add.1\u{2013}3"))
        XCTAssertEqual(group.symbols.count, 4)
        XCTAssertEqual(group.symbols.last?.normalized, "CTOC/COP/2006/L.1/Add.3")
    }

    func testAmendmentAndSummaryRecord() throws {
        let amended = try XCTUnwrap(single("ST/SGB/2003/13/Amend.1"))
        XCTAssertEqual(amended.modifiers, ["Amend.1"])
        XCTAssertEqual(amended.base, "ST/SGB/2003/13")
        let record = try XCTUnwrap(single("CTOC/COP/2006/SR.3"))
        XCTAssertEqual(record.parts, ["2006", "SR.3"])
        XCTAssertEqual(record.modifiers, [])
    }

    // MARK: - Boundaries

    func testSentencePunctuationIsNotPartOfTheSymbol() throws {
        XCTAssertEqual(try recognizer().symbols(in: "(CTOC/COP/2006/L.4).").map(\.printed), ["CTOC/COP/2006/L.4"])
        XCTAssertEqual(try recognizer().symbols(in: "(CTOC/COP/2006/L.4).").first?.range, 1..<18)
        XCTAssertEqual(try recognizer().symbols(in: "CTOC/COP/2006/12.").map(\.printed), ["CTOC/COP/2006/12"])
        XCTAssertEqual(try normalized(in: "documents E/CN.15/2005/6 and E/CN.6/2005/2; see also A/RES/55/25, annex II."),
                       ["E/CN.15/2005/6", "E/CN.6/2005/2", "A/RES/55/25"])
    }

    func testNoSymbolInsideAnother() throws {
        let groups = try recognizer().symbols(in: "CTOC/COP/2006/4")
        XCTAssertEqual(groups.map(\.printed), ["CTOC/COP/2006/4"])
        XCTAssertEqual(try recognizer().symbols(in: "see A/C.3/60/L.5/Rev.1 now").map(\.printed), ["A/C.3/60/L.5/Rev.1"])
    }

    func testAbbreviationsWithSlashesAreNotSymbols() throws {
        let recognizer = try recognizer()
        for text in ["UNODC/OSCE", "AIDS/STD", "HIV/AIDS", "UNDAW/DESA", "LEFÖ/TAMPEP", "and/or", "A/B", "S/he"] {
            XCTAssertEqual(recognizer.symbols(in: text).map(\.printed), [], text)
            XCTAssertNil(recognizer.recognizeWhole(text), text)
        }
        let sentence = "UNODC/OSCE and UNDAW/DESA worked on HIV/AIDS and/or AIDS/STD; S/he said A/B."
        XCTAssertEqual(recognizer.symbols(in: sentence).map(\.printed), [])
    }

    func testRecognizeWholeRejectsTrailingText() throws {
        let recognizer = try recognizer()
        XCTAssertNotNil(recognizer.recognizeWhole("  A/RES/55/25\t"))
        XCTAssertNil(recognizer.recognizeWhole("A/RES/55/25 of 15 November 2000"))
        XCTAssertNil(recognizer.recognizeWhole("resolution A/RES/55/25"))
        XCTAssertNil(recognizer.recognizeWhole(""))
    }
}
