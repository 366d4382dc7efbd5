import XCTest
import UNDocModel
@testable import UNDocParser

/// The structural parser on small synthetic documents: masthead, contents, report
/// paragraphs, lists inside paragraphs, clauses and sub-clauses, chapters and sections,
/// continuation across page breaks and footnote blocks, and footnote linking.
final class StructureBuilderTests: XCTestCase {
    private func parse(_ text: String) throws -> Document {
        try Fixture.parse(text).document
    }

    private func clause(_ clauses: [Clause], _ label: String) -> Clause? {
        clauses.first { $0.label == label }
    }

    /// `count` plain report paragraphs numbered from `first`.
    private func filler(_ first: Int, _ count: Int) -> String {
        (first..<(first + count)).map { "\($0). The Conference of the Parties considered item \($0)." }
            .joined(separator: "\n\n")
    }

    // MARK: - Masthead and contents

    func testMastheadBecomesMetadata() throws {
        let document = try parse(Fixture.copMasthead + "1. The Conference opened its session.\n")
        let metadata = document.metadata
        XCTAssertEqual(metadata.body,
                       "Conference of the Parties to the United Nations Convention against Transnational Organized Crime")
        XCTAssertEqual(metadata.bodyPrefix, "CTOC/COP")
        XCTAssertEqual(metadata.distribution, "General")
        XCTAssertEqual(metadata.issueDate, "2006-12-22")
        XCTAssertEqual(metadata.originalLanguage, "English")
        XCTAssertEqual(metadata.session, "Third session")
        XCTAssertEqual(metadata.place, "Vienna")
        XCTAssertEqual(metadata.startDate, "2006-10-09")
        XCTAssertEqual(metadata.endDate, "2006-10-18")
        XCTAssertEqual(document.paragraphs.map(\.number), ["1"])
    }

    func testMastheadDatesAfter2999() throws {
        let masthead = Fixture.copMasthead.replacingOccurrences(of: "2006", with: "3006")
        let document = try parse(masthead + "1. The Conference opened its session on 9 October 3006.\n")
        XCTAssertEqual(document.metadata.issueDate, "3006-12-22")
        XCTAssertEqual(document.metadata.issueDateText, "22 December 3006")
        XCTAssertEqual(document.metadata.startDate, "3006-10-09")
        XCTAssertEqual(document.metadata.endDate, "3006-10-18")
        XCTAssertEqual(document.metadata.title, nil)
    }

    func testJobNumberBecomesMetadata() throws {
        // A converted PDF prints the job number and its barcode at the foot of page 1.
        let (document, source) = try Fixture.parse(Fixture.copMasthead + """
            1. The Conference opened its session.

            V.06-58123 (E)

            *0658123*

            2. The Conference adopted its agenda.

            """)
        XCTAssertEqual(document.metadata.jobNumber, "V.06-58123")
        let evidence = try XCTUnwrap(document.metadata.evidence["jobNumber"])
        XCTAssertEqual(source.text(evidence), "V.06-58123 (E)")
        XCTAssertEqual(document.paragraphs.map(\.text), ["The Conference opened its session.", "The Conference adopted its agenda."])
        XCTAssertEqual(document.texts, [])
    }

    func testNewYorkJobNumberBecomesMetadata() throws {
        let document = try parse(Fixture.copMasthead + """
            1. The Conference opened its session.

            06-41234 (E)    240806

            2. The Conference adopted its agenda.

            """)
        XCTAssertEqual(document.metadata.jobNumber, "06-41234")
        XCTAssertEqual(document.paragraphs.map(\.text), ["The Conference opened its session.", "The Conference adopted its agenda."])
    }

    /// A text export prints the symbol alone on a masthead line: it is the document's symbol
    /// (with its line as evidence), not the start of its title.
    func testMastheadSymbolLineIsTheDocumentsSymbol() throws {
        let text = """
            United Nations

            CTOC/COP/2006/L.1

            Conference of the Parties to the United Nations Convention against Transnational Organized Crime

            Distr.: Limited
            12 October 2006

            Original: English

            Third session
            Vienna, 9-18 October 2006

            Draft report

            Rapporteur: Adam Smith (Canada)

            I. Introduction

            1. The Conference of the Parties held its third session in Vienna.
            """
        let (document, source) = try Fixture.parse(text)
        XCTAssertEqual(document.symbol, "CTOC/COP/2006/L.1")
        XCTAssertEqual(document.metadata.evidence["symbol"].map { source.text($0) }, "CTOC/COP/2006/L.1")
        XCTAssertEqual(document.metadata.title, "Draft report")
        XCTAssertEqual(document.metadata.body, "Conference of the Parties to the United Nations Convention against Transnational Organized Crime")
        XCTAssertEqual(document.paragraphs.map(\.number), ["1"])
        // A symbol the caller gives wins, and the masthead line is no evidence of it.
        let given = DocumentParser(grammars: try ParserGrammars.builtIn()).parse(source, symbol: "CTOC/COP/2006/L.9")
        XCTAssertEqual(given.symbol, "CTOC/COP/2006/L.9")
        XCTAssertNil(given.metadata.evidence["symbol"])
    }

    func testNoJobNumberWithoutOne() throws {
        let document = try parse(Fixture.copMasthead + "1. The Conference opened its session.\n")
        XCTAssertNil(document.metadata.jobNumber)
        XCTAssertNil(document.metadata.evidence["jobNumber"])
    }

    func testIntroductionHeadingBeforeTheFirstParagraphIsNotPartOfTheTitle() throws {
        let (document, source) = try Fixture.parse(Fixture.workingGroupMasthead + """
            ### Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 27 to 29 January 2010

            ## **Introduction**

            1. In its decision 4/4, the Conference of the Parties established the Working Group.

            """)
        XCTAssertEqual(document.metadata.title,
                       "Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 27 to 29 January 2010")
        let evidence = try XCTUnwrap(document.metadata.evidence["title"])
        XCTAssertEqual(source.text(evidence),
                       "### Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 27 to 29 January 2010")
        XCTAssertEqual(document.sections.map(\.heading), ["Introduction"])
        XCTAssertEqual(document.sections.first?.content, ["para-1"])
        XCTAssertEqual(document.paragraph("1")?.section, document.sections.first?.id)
    }

    func testCorrectionsOfACorrigendumAreNotPartOfTheTitle() throws {
        let document = try parse(Fixture.copMasthead + """
            ## Annotated provisional agenda

            #### Corrigendum

            Paragraph 20, line 3

            For 45 read 47

            """)
        XCTAssertEqual(document.metadata.title, "Annotated provisional agenda: Corrigendum")
        XCTAssertEqual(document.texts.map(\.text), ["Paragraph 20, line 3 For 45 read 47"])
    }

    func testContentsRows() throws {
        let document = try parse("""
            Contents

            \t<i>Paragraphs</i>\t<i>Page</i>
            I. Introduction\t1-2\t2
            II. Results of the survey\t3-4\t2
            A. Ratification and legal provisions\t3-4\t3

            I. Introduction

            1. One.

            2. Two.

            II. Results of the survey

            A. Ratification and legal provisions

            3. Three.

            4. Four.

            """)
        XCTAssertEqual(document.contents.map(\.label), ["I", "II", "A"])
        XCTAssertEqual(document.contents.map(\.title), ["Introduction", "Results of the survey", "Ratification and legal provisions"])
        XCTAssertEqual(document.contents.map(\.paragraphs), ["1-2", "3-4", "3-4"])
        XCTAssertEqual(document.contents.map(\.page), ["2", "2", "3"])
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3", "4"])
        XCTAssertEqual(document.sections.map(\.id), ["sec-I", "sec-II"])
    }

    // MARK: - Report paragraphs

    func testReportParagraphsAreNumberedOneToN() throws {
        let document = try parse("""
            I. Introduction

            1. The Conference of the Parties held its third session in Vienna.

            2. The session was opened by the President.
            3. Statements were made by the representatives of several States.

            II. Organization of the session

            A. Opening of the session

            4. At its 1st meeting, the Conference adopted its agenda.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3", "4"])
        XCTAssertEqual(document.paragraphs.map(\.id), ["para-1", "para-2", "para-3", "para-4"])
        XCTAssertEqual(document.paragraphs.map(\.section), ["sec-I", "sec-I", "sec-I", "sec-II.A"])
        XCTAssertEqual(document.sections.map(\.id), ["sec-I", "sec-II"])
        XCTAssertEqual(document.sections.first?.content, ["para-1", "para-2", "para-3"])
        XCTAssertEqual(document.sections.last?.children.map(\.id), ["sec-II.A"])
        XCTAssertEqual(document.paragraphs[1].text, "The session was opened by the President.")
        XCTAssertEqual(document.diagnostics.filter { $0.code.hasPrefix("paragraph.") }, [])
    }

    func testNumberedListInsideAParagraphBecomesItsChildren() throws {
        let document = try parse(filler(1, 4) + """


            5. At its 1st meeting, the Conference of the Parties adopted the following agenda:

            1. Organizational matters:
              - (a) Opening of the session;
              - (b) Election of officers.
            2. Technical assistance.
            3. Other matters.

            6. The Conference also approved the organization of work.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3", "4", "5", "6"])
        let paragraph = try XCTUnwrap(document.paragraph("5"))
        XCTAssertEqual(paragraph.children.map(\.label), ["1", "2", "3"])
        XCTAssertEqual(paragraph.children.map(\.id), ["para-5.1", "para-5.2", "para-5.3"])
        XCTAssertEqual(paragraph.children.map(\.style), [.number, .number, .number])
        XCTAssertEqual(paragraph.children.first?.children.map(\.id), ["para-5.1.a", "para-5.1.b"])
        XCTAssertEqual(paragraph.children.last?.text, "Other matters.")
    }

    func testListItemsNumberedLikeTheNextParagraphStayInTheList() throws {
        // Items 3 and 4 come where paragraphs 3 and 4 could; the paragraphs that follow
        // ("3. At its 2nd meeting…") show they are items of the agenda in paragraph 2.
        let document = try parse("""
            1. The Conference of the Parties held its third session in Vienna.

            2. At its 1st meeting, the Conference adopted the following agenda:

            1. Opening of the session.
            2. Election of officers.
            3. Adoption of the agenda.
            4. Other matters.

            3. At its 2nd meeting, the Conference elected its officers.

            4. At its 3rd meeting, the Conference adopted the report.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3", "4"])
        XCTAssertEqual(document.paragraph("2")?.children.map(\.label), ["1", "2", "3", "4"])
        XCTAssertEqual(document.paragraph("3")?.text, "At its 2nd meeting, the Conference elected its officers.")
        XCTAssertEqual(document.diagnostics.filter { $0.code.hasPrefix("paragraph.") }.map(\.code), [])
    }

    // MARK: - Clauses

    private func decision(_ clauses: String) -> String {
        """
        I. Decisions taken by the Conference of the Parties

        1. At its third session, the Conference of the Parties adopted the following decision:

        Decision 3/1

        **Review of the implementation of the Convention**

        The Conference of the Parties to the United Nations Convention against Transnational Organized Crime:

        \(clauses)

        """
    }

    func testDecisionTitlePreambleAndClauses() throws {
        let document = try parse(decision("(a) Welcomes the discussions;\n\n(b) Requests its secretariat to report."))
        let decision = try XCTUnwrap(document.decisions.first)
        XCTAssertEqual(decision.id, "3/1")
        XCTAssertEqual(decision.element, "dec-3/1")
        XCTAssertEqual(decision.title, "Review of the implementation of the Convention")
        XCTAssertEqual(decision.preamble,
                       "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime:")
        XCTAssertEqual(decision.clauses.map(\.id), ["dec-3/1.a", "dec-3/1.b"])
        XCTAssertEqual(decision.section, "sec-I")
        XCTAssertEqual(document.paragraphs.map(\.number), ["1"])
    }

    func testParenthesisedIAfterHIsALetter() throws {
        let labels = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        let clauses = labels.map { "(\($0)) Requests its secretariat to act on matter \($0);" }.joined(separator: "\n\n")
        let document = try parse(decision(clauses))
        let decision = try XCTUnwrap(document.decisions.first)
        XCTAssertEqual(decision.clauses.map(\.label), labels)
        XCTAssertEqual(decision.clauses.map(\.style), Array(repeating: .letter, count: labels.count))
        XCTAssertEqual(clause(decision.clauses, "i")?.id, "dec-3/1.i")
        XCTAssertEqual(clause(decision.clauses, "h")?.children, [])
    }

    func testParenthesisedIAfterAColonStartsRomanSubClauses() throws {
        let document = try parse(decision("""
            (a) Welcomes the discussions;

            (b) Calls upon States parties to comply;

            (c) Expresses its concern;

            (d) Urges States parties to cooperate;

            (e) Requests its secretariat to report;

            (f) Also requests its secretariat to assist;

            (g) Decides that the working group shall:

            (i) Assist the Conference;

            (ii) Consider priorities;

            (iii) Report to the Conference;

            (h) Requests its secretariat to convene the working group.
            """))
        let decision = try XCTUnwrap(document.decisions.first)
        XCTAssertEqual(decision.clauses.map(\.label), ["a", "b", "c", "d", "e", "f", "g", "h"])
        let g = try XCTUnwrap(clause(decision.clauses, "g"))
        XCTAssertEqual(g.children.map(\.label), ["i", "ii", "iii"])
        XCTAssertEqual(g.children.map(\.style), [.roman, .roman, .roman])
        XCTAssertEqual(g.children.map(\.id), ["dec-3/1.g.i", "dec-3/1.g.ii", "dec-3/1.g.iii"])
    }

    func testParenthesisedIAfterHEndingInAColonStartsRomanSubClauses() throws {
        let labels = ["a", "b", "c", "d", "e", "f", "g"]
        let clauses = labels.map { "(\($0)) Requests its secretariat to act on matter \($0);" }.joined(separator: "\n\n")
        let document = try parse(decision(clauses + """


            (h) Decides that the working group shall:

            (i) Assist the Conference;

            (ii) Report to the Conference;

            (i) Requests its secretariat to convene the working group.
            """))
        let decision = try XCTUnwrap(document.decisions.first)
        XCTAssertEqual(decision.clauses.map(\.label), labels + ["h", "i"])
        XCTAssertEqual(clause(decision.clauses, "h")?.children.map(\.id), ["dec-3/1.h.i", "dec-3/1.h.ii"])
        XCTAssertEqual(clause(decision.clauses, "i")?.style, .letter)
    }

    // MARK: - Draft decisions: title and preamble

    func testDraftDecisionTitlePreambleAndNumberedParagraphs() throws {
        let document = try parse(Fixture.copMasthead + """
            Draft decision 3/1

            Review of the implementation of the United Nations Convention against Transnational Organized Crime

            The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,

            Recalling its decision 2/1,

            Noting the discussions held during its third session,

            1. Decides to continue the review of the implementation of the Convention;

            2. Requests its secretariat to report to the Conference at its fourth session.

            """)
        let decision = try XCTUnwrap(document.decisions.first)
        XCTAssertEqual(document.decisions.map(\.id), ["3/1"])
        XCTAssertEqual(decision.kind, "draft decision")
        XCTAssertEqual(decision.heading, "Draft decision 3/1")
        XCTAssertEqual(decision.title, "Review of the implementation of the United Nations Convention against Transnational Organized Crime")
        XCTAssertEqual(decision.preamble, "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime, "
                       + "Recalling its decision 2/1, Noting the discussions held during its third session,")
        XCTAssertEqual(decision.paragraphs.map(\.id), ["dec-3/1.1", "dec-3/1.2"])
        XCTAssertEqual(decision.paragraphs.first?.text, "Decides to continue the review of the implementation of the Convention;")
        XCTAssertEqual(document.paragraphs, [])
        XCTAssertEqual(document.texts, [])
        XCTAssertNil(document.metadata.title)
        let recalled = document.references(.decision).first
        XCTAssertEqual(recalled?.from, "dec-3/1")
        XCTAssertEqual(recalled?.relation, "recalling")
    }

    /// A commission's chapter I: drafts numbered in their chapter for the Council, each with a
    /// title, a preamble and operative paragraphs of its own; the report's paragraphs run on.
    func testDraftsNumberedInTheirChapterAreDecisionsOfTheirKind() throws {
        let document = try parse("""
            I. Matters calling for action by the Economic and Social Council

            A. Draft resolutions for adoption by the Economic and Social Council

            1. The Commission recommends to the Economic and Social Council the approval of the following draft resolutions:

            Draft resolution I

            Strengthening international cooperation in preventing and combating trafficking in persons

            The Economic and Social Council,

            Recalling General Assembly resolution 55/25 of 15 November 2000,

            1. Urges Member States to ratify the Protocol;

            2. Requests the Secretary-General to report to the Commission at its sixteenth session.

            Draft resolution II

            International cooperation in the fight against corruption

            The Economic and Social Council,

            1. Invites States to ratify the Convention.

            B. Draft decision for adoption by the Economic and Social Council

            2. The Commission recommends the adoption of the following draft decision:

            Draft decision I

            Report of the Commission on its fifteenth session

            The Economic and Social Council takes note of the report of the Commission on its fifteenth session.

            II. Organization of the session

            3. The Commission held its fifteenth session in Vienna from 24 to 28 April 2006.
            """)
        XCTAssertEqual(document.decisions.map(\.id), ["draft resolution I", "draft resolution II", "draft decision I"])
        XCTAssertEqual(document.decisions.map(\.kind), ["draft resolution", "draft resolution", "draft decision"])
        XCTAssertEqual(document.decisions.map(\.element), ["dec-draft-resolution-I", "dec-draft-resolution-II", "dec-draft-decision-I"])
        XCTAssertEqual(document.decisions.map(\.heading), ["Draft resolution I", "Draft resolution II", "Draft decision I"])
        let first = document.decisions[0]
        XCTAssertEqual(first.title, "Strengthening international cooperation in preventing and combating trafficking in persons")
        XCTAssertEqual(first.preamble, "The Economic and Social Council, Recalling General Assembly resolution 55/25 of 15 November 2000,")
        XCTAssertEqual(first.paragraphs.map(\.id), ["dec-draft-resolution-I.1", "dec-draft-resolution-I.2"])
        XCTAssertEqual(document.decisions[1].paragraphs.map(\.text), ["Invites States to ratify the Convention."])
        XCTAssertEqual(document.decisions[2].preamble,
                       "The Economic and Social Council takes note of the report of the Commission on its fifteenth session.")
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3"], "the drafts' paragraphs are not the report's")
        XCTAssertFalse(document.paragraphs[0].text.contains("Draft resolution"))
        XCTAssertEqual(document.diagnostics.map(\.code), [])
        XCTAssertEqual(document.references(.resolution).first?.from, "dec-draft-resolution-I")
    }

    func testADraftAloneInItsChapterHasNoNumber() throws {
        let document = try parse("""
            I. Matters calling for action by the Economic and Social Council

            1. The Commission recommends to the Council the adoption of the following draft resolution:

            Draft resolution

            Technical assistance for implementing the international conventions

            The Economic and Social Council,

            1. Requests the United Nations Office on Drugs and Crime to continue its work.

            II. Organization of the session

            2. The Commission met in Vienna.
            """)
        XCTAssertEqual(document.decisions.map(\.id), ["draft resolution"])
        XCTAssertEqual(document.decisions.first?.element, "dec-draft-resolution")
        XCTAssertEqual(document.decisions.first?.heading, "Draft resolution")
        XCTAssertEqual(document.decisions.first?.title, "Technical assistance for implementing the international conventions")
        XCTAssertEqual(document.decisions.first?.paragraphs.count, 1)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2"])
    }

    func testDecisionTitleOnTheHeadingLineAndPreambleParagraphs() throws {
        let document = try parse("""
            I. Decisions taken by the Conference of the Parties

            1. At its third session, the Conference of the Parties adopted the following decision:

            Decision 3/1. Review of the implementation of the Convention

            The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,

            Recalling its decision 2/1,

            (a) Welcomes the discussions;

            (b) Requests its secretariat to report.

            """)
        let decision = try XCTUnwrap(document.decisions.first)
        XCTAssertEqual(decision.title, "Review of the implementation of the Convention")
        XCTAssertEqual(decision.preamble,
                       "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime, Recalling its decision 2/1,")
        XCTAssertEqual(decision.clauses.map(\.id), ["dec-3/1.a", "dec-3/1.b"])
        XCTAssertEqual(document.paragraphs.map(\.number), ["1"])
    }

    func testUndecoratedTitleLineAfterTheDecisionHeadingIsTheTitle() throws {
        let document = try parse("""
            I. Decisions taken by the Conference of the Parties

            1. At its third session, the Conference of the Parties adopted the following decision:

            Decision 3/2

            Implementation of the provisions on international cooperation

            The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,

            Recalling its decision 2/2,

            1. Decides to continue;

            2. Requests its secretariat to report.

            II. Introduction

            2. The Conference met in Vienna.

            """)
        let decision = try XCTUnwrap(document.decisions.first)
        XCTAssertEqual(decision.title, "Implementation of the provisions on international cooperation")
        XCTAssertEqual(decision.preamble,
                       "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime, Recalling its decision 2/2,")
        XCTAssertEqual(decision.paragraphs.map(\.id), ["dec-3/2.1", "dec-3/2.2"])
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2"])
    }

    func testPreambleRightAfterTheHeadingIsNotTakenForATitle() throws {
        let document = try parse("""
            Decision 3/3

            The Conference of the Parties to the United Nations Convention against Transnational Organized Crime:

            (a) Welcomes the results of the consultations.

            """)
        let decision = try XCTUnwrap(document.decisions.first)
        XCTAssertNil(decision.title)
        XCTAssertEqual(decision.preamble, "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime:")
        XCTAssertEqual(decision.clauses.map(\.label), ["a"])
    }

    func testDraftDecisionDocumentKeepsThePreambleOutOfItsTitle() throws {
        // A draft decision as issued (an L. document) prints no decision number: the
        // masthead's title lines end where the preamble begins.
        let document = try parse(Fixture.copMasthead + """
            ## Measurement of organized crime: draft decision submitted by the Chair

            #### Agenda item 8

            The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,

            Recalling its decision 2/1,

            (a) Requests its secretariat to report.

            """)
        XCTAssertEqual(document.metadata.title, "Measurement of organized crime: draft decision submitted by the Chair")
        XCTAssertEqual(document.metadata.agendaItem?.number, "8")
        XCTAssertEqual(document.texts.map(\.text), [
            "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime, Recalling its decision 2/1,",
            "(a) Requests its secretariat to report.",
        ])
        XCTAssertEqual(document.references(.decision).map(\.relation), ["recalling"])
    }

    func testDraftDecisionPreambleCutByAPageBreakIsNotPartOfTheTitle() throws {
        // The first line of the preamble ends mid-sentence; it names the masthead's body.
        let document = try parse(Fixture.copMasthead + """
            ## Implementation of the Protocols: draft decision submitted by Argentina

            The Conference of the Parties to the United Nations Convention against Transnational Organized Crime, recalling the functions assigned to it in article 32 of

            the United Nations Convention against Transnational Organized Crime and welcoming the results of the consultations:

            (a) Welcomes the fact that the majority of States parties have adopted legislative frameworks;

            """)
        XCTAssertEqual(document.metadata.title, "Implementation of the Protocols: draft decision submitted by Argentina")
        XCTAssertEqual(document.texts.first?.text,
                       "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime, "
                       + "recalling the functions assigned to it in article 32 of the United Nations Convention against "
                       + "Transnational Organized Crime and welcoming the results of the consultations:")
    }

    // MARK: - Chapters and sections

    func testRomanIAfterHIsASection() throws {
        let sections = ["A", "B", "C", "D", "E", "F", "G", "H"]
        var text = "I. Introduction\n\n1. The report is submitted pursuant to a resolution.\n\nII. Results of the survey\n\n2. Replies were received.\n\n"
        for (index, letter) in sections.enumerated() {
            text += "\(letter). Topic \(letter)\n\n\(index + 3). Replies on topic \(letter) were received.\n\n"
        }
        text += "I. Lessons learned and new challenges\n\n11. Lessons were learned.\n\n"
        text += "III. Concluding remarks\n\n12. The report concludes.\n"
        let document = try parse(text)
        XCTAssertEqual(document.sections.map(\.id), ["sec-I", "sec-II", "sec-III"])
        XCTAssertEqual(document.sections.map(\.kind), [.chapter, .chapter, .chapter])
        let results = try XCTUnwrap(document.sections.first { $0.id == "sec-II" })
        XCTAssertEqual(results.children.map(\.number), sections + ["I"])
        XCTAssertEqual(results.children.last?.id, "sec-II.I")
        XCTAssertEqual(results.children.last?.kind, .section)
        XCTAssertEqual(results.children.last?.heading, "Lessons learned and new challenges")
        XCTAssertEqual(document.paragraph("11")?.section, "sec-II.I")
        XCTAssertEqual(document.paragraph("12")?.section, "sec-III")
        XCTAssertEqual(document.diagnostics.filter { $0.code.hasPrefix("structure.") }, [])
    }

    // MARK: - Continuation

    func testUnfinishedSentenceContinuesAfterAPageBreak() throws {
        let document = try parse("""
            1. The Working Group met in Vienna.

            2. It was noted that UNODC was working closely with national



            authorities to develop policies and action plans against trafficking in persons.

            3. The Working Group adopted its report.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3"])
        XCTAssertEqual(document.paragraph("2")?.text,
                       "It was noted that UNODC was working closely with national authorities to develop policies and action plans against trafficking in persons.")
        XCTAssertEqual(document.texts, [])
    }

    func testUnnumberedParagraphAfterAPageBreakContinuesTheParagraph() throws {
        let document = try parse("""
            1. The Working Group met in Vienna.

            2. The Working Group considered the report of the secretariat.



            The Working Group was also informed of recent developments.

            3. The Working Group adopted its report.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3"])
        XCTAssertEqual(document.paragraph("2")?.text,
                       "The Working Group considered the report of the secretariat. The Working Group was also informed of recent developments.")
        XCTAssertEqual(document.texts, [])
    }

    func testFootnoteBlockBetweenTwoHalvesDoesNotSplitTheParagraph() throws {
        let document = try parse("""
            1. The Working Group met in Vienna.

            2. UNODC has also launched a first aid kit<sup>1</sup> for the detection of cases of trafficking in persons and for providing assistance to

            ---

            <sup>1</sup> Produced with the International Organization for Migration (IOM).

            victims of such trafficking, which is available in all UN languages.

            3. The Working Group adopted its report.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3"])
        let paragraph = try XCTUnwrap(document.paragraph("2"))
        XCTAssertTrue(paragraph.text.hasSuffix("providing assistance to victims of such trafficking, which is available in all UN languages."),
                      paragraph.text)
        XCTAssertEqual(document.footnotes.map(\.id), ["fn-1"])
        XCTAssertEqual(document.footnotes.first?.text, "Produced with the International Organization for Migration (IOM).")
        XCTAssertEqual(document.footnotes.first?.anchors.map(\.element), ["para-2"])
        XCTAssertEqual(document.texts, [])
    }

    // MARK: - Annexes

    func testAnnexListOfDocuments() throws {
        let document = try parse("""
            1. The documents before the Conference are listed in annex I.

            Annex I

            **List of documents before the Conference of the Parties at its third session**

            <i>Document symbol</i>\t<i>Agenda item</i>\t<i>Title or description</i>
            CTOC/COP/2006/1\tProvisional agenda and annotations
            CTOC/COP/2006/L.1 and Add.1-3\tDraft report
            CTOC/COP/2006/4 and Corr.1\tAnalytical report of the Secretariat

            """)
        let annex = try XCTUnwrap(document.annexes.first)
        XCTAssertEqual(annex.id, "annex-I")
        XCTAssertEqual(annex.title, "List of documents before the Conference of the Parties at its third session")
        XCTAssertEqual(annex.documents.map(\.symbol), ["CTOC/COP/2006/1", "CTOC/COP/2006/L.1 and Add.1-3", "CTOC/COP/2006/4 and Corr.1"])
        XCTAssertEqual(annex.documents.map(\.symbols.count), [1, 4, 2])
        XCTAssertEqual(annex.documents.map(\.title), ["Provisional agenda and annotations", "Draft report", "Analytical report of the Secretariat"])
        XCTAssertEqual(document.paragraphs.map(\.number), ["1"])
    }

    func testAnnexAgendaIsNotReportParagraphs() throws {
        let document = try parse("""
            1. The Conference approved the provisional agenda for its fourth session.

            2. The Conference adopted the report.

            Annex II

            **Draft provisional agenda for the fourth session of the Conference of the Parties**

            1. Organizational matters:
              - (a) Opening of the fourth session;
              - (b) Adoption of the agenda.
            2. Technical assistance.
            3. Adoption of the report.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2"])
        let annex = try XCTUnwrap(document.annexes.first)
        XCTAssertEqual(annex.agenda.map(\.id), ["annex-II.1", "annex-II.2", "annex-II.3"])
        XCTAssertEqual(annex.agenda.first?.children.map(\.id), ["annex-II.1.a", "annex-II.1.b"])
    }

    // MARK: - Footnotes

    func testEndNotesInUnicodeNotation() throws {
        let document = try parse("""
            I. Introduction

            1. Twenty-two States had ratified the Protocol,¹ while others²⁴ had not.

            Notes

            - ¹ Algeria, Azerbaijan and Belarus.
            ²⁴ Australia and Finland.

            """)
        XCTAssertEqual(document.footnotes.map(\.id), ["fn-1", "fn-24"])
        XCTAssertEqual(document.footnotes.map(\.notation), [.unicodeSuperscript, .unicodeSuperscript])
        XCTAssertEqual(document.footnotes.map(\.text), ["Algeria, Azerbaijan and Belarus.", "Australia and Finland."])
        XCTAssertEqual(document.footnotes.map { $0.anchors.map(\.element) }, [["para-1"], ["para-1"]])
        XCTAssertEqual(document.paragraph("1")?.text, "Twenty-two States had ratified the Protocol, while others had not.")
        XCTAssertEqual(document.diagnostics.filter { $0.code.hasPrefix("footnote.") }, [])
    }

    func testStarredNotesOnTheMasthead() throws {
        let document = try parse("""
            Commission on Crime Prevention and Criminal Justice

            Fourteenth session

            Vienna, 23-27 May 2005

            Item 6 of the provisional agenda*

            International cooperation in combating transnational crime

            Report of the Secretary-General**

            * E/CN.15/2005/1.

            ** The submission of the present report was delayed.

            I. Introduction

            1. The present report is submitted pursuant to a resolution.

            """)
        XCTAssertEqual(document.metadata.agendaItem?.number, "6")
        XCTAssertEqual(document.metadata.agendaItem?.provisional, true)
        XCTAssertEqual(document.metadata.agendaItem?.title, "International cooperation in combating transnational crime")
        XCTAssertEqual(document.footnotes.map(\.id), ["fn-*", "fn-**"])
        XCTAssertEqual(document.footnotes.map(\.notation), [.star, .star])
        XCTAssertEqual(document.footnotes.map(\.text), ["E/CN.15/2005/1.", "The submission of the present report was delayed."])
        XCTAssertEqual(document.footnotes.map { $0.anchors.count }, [1, 1])
        XCTAssertEqual(document.diagnostics.filter { $0.code.hasPrefix("footnote.") }, [])
    }

    func testOrphanMarkerIsDiagnosed() throws {
        let document = try parse("1. The Convention<sup>7</sup> entered into force in 2003.\n")
        let orphans = document.diagnostics("footnote.orphanMarker")
        XCTAssertEqual(orphans.count, 1)
        XCTAssertEqual(orphans.first?.element, "para-1")
        XCTAssertEqual(document.footnotes, [])
    }

    func testOrphanBodyIsDiagnosed() throws {
        let document = try parse("""
            1. The Convention entered into force in 2003.

            ---

            <sup>9</sup> A note that nothing in the text refers to.

            """)
        XCTAssertEqual(document.footnotes.map(\.id), ["fn-9"])
        XCTAssertEqual(document.footnotes.first?.anchors, [])
        let orphans = document.diagnostics("footnote.orphanBody")
        XCTAssertEqual(orphans.count, 1)
        XCTAssertEqual(orphans.first?.element, "fn-9")
        XCTAssertEqual(document.diagnostics("footnote.orphanMarker"), [])
    }
}
