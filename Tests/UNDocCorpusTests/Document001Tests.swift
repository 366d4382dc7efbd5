import Testing
import UNDocModel

/// Corpus/001: Working Group on Trafficking in Persons, draft report, addendum on agenda
/// item 2 (Vienna, 27-29 January 2010). Expectations come from the printed document.
@Suite("001 Working Group on Trafficking in Persons, 2010")
struct Document001Tests {
    let document: Document

    init() throws {
        document = try CorpusParser.parse(.wgTrafficking2010)
    }

    @Test("masthead")
    func metadata() {
        let metadata = document.metadata
        #expect(metadata.distribution == "Limited")
        #expect(metadata.issueDate == "2010-01-28")
        #expect(metadata.issueDateText == "28 January 2010")
        #expect(metadata.originalLanguage == "English")
        #expect(metadata.place == "Vienna")
        #expect(metadata.startDate == "2010-01-27")
        #expect(metadata.endDate == "2010-01-29")
        #expect(metadata.body == "Working Group on Trafficking in Persons")
        #expect(metadata.agendaItem?.number == "2")
        #expect(document.symbol == nil, "the document does not print its own symbol")
    }

    @Test("paragraphs are exactly 1-10, in order")
    func paragraphs() {
        #expect(document.paragraphs.map(\.number) == numbers(1...10))
        #expect(document.paragraphs.map(\.id) == numbers(1...10).map { "para-\($0)" })
        #expect(document.decisions.isEmpty)
        #expect(document.annexes.isEmpty)
    }

    @Test("paragraphs interrupted by a page break or a footnote keep all their text and only it")
    func paragraphContinuations() throws {
        let four = try #require(document.paragraph("4"))
        #expect(four.text.contains("working closely with national authorities to develop policies"))
        #expect(four.text.hasSuffix("which is nearing finalization."))
        let five = try #require(document.paragraph("5"))
        #expect(five.text.contains("providing assistance to victims of such trafficking, which is available"))
        #expect(five.text.hasSuffix("for awareness-raising purposes more generally."))
        #expect(!five.text.contains("Anti-Slavery International"), "footnote 1 leaked into paragraph 5")
        let eight = try #require(document.paragraph("8"))
        #expect(eight.text.contains("Iran (Islamic Republic of), Russian Federation"))
        #expect(eight.text.hasSuffix("Thailand and Brazil."))
        #expect(!eight.text.contains("Report on the Meeting"), "footnote 2 leaked into paragraph 8")
    }

    @Test("recommendations 1(a)-8(c) under their numbered headings")
    func recommendations() throws {
        let groups: [(String, String, Character)] = [
            ("1", "Victims of trafficking", "d"), ("2", "Research", "c"),
            ("3", "Criminal justice response to trafficking in persons", "d"), ("4", "Coordination", "d"),
            ("5", "Partnerships", "b"), ("6", "Training", "c"), ("7", "General recommendations", "b"),
            ("8", "Review", "c"),
        ]
        var expected: [String] = []
        for (number, heading, last) in groups {
            for letter in letters("a", last) {
                let id = "\(number)(\(letter))"
                expected.append(id)
                let recommendation = try #require(document.recommendation(id), "recommendation \(id) is missing")
                #expect(recommendation.element == "rec-\(id)")
                #expect(recommendation.group?.number == number, "\(id)")
                #expect(recommendation.group?.heading == heading, "\(id)")
                #expect(recommendation.decision == nil)
            }
        }
        #expect(document.recommendations.map(\.id) == expected)
        #expect(document.recommendation("6(c)")?.text.hasPrefix("Further to recommendation 19 contained in the previous report") == true)
        #expect(document.recommendation("8(c)")?.text.hasPrefix("To avoid duplication of efforts") == true)
        #expect(document.recommendation("1(a)")?.text.hasPrefix("With regard to developing a comprehensive") == true)
    }

    @Test("the recommendations sit under the Recommendations heading, grouped 1-8")
    func recommendationSections() throws {
        let headings = document.allSections.filter { $0.kind == .recommendationGroup }
        #expect(headings.map(\.number) == numbers(1...8))
        let training = try #require(headings.first { $0.number == "6" })
        #expect(training.heading == "Training")
        #expect(training.content == ["rec-6(a)", "rec-6(b)", "rec-6(c)"])
        #expect(document.paragraph("10")?.section.flatMap(document.section)?.heading == "Recommendations")
        #expect(document.paragraph("3")?.section.flatMap(document.section)?.heading == "Deliberations")
    }

    @Test("footnotes 1 and 2 each have exactly one anchor")
    func footnotes() throws {
        #expect(document.footnotes.map(\.marker) == ["1", "2"])
        let one = try #require(document.footnote("1"))
        let two = try #require(document.footnote("2"))
        #expect(one.notation == .htmlSuperscript)
        #expect(one.anchors.map(\.element) == ["para-4"])
        #expect(one.text.hasPrefix("Anti-Slavery International"))
        #expect(two.anchors.map(\.element) == ["para-7"])
        #expect(two.text.contains("(CTOC/COP/WG.4/2009/2)"))
    }

    @Test("recommendations of the previous report", arguments: [
        ("rec-2(b)", "18", "further to"), ("rec-4(a)", "17", "noting"), ("rec-4(d)", "17", "noting"),
        ("rec-6(c)", "19", "further to"), ("rec-7(a)", "20", "further to"),
    ])
    func previousReportReferences(from element: String, number: String, relation: String) throws {
        let references = document.references(from: element, kind: .recommendation)
        #expect(references.count == 1, "\(element): \(references.map(\.text))")
        let reference = try #require(references.first)
        #expect(reference.target.number == number)
        #expect(reference.relation == relation)
        #expect(reference.target.qualifier?.contains("previous report") == true)
        #expect(reference.status == .external, "the previous report is another document")
        #expect(reference.target.element == nil)
    }

    @Test("no other recommendation references")
    func onlyFiveRecommendationReferences() {
        #expect(document.references.filter { $0.kind == .recommendation }.map(\.from)
            == ["rec-2(b)", "rec-4(a)", "rec-4(d)", "rec-6(c)", "rec-7(a)"])
    }

    @Test("paragraph 10 cites decision 4/4 of the Conference of the Parties")
    func decisionReference() throws {
        let references = document.references(from: "para-10", kind: .decision)
        #expect(references.count == 1)
        let reference = try #require(references.first)
        #expect(reference.target.number == "4/4")
        #expect(reference.target.bodyPrefix == "CTOC/COP")
        #expect(reference.relation == "established pursuant to")
        #expect(reference.status == .external)
    }

    @Test("footnote 2 cites the previous report by symbol")
    func footnoteSymbol() throws {
        let symbols = document.references(from: "fn-2", kind: .symbol)
        #expect(symbols.map(\.target.symbol) == ["CTOC/COP/WG.4/2009/2"])
    }

    @Test("no diagnostics")
    func diagnostics() {
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    }
}
