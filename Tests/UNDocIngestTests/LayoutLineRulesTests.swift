import Testing
@testable import UNDocIngest

/// The byte-level rules the PDF normaliser applies to laid-out lines, each against the
/// Character-level reading it replaced where the two could differ (accents, other scripts).
@Suite("Laid-out line rules")
struct LayoutLineRulesTests {
    @Test("joined lines: spaces collapse, a line-end hyphen after a letter is decided, other hyphens stay")
    func joining() {
        #expect(LineJoiner.join(["The  Conference", "decided"]) == "The Conference decided")
        #expect(LineJoiner.join(["  only   one  line  "]) == "only one line")
        #expect(LineJoiner.join(["recom-", "mendations"]) { _, _ in true } == "recommendations")
        #expect(LineJoiner.join(["money-", "laundering"]) { _, _ in false } == "money-laundering")
        // The words handed to the decision: the word before the hyphen, the letters after it.
        var asked: [String] = []
        _ = LineJoiner.join(["its recom-", "mendations, adopted"]) { left, right in
            asked = [String(left), String(right)]
            return true
        }
        #expect(asked == ["recom", "mendations"])
        // A capital after the hyphen, a digit before it, a hyphen alone: not a broken word.
        #expect(LineJoiner.join(["Vienna-", "Based"]) { _, _ in true } == "Vienna- Based")
        #expect(LineJoiner.join(["1990-", "to"]) { _, _ in true } == "1990- to")
        #expect(LineJoiner.join(["-", "to"]) { _, _ in true } == "- to")
    }

    @Test("a hyphen after an accented or non-Latin letter is a broken word, as with Characters")
    func joiningBeyondASCII() {
        #expect(LineJoiner.join(["coopéra-", "tion"]) { _, _ in true } == "coopération")
        #expect(LineJoiner.join(["Cafe\u{301}-", "tería"]) { _, _ in true } == "Cafe\u{301}tería")
        #expect(LineJoiner.join(["межд-", "ународный"]) { _, _ in true } == "международный")
        #expect(LineJoiner.join(["word-", "élan"]) { _, _ in true } == "wordélan")
        #expect(LineJoiner.join(["word-", "Élan"]) { _, _ in true } == "word- Élan")
        #expect(LineJoiner.join(["2006-", "\u{301}a"]) { _, _ in true } == "2006- \u{301}a")
    }

    @Test("a clean line comes back as it is; tabs and double spaces are collapsed")
    func collapsing() {
        #expect(LineJoiner.collapse("already clean") == "already clean")
        #expect(LineJoiner.collapse("tab\there") == "tab here")
        #expect(LineJoiner.collapse("wide    gap   ") == "wide gap")
        #expect(LineJoiner.collapse("") == "")
    }

    @Test("labels: numbers, romans, letters, bracketed items; not words or bare numbers")
    func labels() {
        let cases: [(String, String?, String?, Int?)] = [
            ("17.  The Conference", "17.", "The Conference", 2),
            ("IV. Matters", "IV.", "Matters", 1),
            ("C. Other", "C.", "Other", 1),
            ("3/2. Decision", "3/2.", "Decision", 1),
            ("(a) the first", "(a)", "the first", 1),
            ("(iii) the third", "(iii)", "the third", 1),
            ("(12) twelve", "(12)", "twelve", 1),
            ("2006 was a year", nil, nil, nil),
            ("17.", nil, nil, nil),
            ("The Conference", nil, nil, nil),
            ("(a)", nil, nil, nil),
            ("ÉLAN. word", nil, nil, nil),
            ("123456. too long", nil, nil, nil),
        ]
        for (line, label, rest, gap) in cases {
            let found = LayoutShapes.label(line)
            #expect(found?.label == label, "\(line)")
            #expect(found.map { String($0.rest) } == rest, "\(line)")
            #expect(found?.gap == gap, "\(line)")
        }
    }

    @Test("a first word's columns count characters up to the first space")
    func firstWordColumns() {
        #expect(BodyBuilder.firstWordColumns("Conference of the Parties") == 10)
        #expect(BodyBuilder.firstWordColumns("Coopération internationale") == 11)
        #expect(BodyBuilder.firstWordColumns("word") == 4)
        #expect(BodyBuilder.firstWordColumns(" leading") == 0)
        #expect(BodyBuilder.firstWordColumns("") == 0)
    }

    @Test("pages: form feeds end lines and pages, blank lines are counted, the last line needs no line feed")
    func pages() {
        let text = "  Title\n\n\n\tIndented   gap\r\nCafé  crème\n\u{0C}Page two\n\n  last"
        let pages = LayoutText.pages(Array(text.utf8))
        #expect(pages.count == 2)
        #expect(pages[0].map(\.text) == ["Title", "Indented   gap", "Café  crème"])
        #expect(pages[0].map(\.indent) == [2, 8, 0])
        #expect(pages[0].map(\.blankBefore) == [0, 2, 0])
        #expect(pages[0].map(\.hasGap) == [false, true, false])
        #expect(pages[0].map(\.columns) == [5, 14, 11])
        #expect(pages[1].map(\.text) == ["Page two", "last"])
        #expect(pages[1].map(\.page) == [2, 2])
        #expect(pages[1].map(\.blankBefore) == [0, 1])
        // A page with no text still counts; so does one ending the output.
        #expect(LayoutText.pages(Array("one\n\u{0C}\u{0C}three\n\u{0C}".utf8)).map { $0.map(\.text) } == [["one"], [], ["three"]])
        #expect(LayoutText.pages([]).isEmpty)
        // Gaps are three spaces together, wherever they fall.
        for (line, gap) in [("a  b", false), ("a   b", true), ("ab  c   d", true), ("a b c d", false), ("a    b", true)] {
            #expect(LayoutText.pages(Array(line.utf8)).first?.first?.hasGap == gap, "\(line)")
        }
    }
}

