import Testing
import UNDocModel

/// Corpus/003: Report of the Secretary-General to the Commission on Crime Prevention and
/// Criminal Justice, fourteenth session (29 March 2005): plain text, Unicode superscript
/// footnote markers, end notes. Expectations come from the printed document.
@Suite("003 Report of the Secretary-General, 2005")
struct Document003Tests {
    let document: Document

    init() throws {
        document = try CorpusParser.parse(.sgReport2005)
    }

    @Test("masthead")
    func metadata() throws {
        let metadata = document.metadata
        #expect(metadata.organ == "Economic and Social Council")
        #expect(metadata.body == "Commission on Crime Prevention and Criminal Justice")
        #expect(metadata.distribution == "General")
        #expect(metadata.issueDate == "2005-03-29")
        #expect(metadata.originalLanguage == "English")
        #expect(metadata.session == "Fourteenth session")
        #expect(metadata.place == "Vienna")
        #expect(metadata.startDate == "2005-05-23")
        #expect(metadata.endDate == "2005-05-27")
        let item = try #require(metadata.agendaItem)
        #expect(item.number == "6")
        #expect(item.title == "International cooperation in combating transnational crime")
        #expect(item.provisional)
    }

    @Test("paragraphs are exactly 1-88")
    func paragraphs() {
        #expect(document.paragraphs.map(\.number) == numbers(1...88))
        #expect(document.decisions.isEmpty)
        #expect(document.recommendations.isEmpty)
    }

    @Test("chapters I-III with sections A-I in chapter II, then the Notes")
    func sections() throws {
        #expect(document.sections.map(\.kind) == [.chapter, .chapter, .chapter, .notes])
        #expect(document.sections.map(\.number) == ["I", "II", "III", nil])
        #expect(document.sections.map(\.heading) == ["Introduction", "Results of the survey", "Concluding remarks", "Notes"])
        let two = try #require(document.section("sec-II"))
        #expect(two.children.map(\.number) == letters("A", "I"))
        #expect(two.children.allSatisfy { $0.kind == .section })
        // "I. Lessons learned and new challenges" is section I of chapter II, not a chapter.
        let lessons = try #require(two.children.last)
        #expect(lessons.id == "sec-II.I")
        #expect(lessons.heading == "Lessons learned and new challenges")
        #expect(!document.sections.contains { $0.heading.hasPrefix("Lessons learned") })
    }

    @Test("paragraphs sit in the chapters and sections the table of contents gives")
    func paragraphsInSections() {
        expectParagraphs(document, 1...2, in: "sec-I")
        expectParagraphs(document, 3...4, in: "sec-II")
        expectParagraphs(document, 5...6, in: "sec-II.A")
        expectParagraphs(document, 7...23, in: "sec-II.B")
        expectParagraphs(document, 24...37, in: "sec-II.C")
        expectParagraphs(document, 38...41, in: "sec-II.D")
        expectParagraphs(document, 42...46, in: "sec-II.E")
        expectParagraphs(document, 47...62, in: "sec-II.F")
        expectParagraphs(document, 63...64, in: "sec-II.G")
        expectParagraphs(document, 65...74, in: "sec-II.H")
        expectParagraphs(document, 75...79, in: "sec-II.I")
        expectParagraphs(document, 80...88, in: "sec-III")
    }

    @Test("paragraph 66 lists (a)-(e)")
    func paragraph66() throws {
        let paragraph = try #require(document.paragraph("66"))
        #expect(paragraph.children.labels == letters("a", "e"))
        #expect(paragraph.text.hasSuffix("in particular:"))
    }

    @Test("footnotes 1-30, * and ** are all linked both ways")
    func footnotes() throws {
        #expect(Set(document.footnotes.map(\.marker)) == Set(numbers(1...30) + ["*", "**"]))
        #expect(document.footnotes.count == 32, "one body per marker")
        for footnote in document.footnotes {
            #expect(!footnote.anchors.isEmpty, "footnote \(footnote.marker) has no marker in the text")
            #expect(!footnote.text.isEmpty, "footnote \(footnote.marker) has no text")
            #expect(footnote.notation == (footnote.marker.hasPrefix("*") ? .star : .unicodeSuperscript))
        }
        #expect(!document.diagnostics.contains { $0.code.hasPrefix("footnote.") }, "\(document.diagnostics)")
        #expect(document.footnote("*")?.text == "E/CN.15/2005/1.")
        #expect(document.footnote("12")?.text == "Cuba and Mauritius.")
        #expect(document.footnote("30")?.text == "Belgium, Bosnia and Herzegovina, Croatia, Denmark, Germany, Latvia and Slovakia.")
    }

    @Test("each numbered marker sits in the paragraph that prints it")
    func footnoteAnchors() {
        let paragraphOf: [Int: Int] = [
            1: 5, 2: 5, 3: 5, 4: 5, 5: 6, 6: 6, 7: 7, 8: 10, 9: 39, 10: 42, 11: 47, 12: 47,
            13: 64, 14: 64, 15: 64, 16: 64, 17: 64, 18: 64, 19: 64, 20: 65, 21: 65, 22: 66, 23: 67,
            24: 68, 25: 68, 26: 68, 27: 68, 28: 72, 29: 72, 30: 78,
        ]
        for (marker, paragraph) in paragraphOf.sorted(by: { $0.key < $1.key }) {
            #expect(document.footnote(String(marker))?.anchors.map(\.element) == ["para-\(paragraph)"], "footnote \(marker)")
        }
    }

    @Test("paragraph 1 cites General Assembly resolution 58/137")
    func resolution58137() throws {
        let references = document.references(from: "para-1", kind: .resolution)
        #expect(references.map(\.target.symbol) == ["A/RES/58/137"])
        #expect(references.first?.target.date == "2003-12-22")
    }

    @Test("the EU framework decision is an external act of the Council of the European Union")
    func frameworkDecision() throws {
        let decisions = document.references.filter { $0.kind == .decision }
        #expect(decisions.count == 1, "\(decisions.map(\.text))")
        let reference = try #require(decisions.first)
        #expect(reference.from == "para-64")
        #expect(reference.target.number == "2004/68/JHA")
        #expect(reference.target.body == "Council of the European Union")
        #expect(reference.target.bodyPrefix != "CTOC/COP")
        #expect(reference.status == .external)
        #expect(reference.target.element == nil)
    }

    @Test("footnotes 14-18 cite the Treaty Series; 15-18 are Ibid.", arguments: [
        ("14", "96", "1342"), ("15", "1577", "27531"), ("16", "320", "4648"), ("17", "2133", "37245"),
        ("18", "213", "2889"),
    ])
    func treatyReferences(marker: String, volume: String, number: String) throws {
        let references = document.references(from: "fn-\(marker)", kind: .treaty)
        #expect(references.count == 1)
        let reference = try #require(references.first)
        #expect(reference.target.volume == volume)
        #expect(reference.target.number == number)
        #expect(reference.status == .external)
        let first = try #require(document.references(from: "fn-14", kind: .treaty).first)
        #expect(reference.target.instrument == first.target.instrument, "Ibid. repeats the series of footnote 14")
    }

    @Test("no diagnostics")
    func diagnostics() {
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    }
}
