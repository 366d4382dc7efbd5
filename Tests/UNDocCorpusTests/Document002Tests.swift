import Testing
import UNDocModel

/// Corpus/002: Report of the Conference of the Parties to the United Nations Convention
/// against Transnational Organized Crime on its third session (Vienna, 9-18 October 2006).
/// Expectations come from the printed document and its table of contents.
@Suite("002 Conference of the Parties, third session, 2006")
struct Document002Tests {
    let document: Document

    init() throws {
        document = try CorpusParser.parse(.copThirdSession)
    }

    static let conference = "Conference of the Parties to the United Nations Convention against Transnational Organized Crime"

    @Test("masthead")
    func metadata() {
        let metadata = document.metadata
        #expect(metadata.body == Self.conference)
        #expect(metadata.bodyPrefix == "CTOC/COP")
        #expect(metadata.distribution == "General")
        #expect(metadata.issueDate == "2006-12-22")
        #expect(metadata.originalLanguage == "English")
        #expect(metadata.session == "Third session")
        #expect(metadata.place == "Vienna")
        #expect(metadata.startDate == "2006-10-09")
        #expect(metadata.endDate == "2006-10-18")
    }

    @Test("report paragraphs are exactly 1-134, no gap, no duplicate")
    func paragraphs() {
        #expect(document.paragraphs.map(\.number) == numbers(1...134))
        #expect(Set(document.paragraphs.map(\.id)).count == 134)
        #expect(document.paragraph("2")?.text.hasPrefix("In its resolution 55/25 of 15 November 2000") == true,
                "report paragraph 2 is not recommendation 2 of decision 3/4")
        #expect(document.paragraph("12")?.text.hasPrefix("The Prosecutor General of Azerbaijan") == true)
    }

    @Test("chapters I-XIII and sections A-F of chapter III")
    func chapters() throws {
        let romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
        let chapters = document.sections.filter { $0.kind == .chapter }
        #expect(chapters.map(\.number) == romans)
        #expect(chapters.map(\.id) == romans.map { "sec-\($0)" })
        let three = try #require(document.section("sec-III"))
        #expect(three.heading == "Organization of the session")
        #expect(three.children.map(\.number) == ["A", "B", "C", "D", "E", "F"])
        #expect(three.children.allSatisfy { $0.kind == .section })
        #expect(three.children.map(\.heading) == [
            "Opening of the session", "Election of officers", "Adoption of the agenda and organization of work",
            "Participation", "Adoption of the report of the bureau on credentials", "Documentation",
        ])
        // Two headings fused on one line: the chapter and its first subsection.
        let six = try #require(document.section("sec-VI"))
        #expect(six.heading == "Review of the implementation of the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime")
        #expect(six.children.first?.heading == "Consultations of government experts on the protection of witnesses and victims: protection and assistance measures for smuggled migrants; and return of smuggled migrants")
    }

    @Test("paragraphs sit in the chapters and sections the table of contents gives")
    func paragraphsInSections() {
        expectParagraphs(document, 1...1, in: "sec-I")
        expectParagraphs(document, 2...3, in: "sec-II")
        expectParagraphs(document, 4...14, in: "sec-III.A")
        expectParagraphs(document, 15...16, in: "sec-III.B")
        expectParagraphs(document, 17...17, in: "sec-III.C")
        expectParagraphs(document, 18...27, in: "sec-III.D")
        expectParagraphs(document, 28...33, in: "sec-III.E")
        expectParagraphs(document, 34...34, in: "sec-III.F")
        expectParagraphs(document, 35...62, in: "sec-IV")
        expectParagraphs(document, 63...100, in: "sec-V")
        expectParagraphs(document, 101...112, in: "sec-VI")
        expectParagraphs(document, 113...119, in: "sec-VII")
        expectParagraphs(document, 120...124, in: "sec-VIII")
        expectParagraphs(document, 125...128, in: "sec-IX")
        expectParagraphs(document, 129...129, in: "sec-X")
        expectParagraphs(document, 130...132, in: "sec-XI")
        expectParagraphs(document, 133...133, in: "sec-XII")
        expectParagraphs(document, 134...134, in: "sec-XIII")
    }

    @Test("decisions 3/1-3/4 with their titles, in chapter I")
    func decisions() {
        #expect(document.decisions.map(\.id) == ["3/1", "3/2", "3/3", "3/4"])
        #expect(document.decisions.map(\.element) == ["dec-3/1", "dec-3/2", "dec-3/3", "dec-3/4"])
        #expect(document.decisions.map(\.title) == [
            "Review of the implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto",
            "Implementation of the provisions on international cooperation in the United Nations Convention against Transnational Organized Crime",
            "Implementation of the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, and the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime",
            "Recommendations of the open-ended interim working group of government experts on technical assistance",
        ])
        #expect(document.decisions.allSatisfy { $0.section == "sec-I" })
        #expect(document.decisions.allSatisfy { $0.preamble?.hasPrefix("The Conference of the Parties") == true })
        #expect(document.section("sec-I")?.content == ["para-1", "dec-3/1", "dec-3/2", "dec-3/3", "dec-3/4"])
    }

    @Test("decision 3/1 has clauses (a)-(n)")
    func decision31() throws {
        let decision = try #require(document.decision("3/1"))
        #expect(decision.clauses.labels == letters("a", "n"))
        #expect(decision.clauses.allSatisfy { $0.style == .letter && $0.children.isEmpty })
        #expect(decision.paragraphs.isEmpty)
    }

    @Test("decision 3/2 has clauses (a)-(x), clause (g) with sub-clauses (i)-(vii)")
    func decision32() throws {
        let decision = try #require(document.decision("3/2"))
        #expect(decision.clauses.labels == letters("a", "x"))
        let g = try #require(decision.clauses.clause("g"))
        #expect(g.text == "Requests the Secretariat, within existing resources:")
        #expect(g.children.labels == ["i", "ii", "iii", "iv", "v", "vi", "vii"])
        #expect(g.children.allSatisfy { $0.style == .roman })
        #expect(g.children.map(\.id).last == "dec-3/2.g.vii")
        #expect(decision.clauses.filter { $0.label != "g" }.allSatisfy { $0.children.isEmpty })
        #expect(g.children.clause("vii")?.text.hasSuffix("the United Nations Convention against Corruption;") == true)
        #expect(decision.clauses.clause("h")?.text.hasPrefix("Notes that only a few States parties") == true)
    }

    @Test("decision 3/3 has clauses (a)-(m)")
    func decision33() throws {
        let decision = try #require(document.decision("3/3"))
        #expect(decision.clauses.labels == letters("a", "m"))
        #expect(decision.preamble?.contains("article 32 of the United Nations Convention against Transnational Organized Crime and welcoming") == true,
                "the preamble continues across the page break")
    }

    @Test("decision 3/4 has clauses (a)-(e) and carries recommendations 1-12")
    func decision34() throws {
        let decision = try #require(document.decision("3/4"))
        #expect(decision.clauses.labels == letters("a", "e"))
        #expect(decision.paragraphs.map(\.number) == numbers(1...12))
        #expect(decision.paragraphs.map(\.id) == numbers(1...12).map { "rec-\($0)" })
        let two = try #require(decision.paragraphs.first { $0.number == "2" })
        #expect(two.children.labels == ["a", "b", "c"])
        let seven = try #require(decision.paragraphs.first { $0.number == "7" })
        #expect(seven.children.labels == ["a", "b", "c"])
        #expect(decision.paragraphs.last?.text.contains("specific needs and the development of activities tailored") == true,
                "recommendation 12 continues after footnote 10")
    }

    @Test("recommendations 1-12 of decision 3/4, grouped under headings I-IV")
    func recommendations() throws {
        #expect(document.recommendations.map(\.id) == [
            "1", "2", "2(a)", "2(b)", "2(c)", "3", "4", "5", "6", "7", "7(a)", "7(b)", "7(c)", "8", "9", "10", "11", "12",
        ])
        #expect(document.recommendations.allSatisfy { $0.decision == "3/4" })
        let groups: [(ClosedRange<Int>, String, String)] = [
            (1...1, "I", "Determination of needs for technical assistance"),
            (2...8, "II", "Priorities for technical assistance"),
            (9...11, "III", "Information on technical assistance activities"),
            (12...12, "IV", "Mobilization of potential resources"),
        ]
        for (range, number, heading) in groups {
            for recommendation in document.recommendations {
                let base = Int(recommendation.id.prefix { $0.isNumber })!
                guard range.contains(base) else { continue }
                #expect(recommendation.group?.number == number, "recommendation \(recommendation.id)")
                #expect(recommendation.group?.heading == heading, "recommendation \(recommendation.id)")
            }
        }
    }

    @Test("paragraph 17 holds the agenda 1-11 as items, not as report paragraphs")
    func agendaInParagraph17() throws {
        let seventeen = try #require(document.paragraph("17"))
        #expect(seventeen.text == "At its 1st meeting, on 9 October 2006, the Conference of the Parties adopted the following agenda for its third session:")
        #expect(seventeen.children.labels == numbers(1...11))
        #expect(seventeen.children.allSatisfy { $0.style == .number })
        #expect(seventeen.children.map(\.id).first == "para-17.1")
        let subItems: [String: [String]] = [
            "1": letters("a", "e"), "2": letters("a", "c"), "3": letters("a", "c"), "4": letters("a", "b"),
            "5": letters("a", "d"),
        ]
        for item in seventeen.children {
            #expect(item.children.labels == (subItems[item.label] ?? []), "agenda item \(item.label)")
        }
        #expect(seventeen.children.clause("1")?.text == "Organizational matters:")
        #expect(seventeen.children.clause("11")?.text == "Adoption of the report of the Conference of the Parties on its third session.")
    }

    @Test("annex I lists the session's documents, expanding Add. and Corr. ranges")
    func annexI() throws {
        let annex = try #require(document.annex("I"))
        #expect(annex.title == "List of documents before the Conference of the Parties at its third session")
        #expect(annex.documents.count == 34)
        #expect(annex.documents.first?.symbol == "CTOC/COP/2005/2/Rev.1")
        #expect(annex.documents.last?.symbol == "CTOC/COP/2006/CRP.5")
        let draft = try #require(annex.documents.first { $0.symbol == "CTOC/COP/2006/L.1 and Add.1-3" })
        #expect(draft.symbols == ["CTOC/COP/2006/L.1", "CTOC/COP/2006/L.1/Add.1", "CTOC/COP/2006/L.1/Add.2", "CTOC/COP/2006/L.1/Add.3"])
        #expect(draft.title == "Draft report")
        let agenda = try #require(annex.documents.first { $0.symbol == "CTOC/COP/2006/1 and Corr.1" })
        #expect(agenda.symbols == ["CTOC/COP/2006/1", "CTOC/COP/2006/1/Corr.1"])
        #expect(agenda.title == "Annotated provisional agenda and proposed organization of work")
        let singles = annex.documents.filter { !$0.symbol.contains(" and ") }
        #expect(singles.allSatisfy { $0.symbols == [$0.symbol] })
    }

    @Test("annex II is a provisional agenda 1-8, item 2 (b) with (i)-(vi)")
    func annexII() throws {
        let annex = try #require(document.annex("II"))
        #expect(annex.title == "Draft provisional agenda for the fourth session of the Conference of the Parties to the United Nations Convention against Transnational Organized Crime")
        #expect(annex.agenda.labels == numbers(1...8))
        #expect(annex.agenda.clause("1")?.children.labels == letters("a", "e"))
        let two = try #require(annex.agenda.clause("2"))
        #expect(two.children.labels == ["a", "b"])
        let b = try #require(two.children.clause("b"))
        #expect(b.id == "annex-II.2.b")
        #expect(b.children.labels == ["i", "ii", "iii", "iv", "v", "vi"])
        #expect(b.children.allSatisfy { $0.style == .roman })
        #expect(annex.agenda.filter { $0.label != "1" && $0.label != "2" }.allSatisfy { $0.children.isEmpty })
    }

    @Test("footnotes 1-12 each linked to the element their marker sits in")
    func footnotes() throws {
        #expect(document.footnotes.map(\.marker) == numbers(1...12))
        let anchors: [String: String] = [
            "1": "dec-3/2.f", "2": "dec-3/2.g.ii", "3": "dec-3/2.g.vii", "4": "dec-3/2.g.vii", "5": "dec-3/3",
            "6": "dec-3/3.a", "7": "dec-3/3.a", "8": "dec-3/4.b", "9": "dec-3/4.b", "10": "rec-8",
            "11": "para-74", "12": "para-74",
        ]
        for footnote in document.footnotes {
            #expect(footnote.notation == .htmlSuperscript)
            #expect(footnote.anchors.map(\.element) == [anchors[footnote.marker]!], "footnote \(footnote.marker)")
        }
        #expect(document.footnote("9")?.text == "General Assembly resolutions 55/25, annexes II and III, and 55/255, annex.")
    }

    @Test("paragraph 61: the draft decision adopted and the text of decision 3/2")
    func paragraph61() throws {
        let symbols = document.references(from: "para-61", kind: .symbol)
        #expect(symbols.map(\.target.symbol) == ["CTOC/COP/2006/L.4"])
        #expect(symbols.first?.relation == "adopted")
        let decisions = document.references(from: "para-61", kind: .decision)
        #expect(decisions.count == 1)
        #expect(decisions.first?.status == .resolved)
        #expect(decisions.first?.target.element == "dec-3/2")
    }

    @Test("paragraph 100 points to paragraph 111")
    func paragraph100() throws {
        let references = document.references(from: "para-100", kind: .paragraph)
        #expect(references.count == 1)
        #expect(references.first?.status == .resolved)
        #expect(references.first?.target.element == "para-111")
    }

    @Test("decision 3/4 recalls decision 2/6")
    func decision34Recalls() throws {
        let references = document.references(from: "dec-3/4", kind: .decision)
        #expect(references.count == 1)
        let reference = try #require(references.first)
        #expect(reference.target.number == "2/6")
        #expect(reference.relation == "recalling")
        #expect(reference.target.bodyPrefix == "CTOC/COP")
        #expect(reference.status == .external, "decision 2/6 is not in this report")
    }

    @Test("footnotes 6 and 9 cite General Assembly resolutions with their annexes")
    func resolutionFootnotes() throws {
        let six = document.references(from: "fn-6", kind: .resolution)
        #expect(six.count == 1)
        #expect(six.first?.target.symbol == "A/RES/55/25")
        #expect(six.first?.target.part == "annex II")
        let nine = document.references(from: "fn-9", kind: .resolution)
        #expect(nine.map(\.target.symbol) == ["A/RES/55/25", "A/RES/55/25", "A/RES/55/255"])
        #expect(nine.map(\.target.part) == ["annex II", "annex III", "annex"])
        #expect(nine.allSatisfy { $0.target.body == "General Assembly" && $0.status == .external })
    }

    @Test("recommendation 11 cites Economic and Social Council resolution 2006/27 of 27 July 2006")
    func recommendation11() throws {
        let references = document.references(from: "rec-11", kind: .resolution)
        #expect(references.count == 1)
        #expect(references.first?.target.symbol == "E/RES/2006/27")
        #expect(references.first?.target.date == "2006-07-27")
        #expect(references.first?.target.body == "Economic and Social Council")
    }

    @Test("organization acronyms with a slash are not document symbols")
    func acronymsAreNotSymbols() {
        let symbols = document.references.filter { $0.kind == .symbol }
        #expect(!symbols.contains { $0.text.contains("UNODC/OSCE") || $0.target.symbol?.contains("UNODC") == true })
        #expect(!symbols.contains { $0.text.contains("AIDS/STD") || $0.target.symbol?.contains("AIDS") == true })
        #expect(!document.references.contains { $0.text.contains("UNODC/OSCE") || $0.text.contains("AIDS/STD") })
    }

    @Test("chapter references resolve to the decisions of chapter I", arguments: [
        ("para-62", "dec-3/1"), ("para-111", "dec-3/3"), ("para-124", "dec-3/4"), ("para-127", "dec-3/1"),
    ])
    func seeChapterI(from element: String, decision: String) {
        let references = document.references(from: element, kind: .decision)
        #expect(references.map(\.target.element) == [decision])
        #expect(references.allSatisfy { $0.status == .resolved && $0.relation == "see" })
    }

    @Test("no diagnostics")
    func diagnostics() {
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    }
}
