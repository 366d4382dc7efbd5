import XCTest
import UNDocModel
@testable import UNDocParser

/// Grammars/references.peg through `DocumentParser` and `ReferenceRecognizer` on small
/// synthetic documents: each rule of the grammar, normalised targets, relation words,
/// and the rule that every reference's text is the source at its span.
final class ReferenceGrammarTests: XCTestCase {
    /// Parses `body` under `masthead` and checks every reference's span.
    private func parse(_ body: String, masthead: String = Fixture.copMasthead, symbol: String? = nil,
                       file: StaticString = #filePath, line: UInt = #line) throws -> Document {
        let (document, source) = try Fixture.parse(masthead + body, symbol: symbol)
        assertSpansMatchSource(document, source, file: file, line: line)
        return document
    }

    /// `count` numbered paragraphs; `texts[n]` replaces the text of paragraph n.
    private func paragraphs(_ count: Int, _ texts: [Int: String]) -> String {
        (1...count).map { "\($0). " + (texts[$0] ?? "The Conference of the Parties considered item \($0).") }
            .joined(separator: "\n\n") + "\n"
    }

    // MARK: - Decisions

    func testDecisionOfTheDocumentsOwnBody() throws {
        let document = try parse("1. The Conference of the Parties adopted decision 3/2 at its 5th meeting.\n")
        XCTAssertEqual(document.metadata.bodyPrefix, "CTOC/COP")
        let refs = document.references(.decision)
        XCTAssertEqual(refs.count, 1)
        let ref = try XCTUnwrap(refs.first)
        XCTAssertEqual(ref.text, "decision 3/2")
        XCTAssertEqual(ref.target.number, "3/2")
        XCTAssertEqual(ref.target.bodyPrefix, "CTOC/COP")
        XCTAssertEqual(ref.from, "para-1")
        XCTAssertEqual(ref.relation, "adopted")
        XCTAssertEqual(ref.status, .external, "decision 3/2 is not printed in this document")
    }

    func testDecisionPrintedInTheDocumentResolves() throws {
        let document = try parse("""
            I. Decisions taken by the Conference of the Parties

            1. At its third session, the Conference of the Parties adopted the following decision:

            Decision 3/2

            **Implementation of the provisions on international cooperation**

            The Conference of the Parties to the United Nations Convention against Transnational Organized Crime:

            (a) Decides to continue its work;

            (b) Requests its secretariat to report.

            II. Introduction

            2. The Conference considered the implementation of decision 3/2 at its 6th meeting.

            """)
        XCTAssertEqual(document.decisions.map(\.id), ["3/2"])
        let ref = try XCTUnwrap(document.references(.decision).first { $0.from == "para-2" })
        XCTAssertEqual(ref.target.number, "3/2")
        XCTAssertEqual(ref.status, .resolved)
        XCTAssertEqual(ref.target.element, "dec-3/2")
    }

    func testListOfDecisions() throws {
        let document = try parse("1. The secretariat reported pursuant to its decisions 1/2, 1/3 and 2/5 on the questionnaires.\n")
        let refs = document.references(.decision)
        XCTAssertEqual(refs.map(\.target.number), ["1/2", "1/3", "2/5"])
        for ref in refs {
            XCTAssertTrue(ref.text.contains("decisions 1/2, 1/3 and 2/5"), ref.text)
            XCTAssertEqual(ref.target.bodyPrefix, "CTOC/COP")
            XCTAssertEqual(ref.relation, "pursuant to")
        }
    }

    func testDecisionOfANamedBody() throws {
        let document = try parse("1. The Working Group took into account decision 4/4 of the Conference of the Parties.\n",
                                 masthead: Fixture.workingGroupMasthead)
        XCTAssertEqual(document.metadata.bodyPrefix, "CTOC/COP/WG.4")
        let ref = try XCTUnwrap(document.references(.decision).first)
        XCTAssertEqual(ref.text, "decision 4/4 of the Conference of the Parties")
        XCTAssertEqual(ref.target.number, "4/4")
        XCTAssertEqual(ref.target.bodyPrefix, "CTOC/COP", "the Conference, not the Working Group, took decision 4/4")
        XCTAssertEqual(ref.status, .external)
    }

    func testDecisionWhoseOwnerFollowsTheComma() throws {
        let document = try parse("""
            1. In its decision 4/4, the Conference of the Parties to the United Nations Convention against Transnational Organized Crime decided that the Working Group should continue.

            """, masthead: Fixture.workingGroupMasthead)
        let ref = try XCTUnwrap(document.references(.decision).first)
        XCTAssertEqual(ref.target.number, "4/4")
        XCTAssertEqual(ref.target.body,
                       "Conference of the Parties to the United Nations Convention against Transnational Organized Crime")
        XCTAssertEqual(ref.target.bodyPrefix, "CTOC/COP")
        XCTAssertEqual(ref.status, .external)
        XCTAssertNil(ref.relation)
    }

    func testEuropeanUnionFrameworkDecisionIsExternal() throws {
        let document = try parse("""
            1. Several States referred to Council framework decision 2004/68/JHA of the Council of the European Union.

            2. One State also applied Council framework decision 2002/629/JHA.

            """)
        let refs = document.references(.decision)
        XCTAssertEqual(refs.map(\.target.number), ["2004/68/JHA", "2002/629/JHA"])
        XCTAssertEqual(refs.first?.target.body, "Council of the European Union")
        XCTAssertTrue(refs.first?.text.contains("decision 2004/68/JHA of the Council of the European Union") ?? false)
        for ref in refs {
            XCTAssertEqual(ref.status, .external)
            XCTAssertNil(ref.target.bodyPrefix, "an act of the European Union has no UN symbol prefix")
            XCTAssertNil(ref.target.element)
        }
    }

    // MARK: - Resolutions

    func testResolutionWithAnnex() throws {
        let document = try parse("1. States recalled General Assembly resolution 55/25, annex II, on trafficking in persons.\n")
        let refs = document.references(.resolution)
        XCTAssertEqual(refs.count, 1)
        let ref = try XCTUnwrap(refs.first)
        XCTAssertEqual(ref.target.symbol, "A/RES/55/25")
        XCTAssertEqual(ref.target.part, "annex II")
        XCTAssertEqual(ref.target.key, "A/RES/55/25, annex II")
        XCTAssertEqual(ref.target.body, "General Assembly")
        XCTAssertEqual(ref.status, .external)
        XCTAssertTrue(ref.text.hasPrefix("General Assembly resolution 55/25"), ref.text)
    }

    func testResolutionsWithSeveralAnnexes() throws {
        let document = try parse("""
            1. The Protocols are contained in General Assembly resolutions 55/25, annexes II and III, and 55/255, annex.

            """)
        let refs = document.references(.resolution)
        XCTAssertEqual(refs.map(\.target.symbol), ["A/RES/55/25", "A/RES/55/25", "A/RES/55/255"])
        XCTAssertEqual(refs.map(\.target.part), ["annex II", "annex III", "annex"])
        XCTAssertEqual(refs.first?.relation, "contained in")
    }

    func testCouncilResolutionWithDate() throws {
        let document = try parse("1. Recalling Economic and Social Council resolution 2006/27 of 27 July 2006, the Conference acted.\n")
        let ref = try XCTUnwrap(document.references(.resolution).first)
        XCTAssertEqual(ref.target.symbol, "E/RES/2006/27")
        XCTAssertEqual(ref.target.date, "2006-07-27")
        XCTAssertEqual(ref.target.body, "Economic and Social Council")
        XCTAssertEqual(ref.relation, "recalling")
        XCTAssertTrue(ref.text.hasPrefix("Economic and Social Council resolution 2006/27"), ref.text)
    }

    func testSecurityCouncilResolution() throws {
        let document = try parse("1. Several speakers referred to Security Council resolution 1325 (2000) on women and peace.\n")
        let ref = try XCTUnwrap(document.references(.resolution).first)
        XCTAssertEqual(ref.target.symbol, "S/RES/1325 (2000)")
        XCTAssertEqual(ref.target.body, "Security Council")
    }

    func testResolutionWithoutOrganIsAGeneralAssemblyResolutionByItsNumber() throws {
        let document = try parse("""
            1. In its resolution 58/137 of 22 December 2003, the General Assembly invited Member States to provide assistance.

            """)
        let ref = try XCTUnwrap(document.references(.resolution).first)
        XCTAssertEqual(ref.target.symbol, "A/RES/58/137")
        XCTAssertEqual(ref.target.date, "2003-12-22")
    }

    // MARK: - Symbols

    func testSymbolInBracketsWithoutTheFullStop() throws {
        let document = try parse("1. The Conference had before it the draft decision (CTOC/COP/2006/L.4).\n")
        let refs = document.references(.symbol)
        XCTAssertEqual(refs.map(\.text), ["CTOC/COP/2006/L.4"])
        XCTAssertEqual(refs.first?.target.symbol, "CTOC/COP/2006/L.4")
        XCTAssertEqual(refs.first?.status, .external)
    }

    func testDocumentsOwnSymbolResolvesToTheDocument() throws {
        let document = try parse("1. The present report (CTOC/COP/2006/14) covers the third session.\n",
                                 symbol: "CTOC/COP/2006/14")
        let ref = try XCTUnwrap(document.references(.symbol).first)
        XCTAssertEqual(ref.status, .resolved)
        XCTAssertEqual(ref.target.element, "document")
    }

    // MARK: - Recommendations

    func testRecommendationOfThePreviousReport() throws {
        let document = try parse("""
            1. The Working Group welcomed recommendation 17 of the previous report of this Working Group.

            2. The Working Group acted further to recommendation 19 contained in the previous report, as follows.

            """, masthead: Fixture.workingGroupMasthead)
        let refs = document.references(.recommendation)
        XCTAssertEqual(refs.map(\.target.number), ["17", "19"])
        for ref in refs {
            XCTAssertEqual(ref.status, .external, "the previous report is another document")
            XCTAssertTrue(ref.target.qualifier?.contains("previous report") ?? false, "\(ref.target)")
            XCTAssertEqual(ref.target.bodyPrefix, "CTOC/COP/WG.4")
            XCTAssertNil(ref.target.element)
        }
        XCTAssertEqual(refs.first?.text, "recommendation 17 of the previous report of this Working Group")
        XCTAssertEqual(refs.last?.text, "recommendation 19 contained in the previous report")
        XCTAssertEqual(refs.last?.relation, "further to")
    }

    // MARK: - Internal pointers

    func testParagraphBelowResolvesWhenItExists() throws {
        let document = try parse(paragraphs(112, [5: "The matter is taken up again later (see paragraph 111 below)."]))
        XCTAssertEqual(document.paragraphs.count, 112)
        let ref = try XCTUnwrap(document.references(.paragraph).first)
        XCTAssertEqual(ref.text, "paragraph 111 below")
        XCTAssertEqual(ref.from, "para-5")
        XCTAssertEqual(ref.status, .resolved)
        XCTAssertEqual(ref.target.element, "para-111")
        XCTAssertEqual(ref.relation, "see")
    }

    func testParagraphBelowIsUnresolvedWhenMissing() throws {
        let document = try parse(paragraphs(3, [2: "The matter is taken up again later (see paragraph 111 below)."]))
        let ref = try XCTUnwrap(document.references(.paragraph).first)
        XCTAssertEqual(ref.target.number, "111")
        XCTAssertEqual(ref.status, .unresolved)
        XCTAssertNil(ref.target.element)
        XCTAssertNotNil(ref.note)
    }

    func testAbbreviatedParagraphAbove() throws {
        let document = try parse(paragraphs(65, [65: "Those views were summarized earlier (see para. 64 above)."]))
        let ref = try XCTUnwrap(document.references(.paragraph).first)
        XCTAssertEqual(ref.text, "para. 64 above")
        XCTAssertEqual(ref.target.element, "para-64")
        XCTAssertEqual(ref.status, .resolved)
        XCTAssertEqual(ref.relation, "see")
    }

    func testChapterAndDecision() throws {
        let document = try parse("""
            I. Decisions taken by the Conference of the Parties

            1. At its third session, the Conference of the Parties adopted the following decision:

            Decision 3/3

            **Implementation of the Protocols**

            The Conference of the Parties:

            (a) Decides to continue its work;

            (b) Requests its secretariat to report.

            II. Introduction

            2. For the action taken by the Conference, see chap. I, decision 3/3.

            """)
        let ref = try XCTUnwrap(document.references.first { $0.from == "para-2" })
        XCTAssertEqual(ref.kind, .decision)
        XCTAssertEqual(ref.text, "chap. I, decision 3/3")
        XCTAssertEqual(ref.target.number, "3/3")
        XCTAssertEqual(ref.target.part, "chapter I")
        XCTAssertEqual(ref.status, .resolved)
        XCTAssertEqual(ref.target.element, "dec-3/3")
        XCTAssertEqual(ref.relation, "see")
    }

    func testChapterSectionAndDraftResolution() throws {
        let document = try parse("""
            I. Matters calling for action by the Economic and Social Council

            A. Draft resolutions for adoption by the Economic and Social Council

            1. The Commission recommends the approval of the following draft resolution:

            Draft resolution I

            Crime prevention

            The Economic and Social Council,

            1. Urges Member States to act.

            II. Action taken by the Commission

            2. The Commission approved the draft resolution (for the text, see chap. I, sect. A, draft resolution I).

            3. The Commission also approved a draft decision (see chap. I, draft decision II).
            """)
        let ref = try XCTUnwrap(document.references.first { $0.from == "para-2" })
        XCTAssertEqual(ref.kind, .resolution)
        XCTAssertEqual(ref.text, "chap. I, sect. A, draft resolution I")
        XCTAssertEqual(ref.target.number, "draft resolution I")
        XCTAssertEqual(ref.target.part, "chapter I")
        XCTAssertEqual(ref.status, .resolved)
        XCTAssertEqual(ref.target.element, "dec-draft-resolution-I")
        XCTAssertEqual(ref.relation, "see")
        let missing = try XCTUnwrap(document.references.first { $0.from == "para-3" })
        XCTAssertEqual(missing.kind, .decision)
        XCTAssertEqual(missing.status, .unresolved)
        XCTAssertEqual(missing.note, "no draft decision II in this document")
    }

    func testLetteredParagraphAboveInsideADecision() throws {
        let document = try parse("""
            I. Decisions taken by the Conference of the Parties

            1. At its third session, the Conference of the Parties adopted the following decision:

            Decision 3/1

            **Review of the implementation of the Convention**

            The Conference of the Parties:

            (a) Welcomes the fruitful discussions;

            (b) Calls upon States parties to comply;

            (c) Expresses its concern;

            (d) Urges States parties to encourage each other;

            (e) Requests its secretariat to submit final consolidated analytical reports;

            (f) Also requests its secretariat, in preparing the analytical reports mentioned in paragraph (e) above, to highlight issues;

            """)
        let ref = try XCTUnwrap(document.references(.clause).first)
        XCTAssertEqual(ref.text, "paragraph (e) above")
        XCTAssertEqual(ref.from, "dec-3/1.f")
        XCTAssertEqual(ref.status, .resolved)
        XCTAssertEqual(ref.target.element, "dec-3/1.e")
    }

    func testParagraphRangeAbove() throws {
        let document = try parse(paragraphs(6, [6: "Those views are summarized in paragraphs 2-4 above."]))
        let refs = document.references(.paragraph)
        XCTAssertEqual(refs.map(\.target.element), ["para-2", "para-3", "para-4"])
        XCTAssertEqual(refs.map(\.status), [.resolved, .resolved, .resolved])
        XCTAssertEqual(refs.first?.text, "paragraphs 2-4 above")
    }

    func testChapterAlone() throws {
        let document = try parse("""
            I. Introduction

            1. The Conference held its third session in Vienna (see chap. III).

            II. Organization of the session

            2. The session was opened by the President.

            III. Technical assistance

            3. Speakers stressed the importance of technical assistance.

            """)
        let ref = try XCTUnwrap(document.references(.chapter).first)
        XCTAssertEqual(ref.text, "chap. III")
        XCTAssertEqual(ref.target.element, "sec-III")
        XCTAssertEqual(ref.status, .resolved)
        XCTAssertEqual(ref.relation, "see")
    }

    func testAnnexToThePresentReport() throws {
        let document = try parse("""
            1. The documents before the Conference are listed in annex I to the present report.

            Annex I

            List of documents before the Conference of the Parties at its third session

            CTOC/COP/2006/1\tProvisional agenda and annotations

            """)
        let ref = try XCTUnwrap(document.references(.annex).first)
        XCTAssertEqual(ref.text, "annex I to the present report")
        XCTAssertEqual(ref.target.element, "annex-I")
        XCTAssertEqual(ref.status, .resolved)
        XCTAssertEqual(ref.from, "para-1")
    }

    // MARK: - Articles and treaties

    func testArticleWithParagraphsOfTheConvention() throws {
        let document = try parse("1. The Conference considered mechanisms pursuant to article 32, paragraphs 3-5, of the Convention.\n")
        let ref = try XCTUnwrap(document.references(.article).first)
        XCTAssertEqual(ref.text, "article 32, paragraphs 3-5, of the Convention")
        XCTAssertEqual(ref.target.number, "32")
        XCTAssertEqual(ref.target.part, "paragraphs 3-5")
        XCTAssertEqual(ref.target.instrument, "Convention")
        XCTAssertEqual(ref.relation, "pursuant to")
    }

    func testArticlesOfTheConvention() throws {
        let document = try parse("1. Speakers discussed articles 16 and 17 of the Convention at length.\n")
        let refs = document.references(.article)
        XCTAssertEqual(refs.map(\.target.number), ["16", "17"])
        XCTAssertEqual(refs.map(\.target.instrument), ["Convention", "Convention"])
    }

    func testParagraphOfAnArticle() throws {
        let document = try parse("1. States parties were called upon to comply with paragraph 5 of article 32 of the Convention.\n")
        let ref = try XCTUnwrap(document.references(.article).first)
        XCTAssertEqual(ref.text, "paragraph 5 of article 32 of the Convention")
        XCTAssertEqual(ref.target.number, "32")
        XCTAssertEqual(ref.target.part, "paragraph 5")
        XCTAssertEqual(ref.target.instrument, "Convention")
        XCTAssertEqual(document.references(.paragraph), [], "paragraph 5 is a paragraph of the article, not of the report")
    }

    func testArticleWithItsTitle() throws {
        let document = try parse("""
            1. Speakers referred to article 13 (International cooperation for the purposes of confiscation) of the Convention.

            """)
        let ref = try XCTUnwrap(document.references(.article).first)
        XCTAssertEqual(ref.target.number, "13")
        XCTAssertEqual(ref.target.instrument, "Convention")
        XCTAssertEqual(ref.text, "article 13 (International cooperation for the purposes of confiscation) of the Convention")
    }

    func testTreatySeriesAndIbid() throws {
        let document = try parse("""
            1. The Convention<sup>1</sup> and the Protocol<sup>2</sup> have entered into force.

            ---

            <sup>1</sup> United Nations, *Treaty Series*, vol. 1582, No. 27627.

            <sup>2</sup> *Ibid.*, vol. 1577, No. 27531.

            """)
        let refs = document.references(.treaty)
        XCTAssertEqual(refs.map(\.target.volume), ["1582", "1577"])
        XCTAssertEqual(refs.map(\.target.number), ["27627", "27531"])
        XCTAssertEqual(refs.map(\.from), ["fn-1", "fn-2"])
        XCTAssertEqual(refs.first?.text, "United Nations, *Treaty Series*, vol. 1582, No. 27627")
        XCTAssertTrue(refs.last?.text.hasSuffix("vol. 1577, No. 27531") ?? false)
    }

    func testIbidReferenceTextKeepsItsEmphasisBalanced() throws {
        let document = try parse("""
            1. The Convention<sup>1</sup> and the Protocol<sup>2</sup> have entered into force.

            ---

            <sup>1</sup> United Nations, *Treaty Series*, vol. 1582, No. 27627.

            <sup>2</sup> *Ibid.*, vol. 1577, No. 27531.

            """)
        let ref = try XCTUnwrap(document.references(.treaty).last)
        // The exact words are "*Ibid.*, vol. 1577, No. 27531" (or, without the emphasis
        // marks, none of them); half an emphasis pair is neither.
        XCTAssertEqual(ref.text.filter { $0 == "*" }.count % 2, 0, "unbalanced emphasis in \(ref.text)")
    }

    // MARK: - Relation words

    func testRelationWords() throws {
        let cases: [(String, String)] = [
            ("The Conference, further to decision 3/2, requested the secretariat to report.", "further to"),
            ("The Conference, noting decision 3/1, requested a report.", "noting"),
            ("The Conference, recalling General Assembly resolution 55/25, requested a report.", "recalling"),
            ("The secretariat acted pursuant to decision 2/1 in that regard.", "pursuant to"),
            ("The Conference acted in accordance with article 32 of the Convention.", "in accordance with"),
            ("Those matters are discussed elsewhere (see paragraph 1 above).", "see"),
            ("The Conference adopted decision 3/4 without a vote.", "adopted"),
            ("The Conference endorses recommendation 2 of the previous report of the Working Group.", "endorses"),
            ("The working group was established pursuant to decision 1/5 of the Conference.", "established pursuant to"),
        ]
        var texts: [Int: String] = [:]
        for (index, item) in cases.enumerated() { texts[index + 1] = item.0 }
        let document = try parse(paragraphs(cases.count, texts))
        for (index, item) in cases.enumerated() {
            let refs = document.references.filter { $0.from == "para-\(index + 1)" }
            XCTAssertEqual(refs.count, 1, item.0)
            XCTAssertEqual(refs.first?.relation, item.1, item.0)
        }
    }

    func testQuotedTitleDoesNotCountTowardsTheReach() throws {
        let document = try parse("""
            1. Recalling the report entitled \u{201C}Strengthening international cooperation in preventing and combating trafficking in persons and protecting victims of such trafficking\u{201D} and decision 3/2, the Conference acted.

            """)
        let ref = try XCTUnwrap(document.references(.decision).first)
        XCTAssertEqual(ref.relation, "recalling")
    }

    func testRecommendationsListed() throws {
        let document = try parse("1. The Working Group considered recommendations 17 and 18 of the previous report.\n",
                                 masthead: Fixture.workingGroupMasthead)
        let refs = document.references(.recommendation)
        XCTAssertEqual(refs.map(\.target.number), ["17", "18"])
        XCTAssertEqual(refs.map(\.status), [.external, .external])
    }

    func testRelationWordTooFarBackIsNotAttached() throws {
        let document = try parse("""
            1. Recalling the long and detailed discussions held over many meetings of the interim working group of government experts, the Conference considered decision 3/3.

            """)
        let ref = try XCTUnwrap(document.references(.decision).first)
        XCTAssertNil(ref.relation, "'recalling' is \(ref.span.start) bytes in, far before the reference")
    }

    func testRelationWordInThePreviousSentenceIsNotAttached() throws {
        let document = try parse("""
            1. The secretariat reported further to the request. The Conference then considered decision 3/1.

            """)
        let ref = try XCTUnwrap(document.references(.decision).first)
        XCTAssertNil(ref.relation)
        XCTAssertNil(ref.relationSpan)
    }
}
