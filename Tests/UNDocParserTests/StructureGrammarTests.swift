import XCTest
import UNDocIngest
@testable import UNDocParser

/// Grammars/structure.peg through `LineLexer` and `LineClassifier`: every line shape of a
/// UN document, with presentation (indentation, bullets, markdown marks, bold) taken off.
final class StructureGrammarTests: XCTestCase {
    /// The non-blank logical lines of `text`, classified, with their source.
    private func lines(_ text: String) throws -> (lines: [Line], source: SourceText) {
        let source = Fixture.source(text)
        var lines = LineLexer.lines(of: source)
        LineClassifier(grammars: try Fixture.grammars()).classify(&lines, source: source)
        return (lines.filter { !$0.isBlank }, source)
    }

    /// A readable summary of one line's kind; offsets are shown as the text they point at.
    private func summary(_ line: Line, _ source: SourceText) -> String {
        func from(_ start: Int) -> String { source.string(start, line.contentEnd) }
        func opt(_ value: String?) -> String { value ?? "nil" }
        switch line.kind {
        case .blank: return "blank"
        case .rule: return "rule"
        case .distribution(let value): return "distribution(\(value))"
        case .originalLanguage(let value): return "original(\(value))"
        case .jobNumber(let number): return "jobNumber(\(opt(number)))"
        case .unitedNations: return "unitedNations"
        case .date(let iso): return "date(\(iso))"
        case .placeAndDates(let place, let dates, let start, let end):
            return "place(\(place)|\(dates)|\(opt(start))|\(opt(end)))"
        case .session(let value): return "session(\(value))"
        case .agenda(let number, let title, let provisional):
            return "agenda(\(number)|\(opt(title))|\(provisional))"
        case .contentsHeading: return "contents"
        case .notesHeading: return "notes"
        case .decisionHeading(let number, let title, let draft):
            return draft.map { "draft \($0)(\(number)|\(opt(title)))" } ?? "decision(\(number)|\(opt(title)))"
        case .annexHeading(let number, let title): return "annex(\(opt(number))|\(opt(title)))"
        case .footnoteBody(let marker, let notation, let textStart):
            return "footnote(\(marker)|\(notation)|\(from(textStart)))"
        case .contentsRow(let label, let title, let paragraphs, let page):
            return "row(\(opt(label))|\(title)|\(opt(paragraphs))|\(opt(page)))"
        case .roman(let number, let textStart): return "roman(\(number)|\(from(textStart)))"
        case .letter(let number, let textStart): return "letter(\(number)|\(from(textStart)))"
        case .numbered(let number, let textStart): return "numbered(\(number)|\(from(textStart)))"
        case .labelled(let label, let textStart): return "labelled(\(label)|\(from(textStart)))"
        case .plain: return "plain"
        }
    }

    /// The summary of the single line `text` is.
    private func kind(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (lines, source) = try lines(text)
        XCTAssertEqual(lines.count, 1, "\(text) gave \(lines.count) lines", file: file, line: line)
        return lines.first.map { summary($0, source) } ?? "none"
    }

    // MARK: - Masthead

    func testDistribution() throws {
        XCTAssertEqual(try kind("Distr.: General"), "distribution(General)")
        XCTAssertEqual(try kind("Distr.: Limited  "), "distribution(Limited)")
        XCTAssertEqual(try kind("Distr. Restricted"), "distribution(Restricted)")
    }

    func testOriginalLanguage() throws {
        XCTAssertEqual(try kind("Original: English"), "original(English)")
        XCTAssertEqual(try kind("Original: Spanish"), "original(Spanish)")
    }

    func testIssueDate() throws {
        XCTAssertEqual(try kind("22 December 2006"), "date(2006-12-22)")
        XCTAssertEqual(try kind("29 March 2005"), "date(2005-03-29)")
    }

    func testIssueDateOfAnyFourDigitYear() throws {
        XCTAssertEqual(try kind("22 December 3006"), "date(3006-12-22)")
        XCTAssertEqual(try kind("1 January 9999"), "date(9999-01-01)")
        XCTAssertEqual(try kind("15 May 0999"), "date(0999-05-15)")
        XCTAssertEqual(try kind("Vienna, 9-18 October 3012"), "place(Vienna|9-18 October 3012|3012-10-09|3012-10-18)")
    }

    func testLinesThatOnlyBeginLikeADateAreNotDates() throws {
        // The year must end the line: a quantity or a longer number is running text.
        XCTAssertEqual(try kind("12 March 3000 tonnes"), "plain")
        XCTAssertEqual(try kind("12 March 30000"), "plain")
        XCTAssertEqual(try kind("12 March 300"), "plain")
        XCTAssertEqual(try kind("Vienna, 9-18 October 3012 and 3013"), "plain")
        XCTAssertEqual(try kind("3. 12 March 3000 tonnes of cocaine were seized."),
                       "numbered(3|12 March 3000 tonnes of cocaine were seized.)")
    }

    func testPlaceAndDates() throws {
        XCTAssertEqual(try kind("Vienna, 9-18 October 2006"), "place(Vienna|9-18 October 2006|2006-10-09|2006-10-18)")
        XCTAssertEqual(try kind("Vienna, 23-27 May 2005"), "place(Vienna|23-27 May 2005|2005-05-23|2005-05-27)")
    }

    func testSession() throws {
        XCTAssertEqual(try kind("Third session"), "session(Third session)")
        XCTAssertEqual(try kind("Fourteenth session"), "session(Fourteenth session)")
    }

    func testAgendaLines() throws {
        XCTAssertEqual(try kind("Item 6 of the provisional agenda*"), "agenda(6|nil|true)")
        XCTAssertEqual(
            try kind("Agenda item 2: Implementation of the Protocol to Prevent, Suppress and Punish Trafficking in Persons"),
            "agenda(2|Implementation of the Protocol to Prevent, Suppress and Punish Trafficking in Persons|false)")
        XCTAssertEqual(try kind("#### **Agenda item 2: Implementation of the Protocol**"),
                       "agenda(2|Implementation of the Protocol|false)")
    }

    func testJobNumberAndBarcode() throws {
        XCTAssertEqual(try kind("V.06-58123 (E)"), "jobNumber(V.06-58123)")
        XCTAssertEqual(try kind("GE.09-14234 (F)"), "jobNumber(GE.09-14234)")
        // The barcode repeats the job number's digits; the number is read from its own line.
        XCTAssertEqual(try kind("*0658123*"), "jobNumber(nil)")
        XCTAssertEqual(try kind("V.06-58123 (E) was issued late."), "plain")
        // New York's job numbers have no letter prefix.
        XCTAssertEqual(try kind("06-58123 (E)"), "jobNumber(06-58123)")
        XCTAssertEqual(try kind("06-58123 (E)    240806"), "jobNumber(06-58123)")
        for plain in ["2006-2007 (E)", "1-3 (a)", "06-5812 (E)"] { XCTAssertEqual(try kind(plain), "plain", plain) }
    }

    func testUnitedNations() throws {
        XCTAssertEqual(try kind("United Nations"), "unitedNations")
    }

    // MARK: - Headings

    func testDecisionHeading() throws {
        XCTAssertEqual(try kind("Decision 3/2"), "decision(3/2|nil)")
        XCTAssertEqual(try kind("### **Decision 3/2**"), "decision(3/2|nil)")
        XCTAssertEqual(try kind("Decision 3/1. Review of the implementation of the Convention"),
                       "decision(3/1|Review of the implementation of the Convention)")
        XCTAssertEqual(try kind("Draft decision 3/1"), "draft decision(3/1|nil)")
        XCTAssertEqual(try kind("**Draft decision 3/4. Recommendations of the working group**"),
                       "draft decision(3/4|Recommendations of the working group)")
        XCTAssertEqual(try kind("Draft decision 3/1 was adopted without a vote."), "plain")
        // Drafts numbered in their chapter, as commissions print them for the Council.
        XCTAssertEqual(try kind("Draft resolution II"), "draft resolution(II|nil)")
        XCTAssertEqual(try kind("**Draft decision I**"), "draft decision(I|nil)")
        XCTAssertEqual(try kind("Draft resolution IV. Crime prevention in urban areas"),
                       "draft resolution(IV|Crime prevention in urban areas)")
        // A draft alone in its chapter has no number.
        XCTAssertEqual(try kind("Draft resolution"), "draft resolution(|nil)")
        XCTAssertEqual(try kind("**Draft decision**"), "draft decision(|nil)")
        for plain in ["Draft resolutions for adoption by the Council", "Draft resolution II was adopted.",
                      "Draft resolution Ix", "Draft resolution on crime"] {
            XCTAssertEqual(try kind(plain), "plain", plain)
        }
        let (lines, _) = try lines("### **Decision 3/2**")
        XCTAssertEqual(lines.first?.headingMarks, 3)
        XCTAssertEqual(lines.first?.bold, true)
    }

    func testAnnexHeadings() throws {
        XCTAssertEqual(try kind("Annex I"), "annex(I|nil)")
        XCTAssertEqual(try kind("Annex II"), "annex(II|nil)")
        XCTAssertEqual(try kind("Annex"), "annex(nil|nil)")
        XCTAssertEqual(try kind("<b>Annexes</b>"), "annex(nil|nil)")
    }

    func testNotesAndContentsHeadings() throws {
        XCTAssertEqual(try kind("Notes"), "notes")
        XCTAssertEqual(try kind("Contents"), "contents")
        XCTAssertEqual(try kind("### Contents"), "contents")
    }

    // MARK: - Footnote bodies

    func testFootnoteBodyInHTMLNotation() throws {
        XCTAssertEqual(try kind("<sup>3</sup> United Nations, Treaty Series, vol. 2225, No. 39574."),
                       "footnote(3|html|United Nations, Treaty Series, vol. 2225, No. 39574.)")
    }

    func testFootnoteBodyInUnicodeNotation() throws {
        XCTAssertEqual(try kind("- ¹ Algeria, Azerbaijan and Belarus."), "footnote(1|unicode|Algeria, Azerbaijan and Belarus.)")
        XCTAssertEqual(try kind("²⁴ See the report of the Secretary-General."),
                       "footnote(24|unicode|See the report of the Secretary-General.)")
        XCTAssertEqual(try kind("¹⁰ Ibid."), "footnote(10|unicode|Ibid.)")
    }

    func testFootnoteBodyInStarNotation() throws {
        XCTAssertEqual(try kind("* E/CN.15/2005/1."), "footnote(*|star|E/CN.15/2005/1.)")
        XCTAssertEqual(try kind("** The submission of the present report was delayed."),
                       "footnote(**|star|The submission of the present report was delayed.)")
    }

    // MARK: - Contents rows

    func testContentsRowWithDotLeadersAndTabs() throws {
        XCTAssertEqual(try kind("III. Organization of the session . . . . .\t4-34\t13"),
                       "row(III|Organization of the session|4-34|13)")
        XCTAssertEqual(try kind("A. Opening of the session . . . . .\t4-14\t13"),
                       "row(A|Opening of the session|4-14|13)")
        XCTAssertEqual(try kind("I. Decisions taken by the Conference of the Parties . . . . .\t1\t3"),
                       "row(I|Decisions taken by the Conference of the Parties|1|3)")
    }

    func testContentsRowWithLabelAndTitleInSeparateColumns() throws {
        XCTAssertEqual(try kind("IV.\tTechnical assistance . . . . .\t120-124\t35"),
                       "row(IV|Technical assistance|120-124|35)")
    }

    func testContentsRowForADecisionHasAPageButNoParagraphs() throws {
        XCTAssertEqual(try kind("3/1. Review of the implementation of the Convention and the Protocols thereto . . . . .\t\t3"),
                       "row(3/1|Review of the implementation of the Convention and the Protocols thereto|nil|3)")
    }

    func testContentsRowWithTabsOnly() throws {
        XCTAssertEqual(try kind("I. Introduction\t1-2\t2"), "row(I|Introduction|1-2|2)")
        XCTAssertEqual(try kind("A. Ratification and legal provisions\t5-6\t3"),
                       "row(A|Ratification and legal provisions|5-6|3)")
    }

    // MARK: - Numbered and labelled lines

    func testRomanLetterAndNumberedItems() throws {
        XCTAssertEqual(try kind("IV. Review of the implementation of the Convention"),
                       "roman(IV|Review of the implementation of the Convention)")
        XCTAssertEqual(try kind("A. Opening of the session"), "letter(A|Opening of the session)")
        XCTAssertEqual(try kind("H. Inter-agency cooperation"), "letter(H|Inter-agency cooperation)")
        XCTAssertEqual(try kind("17. At its 1st meeting, on 9 October 2006, the Conference adopted the agenda."),
                       "numbered(17|At its 1st meeting, on 9 October 2006, the Conference adopted the agenda.)")
    }

    func testLabelledItems() throws {
        XCTAssertEqual(try kind("(a) Welcomes the fruitful discussions;"), "labelled(a|Welcomes the fruitful discussions;)")
        XCTAssertEqual(try kind("(vii) To consider the report;"), "labelled(vii|To consider the report;)")
        XCTAssertEqual(try kind("  - (b) Election of officers;"), "labelled(b|Election of officers;)")
    }

    // MARK: - Presentation taken off

    func testMarkdownDecorationIsStripped() throws {
        let (lines, source) = try lines("## I. Decisions taken by the Conference of the Parties")
        XCTAssertEqual(lines.map { summary($0, source) }, ["roman(I|Decisions taken by the Conference of the Parties)"])
        XCTAssertEqual(lines.first?.headingMarks, 2)
        XCTAssertEqual(lines.first?.bold, false)
    }

    func testFusedBoldHeadingsSplitIntoTwoLines() throws {
        let (lines, source) = try lines("**A****B**")
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.map { source.string($0.contentStart, $0.contentEnd) }, ["A", "B"])
        XCTAssertTrue(lines.allSatisfy(\.bold))

        let (fused, fusedSource) = try self.lines("**VI. Review of the Firearms Protocol****Consultations with Member States**")
        XCTAssertEqual(fused.map { summary($0, fusedSource) }, ["roman(VI|Review of the Firearms Protocol)", "plain"])
        XCTAssertEqual(fused.last.map { fusedSource.string($0.contentStart, $0.contentEnd) }, "Consultations with Member States")
    }

    func testRuleAndPlainText() throws {
        XCTAssertEqual(try kind("---"), "rule")
        XCTAssertEqual(try kind("The Conference of the Parties adopted the report."), "plain")
        XCTAssertEqual(try kind("authorities to develop policies and action plans."), "plain")
    }

    /// The classifier reads numbered and labelled lines by hand and rules out lines that only
    /// `plain` can match; every line must come out as the grammar alone reads it.
    func testByteShortcutsAgreeWithTheGrammar() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        var texts = try ["001_caccf940e690384d.txt", "002_02cf9ff3ef13c05f.txt", "003_d14f16574e34a7cb.txt"].map {
            try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8)
        }
        texts.append("""
            17. At its meeting
            17.5 million people
            1.\tTabbed
            12-34567 (E)
            06-58123 (E)    240806
            17.
            (a) Welcomes
            (iv)\tTo consider
            (12) Twelve
            (a)b not labelled
            () empty
            (A) upper case
            item 6 of the agenda
            Agenda item 4: Review
            ITEM 3
            annexes are listed below
            Annex II
            Contents
            Notes
            Third session
            Third special session of the body
            Vienna, 9-18 October 2006
            Somewhere in 2006
            IV. Review
            IVX. Not roman
            V.06-58123 (E)
            AB.06-58123 (E)
            A. Opening
            Organization of the session . . . . . 4
            Organization of the session\t4-34\t13
            The Conference adopted the report. . . it said
            the Conference adopted the report.
            - a bullet of running text
            "Quoted text"
            ¹ A note
            * A starred note
            Draft decision 3/1
            Decision 3/2. Title
            Distr.: General
            Original: English
            United Nations
            IV.\tReview of the implementation\t4-34\t13
            A. Opening of the session\t4-14\t13
            B. Organization of work\t15–20\t14
            III. Organization of the session . . . . .\t4-34\t13
            CTOC/COP/2006/2\tImplementation of the Convention
            CTOC/COP/2006/L.1 and Add.1-3\tDraft report
            Title\t12\t13
            12\t13
            C. Title ending in 2006
            A. Vienna, 9-18 October 2006
            Ca. something
            C.x
            IVA. Not a numeral
            VX. Odd numeral
            XII.\tTwelfth
            I. Item
            <sup>3</sup> United Nations, <i>Treaty Series</i>
            <sup>12</sup>Joined note
            <sup></sup> empty marker
            <sup>x</sup> not digits
            <SUP>1</SUP> upper-case tag
            <i>Symbol</i>\t<i>Title</i>
            ³Capital after the marker
            ³lower-case after the marker
            ²³ Two digits
            ⁴
            ** Two stars
            *0658123*
            *1 text
            *\tTabbed star
            """)
        let grammars = try Fixture.grammars()
        for text in texts {
            let source = Fixture.source(text)
            var fast = LineLexer.lines(of: source)
            var slow = fast
            LineClassifier(grammars: grammars).classify(&fast, source: source)
            LineClassifier(grammars: grammars, byteShortcuts: false).classify(&slow, source: source)
            for (a, b) in zip(fast, slow) {
                XCTAssertEqual(summary(a, source), summary(b, source), source.string(a.contentStart, a.contentEnd))
            }
        }
    }

    func testLinesKeepTheirSourceOffsets() throws {
        let text = "Distr.: General\n\n   (a) Welcomes;\n"
        let (lines, source) = try lines(text)
        XCTAssertEqual(lines.map { source.string($0.start, $0.end) }, ["Distr.: General", "(a) Welcomes;"])
        XCTAssertEqual(lines.map(\.number), [0, 2])
        XCTAssertEqual(lines.last?.indent, 3)
    }
}
