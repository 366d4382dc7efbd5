import XCTest
@testable import UNDocParser

/// `Numbering`: roman numerals of chapters and sub-clauses, letters of sections and clauses.
final class NumberingTests: XCTestCase {
    private let lowerRomans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
                               "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]

    func testLowercaseRomanSubClauses() {
        for (index, numeral) in lowerRomans.enumerated() {
            XCTAssertEqual(Numbering.romanValue(numeral), index + 1, numeral)
        }
    }

    func testUppercaseRomanChapters() {
        let chapters = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
        for (index, numeral) in chapters.enumerated() {
            XCTAssertEqual(Numbering.romanValue(numeral), index + 1, numeral)
        }
        XCTAssertEqual(Numbering.romanValue("XL"), 40)
        XCTAssertEqual(Numbering.romanValue("XC"), 90)
    }

    func testNonCanonicalNumeralsAreRejected() {
        for text in ["iiii", "vx", "IIII", "VV", "IC", "XXXX", "iiv", "vv", "IIX"] {
            XCTAssertNil(Numbering.romanValue(text), text)
        }
    }

    func testNonNumeralsAreRejected() {
        for text in ["", "a", "h", "A", "H", "1", "iv.", "(i)", "ii i"] {
            XCTAssertNil(Numbering.romanValue(text), text)
        }
    }

    func testSpellingRoundTrips() {
        for value in 1...120 {
            XCTAssertEqual(Numbering.romanValue(Numbering.roman(value)), value)
            XCTAssertEqual(Numbering.romanValue(Numbering.roman(value, lowercase: true)), value)
        }
        XCTAssertEqual(Numbering.roman(13), "XIII")
        XCTAssertEqual(Numbering.roman(4, lowercase: true), "iv")
    }

    func testLetters() {
        XCTAssertEqual(Numbering.letterValue("a"), 1)
        XCTAssertEqual(Numbering.letterValue("h"), 8)
        XCTAssertEqual(Numbering.letterValue("i"), 9)
        XCTAssertEqual(Numbering.letterValue("z"), 26)
        XCTAssertEqual(Numbering.letterValue("A"), 1)
        XCTAssertEqual(Numbering.letterValue("H"), 8)
        for text in ["", "ab", "1", "é", "(a)", "aa"] {
            XCTAssertNil(Numbering.letterValue(text), text)
        }
        XCTAssertEqual(Numbering.letter(1), "a")
        XCTAssertEqual(Numbering.letter(9), "i")
        XCTAssertEqual(Numbering.letter(8, uppercase: true), "H")
        XCTAssertEqual(Numbering.letter(26), "z")
        XCTAssertEqual(Numbering.letter(0), "?")
        XCTAssertEqual(Numbering.letter(27), "?")
    }
}
