import XCTest
import UNDocModel
@testable import UNDocParser

/// Recommendations under a heading that names them, numbered ("III. Recommendations",
/// "B. Recommendations") or not ("Recommendations adopted by the Working Group"): grouped
/// under sub-headings as in Corpus/001 or numbered 1, 2, 3 on their own, they come out as
/// recommendations cited as "6(c)" or "2(a)", never as report paragraphs or list items.
final class RecommendationStructureTests: XCTestCase {
    private func parse(_ text: String) throws -> Document {
        try Fixture.parse(Fixture.workingGroupMasthead + text).document
    }

    private func structureDiagnostics(_ document: Document) -> [String] {
        document.diagnostics.filter { $0.code.hasPrefix("paragraph.") || $0.code.hasPrefix("structure.") }.map(\.message)
    }

    /// Lettered groups inside a decision that carries recommendations stay in the decision;
    /// the report's paragraphs run on after it.
    func testLetteredGroupsInsideADecision() throws {
        let document = try parse("""
            I. Decisions adopted by the Conference of the Parties

            1. The Conference adopted the following decision:

            Decision 3/4

            Recommendations of the working group on technical assistance

            The Conference of the Parties,

            (a) Takes note of the recommendations below;

            A. Recommendations on training

            1. States should train their officials.

            2. States should share training materials.

            B. Resources

            3. Donors should provide funds.

            II. Organization of the session

            2. The Conference met in Vienna.
            """)
        XCTAssertEqual(document.recommendations.map(\.id), ["1", "2", "3"])
        XCTAssertEqual(document.recommendations.map { $0.group?.number }, ["A", "A", "B"])
        XCTAssertEqual(document.recommendations.map(\.decision), ["3/4", "3/4", "3/4"])
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2"])
        XCTAssertEqual(document.sections.map(\.number), ["I", "II"], "no section A or B in the report")
        XCTAssertEqual(document.diagnostics.map(\.code), [])
    }

    /// A lettered heading after a decision that carries no recommendations is the report's.
    func testLetteredHeadingAfterAnOrdinaryDecisionIsASection() throws {
        let document = try parse("""
            I. Decisions adopted by the Conference of the Parties

            1. The Conference adopted the following decision:

            Decision 3/2

            Implementation of the Convention

            The Conference of the Parties,

            (a) Decides to continue its work;

            A. Recommendations of the Bureau

            2. The Bureau recommended that the Conference meet again.
            """)
        XCTAssertEqual(document.recommendations, [])
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2"])
        XCTAssertEqual(document.sections.first?.children.map(\.number), ["A"])
    }

    func testGroupsUnderANumberedChapter() throws {
        let document = try parse("""
            I. Introduction

            1. The Working Group on Trafficking in Persons met in Vienna from 27 to 29 January 2010.

            II. Deliberations

            2. Speakers discussed the absence of specific legislation addressing trafficking in persons.

            III. Recommendations

            3. The Working Group adopted the recommendations below for consideration of the Conference.

            **1. Victims of trafficking**

            (a) States parties should adopt a victim-centred approach.

            (b) States parties should consider providing legal aid to all potential victims of trafficking.

            **2. Research**

            (a) The Conference should request UNODC to continue producing the Global Report on Trafficking in Persons.

            IV. Adoption of the report

            4. The Working Group adopted the present report on 29 January 2010.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3", "4"])
        XCTAssertEqual(document.paragraph("3")?.children, [])
        XCTAssertEqual(document.paragraph("4")?.section, "sec-IV")
        XCTAssertEqual(document.recommendations.map(\.id), ["1(a)", "1(b)", "2(a)"])
        XCTAssertEqual(document.recommendations.map(\.element), ["rec-1(a)", "rec-1(b)", "rec-2(a)"])
        XCTAssertEqual(document.recommendations.map(\.group), [
            RecommendationGroup(number: "1", heading: "Victims of trafficking"),
            RecommendationGroup(number: "1", heading: "Victims of trafficking"),
            RecommendationGroup(number: "2", heading: "Research"),
        ])
        XCTAssertEqual(document.recommendations.first?.text, "States parties should adopt a victim-centred approach.")
        let chapter = try XCTUnwrap(document.sections.first { $0.id == "sec-III" })
        XCTAssertEqual(chapter.children.map(\.id), ["sec-III.1", "sec-III.2"])
        XCTAssertEqual(chapter.children.map(\.kind), [.recommendationGroup, .recommendationGroup])
        XCTAssertEqual(chapter.children.first?.content, ["rec-1(a)", "rec-1(b)"])
        XCTAssertEqual(document.sections.map(\.id), ["sec-I", "sec-II", "sec-III", "sec-IV"])
        XCTAssertEqual(structureDiagnostics(document), [])
    }

    func testNumberedRecommendationsUnderALetteredSection() throws {
        let document = try parse("""
            I. Conclusions and recommendations

            A. Conclusions

            1. The Working Group noted the low rate of convictions for trafficking in persons.

            2. Coordination between national and local authorities remained a challenge.

            B. Recommendations

            3. The Working Group recommends that the Conference of the Parties consider the following:

            1. States parties should establish national coordinating and monitoring mechanisms, such as national rapporteurs.

            2. The Conference should request UNODC:

            (a) To continue compiling the Global Report on Trafficking in Persons;

            (b) To assist States parties in collecting data.

            3. States parties should share information on trafficking routes.

            II. Adoption of the report

            4. The Working Group adopted the present report.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3", "4"])
        XCTAssertEqual(document.paragraph("3")?.children, [])
        XCTAssertEqual(document.recommendations.map(\.id), ["1", "2", "2(a)", "2(b)", "3"])
        XCTAssertEqual(document.recommendations.map(\.element), ["rec-1", "rec-2", "rec-2(a)", "rec-2(b)", "rec-3"])
        XCTAssertEqual(document.recommendations.map(\.text), [
            "States parties should establish national coordinating and monitoring mechanisms, such as national rapporteurs.",
            "The Conference should request UNODC:",
            "To continue compiling the Global Report on Trafficking in Persons;",
            "To assist States parties in collecting data.",
            "States parties should share information on trafficking routes.",
        ])
        // Directly under the "Recommendations" heading: no group heading of their own.
        XCTAssertEqual(document.recommendations.map(\.group), [nil, nil, nil, nil, nil])
        let section = try XCTUnwrap(document.sections.first?.children.first { $0.id == "sec-I.B" })
        XCTAssertEqual(section.content, ["para-3", "rec-1", "rec-2", "rec-3"])
        XCTAssertEqual(document.paragraph("4")?.section, "sec-II")
        XCTAssertEqual(structureDiagnostics(document), [])
    }

    func testNumberedRecommendationsGroupedBySections() throws {
        // Recommendation 3 comes where paragraph 3 could: it continues the recommendations,
        // and the report's paragraph 3 follows under the next chapter.
        let document = try parse("""
            I. Introduction

            1. The Working Group met in Vienna.

            II. Deliberations

            2. Speakers discussed the prevention of trafficking in persons.

            III. Recommendations

            A. Prevention

            1. States parties should carry out awareness-raising campaigns at airports.

            2. States parties should address the demand that fosters exploitation.

            B. Protection of victims

            3. States parties should provide shelters for victims of trafficking.

            IV. Adoption of the report

            3. The Working Group adopted the present report.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3"])
        XCTAssertEqual(document.paragraph("3")?.section, "sec-IV")
        XCTAssertEqual(document.recommendations.map(\.id), ["1", "2", "3"])
        XCTAssertEqual(document.recommendations.map(\.group), [
            RecommendationGroup(number: "A", heading: "Prevention"),
            RecommendationGroup(number: "A", heading: "Prevention"),
            RecommendationGroup(number: "B", heading: "Protection of victims"),
        ])
        let chapter = try XCTUnwrap(document.sections.first { $0.id == "sec-III" })
        XCTAssertEqual(chapter.children.map(\.content), [["rec-1", "rec-2"], ["rec-3"]])
        XCTAssertEqual(structureDiagnostics(document), [])
    }

    func testNumberedRecommendationsUnderAnUnnumberedHeading() throws {
        let document = try parse("""
            1. The Working Group on Trafficking in Persons met in Vienna from 27 to 29 January 2010.

            2. Speakers discussed the value of multidisciplinary approaches to combating trafficking.

            **Recommendations adopted by the Working Group**

            3. At its 4th meeting, the Working Group adopted the following recommendations:

            1. States parties should consider the lifting of immunity of persons who have conducted the crime of trafficking in persons.

            2. The Conference should consider acknowledging the role of the Inter-Agency Cooperation Group:

            (a) In reducing duplication of assistance efforts;

            (b) In applying the core areas of competence of individual organizations.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2", "3"])
        XCTAssertEqual(document.paragraph("3")?.children, [])
        XCTAssertEqual(document.recommendations.map(\.id), ["1", "2", "2(a)", "2(b)"])
        XCTAssertEqual(document.sections.map(\.heading), ["Recommendations adopted by the Working Group"])
        XCTAssertEqual(document.sections.first?.content, ["para-3", "rec-1", "rec-2"])
        XCTAssertEqual(structureDiagnostics(document), [])
    }

    func testRomanGroupsOutsideADecision() throws {
        // Decision 3/4 of Corpus/002 as a draft issued on its own: no "Decision" heading, so
        // its roman group headings are not chapters and its recommendations not paragraphs.
        let document = try parse("""
            The Conference of the Parties to the United Nations Convention against Transnational Organized Crime, recalling its decision 2/6:

            (a) Endorses the recommendations of the working group, which are set out below;

            ## **Recommendations**

            ### **I. Determination of needs for technical assistance**

            1. The working group stressed that receiving complete and accurate information from the States parties was essential.

            ### **II. Priorities for technical assistance**

            2. The working group identified the following priority areas for technical assistance:

            (a) Criminalization of the offences covered by the Convention and its Protocols;

            (b) International cooperation in criminal matters.

            3. The working group recognized the need for developing the capacity of States parties to collect data.

            """)
        XCTAssertEqual(document.paragraphs, [])
        XCTAssertEqual(document.recommendations.map(\.id), ["1", "2", "2(a)", "2(b)", "3"])
        XCTAssertEqual(document.recommendations.map { $0.group?.number }, ["I", "II", "II", "II", "II"])
        XCTAssertEqual(document.recommendations.first?.group?.heading, "Determination of needs for technical assistance")
        XCTAssertEqual(document.sections.map(\.id), ["sec-h1"])
        XCTAssertEqual(document.sections.first?.children.map(\.id), ["sec-h1.I", "sec-h1.II"])
        XCTAssertEqual(document.sections.first?.children.map(\.kind), [.recommendationGroup, .recommendationGroup])
        XCTAssertEqual(document.sections.first?.children.last?.content, ["rec-2", "rec-3"])
        XCTAssertEqual(structureDiagnostics(document), [])
    }

    func testAHeadingThatOnlyMentionsRecommendationsKeepsItsList() throws {
        let document = try parse("""
            I. Follow-up to the recommendations of the previous meeting

            1. The Working Group considered the following agenda:

            1. Opening of the meeting.
            2. Adoption of the agenda.

            2. The Working Group adopted its report.

            """)
        XCTAssertEqual(document.paragraphs.map(\.number), ["1", "2"])
        XCTAssertEqual(document.paragraph("1")?.children.map(\.id), ["para-1.1", "para-1.2"])
        XCTAssertEqual(document.recommendations, [])
    }
}
