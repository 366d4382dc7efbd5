// The sessions of the generated world: which documents each body issues, when, under which
// symbols, and how their texts are put together from the corpus templates.
import Foundation

struct World {
    let templates: CorpusTemplates
    let writer: CorpusWriter
    let seed: UInt64
    let startYear: Int
    private(set) var lastYear: Int
    /// The recommendation groups of the Working Group's last report, which the next one cites.
    private var previousGroups: [RecommendationGroup] = []

    /// A conference of States parties: the 002 template under its own name and symbols.
    struct Conference {
        var name: String
        var prefix: String
        var folder: String
        /// The year of its third session (the template's); it meets every two years.
        var thirdSession: Int

        func meets(in year: Int) -> Bool { year >= thirdSession && (year - thirdSession) % 2 == 0 }
        func session(in year: Int) -> Int { ConferenceTemplate.session + (year - thirdSession) / 2 }
        /// The latest session held before `year` (its report is out by December).
        func latest(before year: Int) -> Int? {
            guard year - 1 >= thirdSession else { return nil }
            return year - 1 - (year - 1 - thirdSession) % 2
        }
    }

    /// A functional commission of the Economic and Social Council: 003's reports, yearly.
    struct Commission {
        var name: String
        var prefix: String
        var folder: String
        var city: String
        var days: String
        var opening: (month: Int, day: Int)
        /// The session number is the year minus this.
        var sessionBase: Int
        var items: [String]
        /// The yearly report on trafficking (003's own): its number and agenda item.
        var series: Int
        var seriesItem: Int
    }

    let organizedCrime: Conference
    let corruption: Conference
    let crimeCommission: Commission
    let womenCommission: Commission
    static let workingGroupFolder = "CTOC-COP-WG.4"

    init(templates: CorpusTemplates, writer: CorpusWriter, seed: UInt64, startYear: Int) {
        self.templates = templates
        self.writer = writer
        self.seed = seed
        self.startYear = startYear
        lastYear = startYear
        organizedCrime = Conference(
            name: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
            prefix: "CTOC/COP", folder: "CTOC-COP", thirdSession: startYear)
        corruption = Conference(
            name: "Conference of the States Parties to the United Nations Convention against Corruption",
            prefix: "CAC/COSP", folder: "CAC-COSP", thirdSession: startYear + 1)
        crimeCommission = Commission(
            name: "Commission on Crime Prevention and Criminal Justice", prefix: "E/CN.15", folder: "E-CN.15",
            city: "Vienna", days: "23-27 May", opening: (5, 23),
            sessionBase: SecretaryGeneralTemplate.year - SecretaryGeneralTemplate.session,
            items: ["Election of officers", "Adoption of the agenda and other organizational matters", "Thematic discussion",
                    "Use and application of United Nations standards and norms in crime prevention and criminal justice",
                    "Crime prevention and criminal justice responses to trafficking in persons",
                    "International cooperation in combating transnational crime",
                    "Strategic management, budgetary and administrative questions"],
            series: 8, seriesItem: 6)
        womenCommission = Commission(
            name: "Commission on the Status of Women", prefix: "E/CN.6", folder: "E-CN.6",
            city: "New York", days: "1-12 March", opening: (3, 1), sessionBase: 1956,
            items: ["Election of officers", "Adoption of the agenda and other organizational matters",
                    "Follow-up to the Fourth World Conference on Women and to the twenty-third special session of the General Assembly",
                    "Trafficking in women and girls", "Communications concerning the status of women",
                    "Follow-up to Economic and Social Council resolutions and decisions",
                    "Strategic management and programme questions"],
            series: 2, seriesItem: 4)
    }

    /// The parser reads four-digit years in mastheads (Grammars/structure.peg), so the
    /// world ends in 9999.
    static let lastReadableYear = 9999

    mutating func run() {
        var year = startYear
        while !writer.isFull {
            guard year <= Self.lastReadableYear else {
                try? writer.finish()
                Generator.stop("the corpus would run past \(Self.lastReadableYear), whose dates the parser does not read; give an earlier --start-year (\(writer.written) documents reached \(Self.lastReadableYear))")
            }
            lastYear = year
            if year >= workingGroupStart { workingGroupMeeting(year) }
            commissionSession(womenCommission, year)
            commissionSession(crimeCommission, year)
            if organizedCrime.meets(in: year) { conferenceSession(organizedCrime, year) }
            if corruption.meets(in: year) { conferenceSession(corruption, year) }
            year += 1
        }
    }

    // MARK: - Calendar of the world

    /// The Conference of the Parties' fourth session establishes the Working Group (decision
    /// 4/4); it meets from the next year.
    var workingGroupStart: Int { startYear + 3 }

    func conferenceRendering(_ conference: Conference, year: Int, session: Int) -> Rendering {
        var context = Rendering()
        context.yearDelta = year - ConferenceTemplate.year
        context.session = session
        context.slots["conference-name"] = conference.name
        context.slots["conference-prefix"] = conference.prefix + "/"
        // 3/k is this session's, 2/k and 1/k the two before; 2/6 (the technical assistance
        // group's mandate) becomes decision 4 of the previous session, which decision N/4 recalls.
        context.decision = { first, number in
            switch first {
            case 3: "\(session)/\(number)"
            case 2: number == 6 ? "\(session - 1)/4" : "\(session - 1)/\(number)"
            default: "\(max(1, session - 2))/\(number)"
            }
        }
        return context
    }

    func commissionRendering(year: Int) -> Rendering {
        var context = Rendering()
        context.yearDelta = year - SecretaryGeneralTemplate.year
        context.session = SecretaryGeneralTemplate.session + year - SecretaryGeneralTemplate.year
        context.slots["assembly-resolution"] = "\(max(1, 58 + context.yearDelta))/137"
        context.slots["paragraph-2-end"] = "(E/CN.6/\(year)/2).)"
        context.slots["paragraph-81-end"] = "(E/CN.15/\(year)/6)."
        return context
    }

    // MARK: - Conference of the Parties

    mutating func conferenceSession(_ conference: Conference, _ year: Int) {
        var random = SeededGenerator(seed: seed, conference.thirdSession == startYear ? 1 : 4, year)
        let session = conference.session(in: year)
        let template = templates.conference
        let context = conferenceRendering(conference, year: year, session: session)
        let prefix = "\(conference.prefix)/\(year)"
        let place = "Vienna, 9-18 October \(year)"
        let ownName = organizedCrime.name
        func title(_ number: String) -> String {
            (template.documentTitles["CTOC/COP/2006/\(number)"] ?? template.documentTitles["CTOC/COP/2006/\(number)/Rev.1"]
                ?? "Note by the Secretariat")
                .replacingOccurrences(of: "2006", with: String(year))
                .replacingOccurrences(of: ownName, with: conference.name)
        }
        func write(_ text: String, _ suffix: String, _ date: Day) {
            writer.write(text, symbol: "\(prefix)/\(suffix)", date: date, folder: conference.folder)
        }
        func masthead(_ distr: String, _ date: Day, _ title: String, extra: [String] = []) -> String {
            Masthead.conference(name: conference.name, distr: distr, date: date, session: session, place: place, extra: extra,
                                title: title)
        }
        func paragraphs(_ range: ClosedRange<Int>, into out: inout String, headings: Bool = true, numbered: Bool = true) {
            let run = ParagraphRun(blocks: template.paragraphs[(range.lowerBound - 2)...(range.upperBound - 2)])
            var local = context
            local.footnoteOffset = run.firstFootnote - 1
            run.render(into: &out, from: 1, local, headings: headings, numbered: numbered)
        }

        // 1: annotated provisional agenda (annex II of the previous report), and a corrigendum.
        var date = Day(year, 7, 15)
        var text = masthead("General", date, "Annotated provisional agenda")
        text += "### Provisional agenda\n\n"
        var previous = context
        previous.session = session - 1
        template.nextAgenda.render(into: &text, previous)
        text += "\n\n### Annotations\n\n"
        paragraphs(2...3, into: &text, numbered: false)
        write(text, "1", date)
        write(Masthead.corrigendum(masthead("General", Day(year, 8, 20), "Annotated provisional agenda", extra: ["Corrigendum"]),
                                   &random), "1/Corr.1", Day(year, 8, 20))

        // 2-13: analytical reports and notes of the Secretariat (003 cut after a random paragraph).
        for number in 2...13 {
            date = Day(year, 7, 20).adding((number - 2) * 5)
            let (heading, kind) = Masthead.split(title(String(number)))
            let item = random.int(2...7)
            var text = Masthead.plain(organ: nil, distr: "General", date: date, body: conference.name, session: session,
                                      place: place, item: (item, template.agendaItems[item - 1]), title: heading, kind: kind,
                                      delayed: false)
            secretaryGeneralBody(into: &text, year: year, agendaSymbol: "\(prefix)/1",
                                 paragraphs: number == 13 ? random.int(4...12) : Self.reportLength(&random), delayed: false)
            write(text, String(number), date)
            if number == 4 {
                write(Masthead.corrigendum(masthead("General", Day(year, 9, 20), heading, extra: ["Corrigendum"]), &random),
                      "4/Corr.1", Day(year, 9, 20))
            }
        }

        // INF and CRP papers at the opening.
        let opening = Day(year, 10, 9)
        text = masthead("General", opening, "Provisional list of participants")
        paragraphs(18...27, into: &text, headings: false)
        write(text, "INF/1", opening)
        for number in 1...5 {
            let (heading, _) = Masthead.split(title("CRP.\(number)"))
            var text = Masthead.plain(organ: nil, distr: "Limited", date: opening.adding(number / 3), body: conference.name,
                                      session: session, place: place, item: nil, title: heading, kind: "Conference room paper",
                                      delayed: false)
            secretaryGeneralBody(into: &text, year: year, agendaSymbol: nil, paragraphs: random.int(3...10), delayed: false)
            write(text, "CRP.\(number)", opening.adding(number / 3))
        }

        // Draft report L.1 and its addenda (chapters II-XIII), draft decisions L.2-L.11.
        text = masthead("Limited", opening.adding(1), "Draft report", extra: ["Rapporteur: \(random.pick(template.states))"])
        paragraphs(2...34, into: &text)
        write(text, "L.1", opening.adding(1))
        let decisionOf = [4: 2, 5: 3, 6: 1, 8: 4, 9: 4, 10: 3]
        for number in 2...11 {
            let day = opening.adding(1 + (number - 2) * 2 / 3)
            let description = title("L.\(number)").replacingOccurrences(of: "revised draft", with: "draft")
            var text = masthead("Limited", day, description, extra: ["Agenda item \(random.int(2...9))"])
            if let decision = decisionOf[number] {
                let source = template.decisions[decision - 1]
                text += "### \(source.title)\n\n"
                var local = context
                local.footnoteOffset = source.firstFootnote - 1
                source.body.render(into: &text, local)
            } else {
                switch number {
                case 2: paragraphs(131...131, into: &text, headings: false)
                case 3: paragraphs(54...57, into: &text, headings: false)
                case 7: paragraphs(28...30, into: &text, headings: false)
                default: template.nextAgenda.render(into: &text, context)
                }
            }
            write(text, "L.\(number)", day)
            if [6, 8, 9].contains(number) {
                let revised = text.replacingOccurrences(of: "Distr.: Limited  \n\(day.text)", with: "Distr.: Limited  \n\(day.adding(3).text)")
                    .replacingOccurrences(of: ": draft decision", with: ": revised draft decision")
                write(revised, "L.\(number)/Rev.1", day.adding(3))
            }
        }
        text = masthead("General", opening.adding(7), "Revised provisional list of participants")
        paragraphs(18...27, into: &text, headings: false)
        write(text, "INF/1/Rev.1", opening.adding(7))
        for (index, range) in [35...62, 63...112, 113...134].enumerated() {
            var text = masthead("Limited", opening.adding(8), "Draft report", extra: ["Addendum"])
            paragraphs(range, into: &text)
            write(text, "L.1/Add.\(index + 1)", opening.adding(8))
        }

        // 14: the report, its annex I listing the documents above.
        var report = context
        if session > ConferenceTemplate.session {
            report.slots["recommendation-9"] = "9. Further to recommendation 9 contained in the previous report, the working group noted that there was an urgent need"
            report.slots["introduction-end"] = "promote and review the implementation of the Convention. The report of the Conference on its \(Ordinal.words(session - 1)) session is contained in document \(conference.prefix)/\(year - 2)/14."
        }
        write(template.report.rendered(report), "14", Day(year, 12, 22))
    }

    // MARK: - Commissions of the Economic and Social Council

    mutating func commissionSession(_ commission: Commission, _ year: Int) {
        var random = SeededGenerator(seed: seed, commission.series == 8 ? 2 : 5, year)
        let context = commissionRendering(year: year)
        let session = year - commission.sessionBase
        let prefix = "\(commission.prefix)/\(year)"
        let place = "\(commission.city), \(commission.days) \(year)"
        let council = "Economic and Social Council"
        // The session's calendar, from its opening: agenda 16 weeks before, reports from
        // 15 weeks before, the yearly report 8 weeks before, addenda 6 weeks before.
        let opening = Day(year, commission.opening.month, commission.opening.day)
        func write(_ text: String, _ suffix: String, _ date: Day) {
            writer.write(text, symbol: "\(prefix)/\(suffix)", date: date, folder: commission.folder)
        }
        let reports = random.int(10...17)
        let titles = [templates.secretaryGeneral.title] + templates.conference.documentTitles.values.sorted()
            .map { Masthead.split($0).0 }.filter { !$0.hasPrefix("Draft") && $0.count > 30 }

        // 1: provisional agenda.
        var date = opening.adding(-111)
        var text = Masthead.plain(organ: council, distr: "General", date: date, body: commission.name, session: session,
                                  place: place, item: nil, title: "Provisional agenda", kind: "", delayed: false)
        for (index, item) in (commission.items + [
            "Provisional agenda for the \(Ordinal.words(session + 1)) session of the Commission",
            "Adoption of the report of the Commission on its \(Ordinal.words(session)) session",
        ]).enumerated() {
            text += "\(index + 1). \(item).\n"
        }
        write(text, "1", date)

        // 2…: reports of the Secretary-General; one number is the yearly report on trafficking.
        var addenda: [(Int, String)] = []
        for number in 2...(reports + 1) {
            let isSeries = number == commission.series
            date = isSeries ? opening.adding(-55) : opening.adding(-102 + (number - 2) * 4)
            let heading = isSeries ? templates.secretaryGeneral.title : random.pick(titles)
            let item = isSeries ? commission.seriesItem : random.int(3...7)
            let kind = isSeries || random.chance(0.6) ? "Report of the Secretary-General" : "Note by the Secretariat"
            let delayed = random.chance(0.2)
            var text = Masthead.plain(organ: council, distr: "General", date: date, body: commission.name, session: session,
                                      place: place, item: (item, commission.items[item - 1]), title: heading, kind: kind,
                                      delayed: delayed)
            var slots: [String: String] = [:]
            if year > startYear, isSeries || random.chance(0.3) {
                // 003 cites a report of the Commission on the Status of Women; that Commission's
                // own reports cite the General Assembly's.
                let other = commission.prefix == "E/CN.6" ? "A/\(max(1, year - 1946))/\(random.int(60...300))" : "E/CN.6/\(year)/2"
                slots["paragraph-2-end"] = "(\(other)).) The previous report on the subject is contained in document \(commission.prefix)/\(year - 1)/\(number)."
            }
            if isSeries, let conference = organizedCrime.latest(before: year) {
                slots["paragraph-81-end"] = "(E/CN.15/\(year)/6). The report of the Conference of the Parties on its \(Ordinal.words(organizedCrime.session(in: conference))) session is contained in document CTOC/COP/\(conference)/14."
            }
            secretaryGeneralBody(into: &text, year: year, agendaSymbol: "\(prefix)/1",
                                 paragraphs: isSeries ? random.int(76...88) : Self.reportLength(&random), delayed: delayed, slots: slots)
            write(text, String(number), date)
            if random.chance(0.15) { addenda.append((number, heading)) }
        }
        for (index, (number, heading)) in addenda.enumerated() {
            let day = opening.adding(-43 + index * 3)
            var text = Masthead.plain(organ: council, distr: "General", date: day, body: commission.name, session: session,
                                      place: place, item: nil, title: heading, kind: "Addendum", delayed: false)
            secretaryGeneralBody(into: &text, year: year, agendaSymbol: nil, paragraphs: random.int(3...15), delayed: false)
            write(text, "\(number)/Add.1", day)
        }

        // List of participants, conference room papers and draft resolutions during the session.
        text = Masthead.plain(organ: council, distr: "General", date: opening, body: commission.name, session: session,
                              place: place, item: nil, title: "Provisional list of participants", kind: "", delayed: false)
        var participants = conferenceRendering(organizedCrime, year: year, session: session)
        participants.session = session
        ParagraphRun(blocks: templates.conference.paragraphs[16...20]).render(into: &text, from: 1, participants, headings: false)
        write(text, "INF/1", opening)
        for number in 1...random.int(1...3) {
            var text = Masthead.plain(organ: council, distr: "Limited", date: opening, body: commission.name,
                                      session: session, place: place, item: nil, title: random.pick(titles),
                                      kind: "Conference room paper", delayed: false)
            secretaryGeneralBody(into: &text, year: year, agendaSymbol: nil, paragraphs: random.int(3...10), delayed: false)
            write(text, "CRP.\(number)", opening)
        }
        let latest = organizedCrime.latest(before: year + 1)
        for number in 1...random.int(6...16) {
            let day = opening.adding(min(4, number / 3))
            let text = draftResolution(commission, year: year, session: session, date: day, place: place, reports: reports,
                                       conferenceYear: latest, random: &random)
            write(text, "L.\(number)", day)
            if random.chance(0.2) {
                write(text.replacingOccurrences(of: ": draft resolution", with: ": revised draft resolution"), "L.\(number)/Rev.1",
                      day.adding(1))
            }
        }
    }

    private func draftResolution(_ commission: Commission, year: Int, session: Int, date: Day, place: String, reports: Int,
                                 conferenceYear: Int?, random: inout SeededGenerator) -> String {
        let sponsors = Array(Set((0..<random.int(1...5)).map { _ in random.pick(templates.conference.states) })).sorted()
        let sponsorText = sponsors.count == 1 ? sponsors[0] : sponsors.dropLast().joined(separator: ", ") + " and " + sponsors.last!
        let heading = random.pick(templates.conference.decisions).title
        var text = Masthead.plain(organ: "Economic and Social Council", distr: "Limited", date: date, body: commission.name,
                                  session: session, place: place, item: nil, title: "\(sponsorText): draft resolution",
                                  kind: heading, delayed: false)
        let assembly = max(3, 58 + year - SecretaryGeneralTemplate.year)
        text += "The \(commission.name) recommends to the Economic and Social Council the approval of the following draft resolution:\n\n"
        text += "Draft resolution\n\n\(heading)\n\nThe Economic and Social Council,\n\n"
        text += "Recalling General Assembly resolution \(assembly - 2)/137 of 22 December \(year - 2),\n\n"
        text += "Recalling also its resolution \(year - 1)/\(random.int(10...40)),\n\n"
        text += "1. Takes note of the report of the Secretary-General (\(commission.prefix)/\(year)/\(random.int(2...(reports + 1))));\n\n"
        // Operative paragraphs from decisions 3/1 and 3/3, leaving out those that point at
        // their neighbours ("paragraph (e) above").
        var clauses = (templates.conference.decisions[0].clauses + templates.conference.decisions[2].clauses).filter { clause in
            !clause.pieces.contains { if case .text(let text) = $0 { text.contains(" above") } else { false } }
        }
        let count = random.int(3...9)
        let conference = conferenceYear ?? startYear
        var context = conferenceRendering(organizedCrime, year: conference, session: organizedCrime.session(in: conference))
        context.dropFootnotes = true
        for index in 0..<count {
            let clause = clauses.remove(at: random.int(0...(clauses.count - 1)))
            text += "\(index + 2). "
            clause.render(into: &text, context)
            text += "\n\n"
        }
        return text
    }

    // MARK: - Working Group on Trafficking in Persons

    struct RecommendationGroup {
        var title: String
        var items: [String]
        /// "Further to recommendation 9 (a) of the previous report", which opens item (a).
        var citation: String?
        var letters: Int { items.count }
    }

    mutating func workingGroupMeeting(_ year: Int) {
        var random = SeededGenerator(seed: seed, 3, year)
        let template = templates.workingGroup
        let prefix = "CTOC/COP/WG.4/\(year)"
        let first = year == workingGroupStart
        let meeting = "Vienna, 27-29 January \(year)"
        let nextYear = organizedCrime.meets(in: year) ? year : year + 1
        let next = organizedCrime.session(in: nextYear)
        func write(_ text: String, _ suffix: String, _ date: Day) {
            writer.write(text, symbol: "\(prefix)/\(suffix)", date: date, folder: Self.workingGroupFolder)
        }

        var context = Rendering()
        context.yearDelta = year - WorkingGroupTemplate.year
        context.slots = [
            "next-session": "\(Ordinal.words(next)) session, in \(nextYear)",
            "after-next-session": "\(Ordinal.words(next + 1)) session, in \(nextYear + 2)",
            "last-session-held": "\(Ordinal.words(next - 1)) session of the Conference of the Parties in October \(nextYear - 2)",
            "next-session-held": "\(Ordinal.words(next)) session of the Conference of the Parties in October \(nextYear)",
            "at-next-session": "at its \(Ordinal.words(next)) session.",
            "more-states": "\(Ordinal.cardinal(random.int(2...14))) more States",
            "states-parties": "to \(min(135 + 4 * (year - WorkingGroupTemplate.year), 170) + random.int(0...20)).",
        ]
        // "Further to recommendation 6 (c) contained in the previous report": the same
        // recommendations come back every year, so they chain from report to report.
        let groups = template.groups
        func cite(_ group: Int, _ letter: Character) -> String { "recommendation \(group) (\(letter))" }
        let other = random.int(1...8)
        let otherLetter = Character(UnicodeScalar(UInt8(97 + random.int(0...(groups[other - 1].items.count - 1)))))
        context.slots["ref-2b"] = first ? "as a matter of priority" : "further to \(cite(2, "b")) from the previous report of the Working Group"
        context.slots["ref-4a"] = first ? "Noting the importance of national coordination" : "Noting \(cite(4, "a")) of the previous report of this Working Group"
        context.slots["ref-4d"] = first ? "Noting the importance of coordination" : "Noting \(cite(other, otherLetter)) of the previous report"
        context.slots["ref-6c"] = first ? "In addition" : "Further to \(cite(6, "c")) contained in the previous report"
        context.slots["ref-7a"] = first ? "In addition" : "Further to \(cite(7, "a")) of the previous report"
        let previous = "the report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 27 to 29 January \(year - 1)"
        func previousReport(footnote: Int?, ownPaper: Bool) -> [String: String] {
            if first {
                return ["previous-report": "a background paper prepared by the Secretariat (\(prefix)/3).",
                        "previous-agenda": "That paper specifically considered", "previous-report-note": ""]
            }
            var slots = ["previous-agenda": "Agenda item 2 of that meeting on 27 January \(year - 1) specifically considered"]
            slots["previous-report"] = previous + "." + (footnote.map { "<sup>\($0)</sup>" } ?? "")
                + (ownPaper ? " It also had before it a background paper prepared by the Secretariat (\(prefix)/3)." : "")
            slots["previous-report-note"] = footnote.map {
                "---\n\n<sup>\($0)</sup> Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 27 to 29 January \(year - 1) (CTOC/COP/WG.4/\(year - 1)/2).\n\n"
            } ?? ""
            return slots
        }
        func with(_ slots: [String: String], footnoteOffset: Int = 0) -> Rendering {
            var local = context
            local.slots.merge(slots) { $1 }
            local.footnoteOffset = footnoteOffset
            return local
        }

        // The recommendations of this meeting: groups 1-8 on agenda item 2 (Add.1), then the
        // groups of the other agenda items (Add.2…), which cite the previous report's.
        var plain = context
        for key in ["ref-2b", "ref-4a", "ref-4d", "ref-6c", "ref-7a"] { plain.slots[key] = nil }
        let pool = groups.flatMap { group in group.items.map { $0.text.rendered(plain) } }
            .filter { !$0.contains("previous report") }
        let topics = templates.conference.workingGroupDeliberations.compactMap { block -> String? in
            let heading = block.headings.rendered(plain).trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "#", with: "").replacingOccurrences(of: "*", with: "")
                .trimmingCharacters(in: .whitespaces)
            return heading.isEmpty || heading.contains("\n") ? nil : heading
        }
        var addenda: [(topic: String, groups: [RecommendationGroup])] = []
        for _ in 0..<random.int(1...3) {
            var extra: [RecommendationGroup] = []
            for _ in 0..<random.int(1...3) {
                let items = (0..<random.int(2...4)).map { _ in random.pick(pool) }
                let number = 9 + addenda.flatMap(\.groups).count + extra.count
                var citation: String?
                if !first, number <= 8 + previousGroups.count, random.chance(0.5) {
                    let cited = previousGroups[number - 9]
                    let letter = Character(UnicodeScalar(UInt8(97 + random.int(0...(cited.letters - 1)))))
                    citation = "Further to \(cite(number, letter)) of the previous report"
                }
                extra.append(RecommendationGroup(title: random.pick(topics), items: items, citation: citation))
            }
            addenda.append((random.pick(topics), extra))
        }

        // 1: provisional agenda and annotations (November of the year before).
        let agendaItems = ["Organizational matters:\n  - (a) Opening of the meeting;\n  - (b) Adoption of the agenda and organization of work.",
                           template.agendaItem + "."] + addenda.map { "\($0.topic)." } + ["Other matters.", "Adoption of the report."]
        var text = Masthead.workingGroup(distr: "General", date: Day(year - 1, 11, 15), meeting: meeting,
                                         lines: ["### Provisional agenda and annotations", "#### **I. Provisional agenda**"])
        for (index, item) in agendaItems.enumerated() { text += "\(index + 1). \(item)\n" }
        text += "\n#### **II. Annotations**\n\n"
        ParagraphRun(blocks: template.paragraphs[0...1]).render(into: &text, from: 1, with(previousReport(footnote: 1, ownPaper: false)),
                                                                numbered: false)
        write(text, "1", Day(year - 1, 11, 15))

        // 3: background paper (December of the year before).
        var paper = Masthead.plain(organ: nil, distr: "General", date: Day(year - 1, 12, 1), body: "Working Group on Trafficking in Persons",
                                   session: nil, place: meeting, item: (2, template.agendaItem),
                                   title: "Background paper prepared by the Secretariat", kind: "", delayed: false)
        secretaryGeneralBody(into: &paper, year: year - 1, agendaSymbol: "\(prefix)/1", paragraphs: Self.reportLength(&random), delayed: false)
        write(paper, "3", Day(year - 1, 12, 1))

        // Conference room paper and draft report at the opening; addenda the next days.
        let opening = Day(year, 1, 27)
        if random.chance(0.5) {
            var text = Masthead.plain(organ: nil, distr: "Limited", date: opening, body: "Working Group on Trafficking in Persons",
                                      session: nil, place: meeting, item: nil, title: random.pick(topics),
                                      kind: "Conference room paper", delayed: false)
            secretaryGeneralBody(into: &text, year: year, agendaSymbol: nil, paragraphs: random.int(3...10), delayed: false)
            write(text, "CRP.1", opening)
        }
        text = Masthead.workingGroup(distr: "Limited", date: opening, meeting: meeting, lines: ["### Draft report"])
        let selection = [0, 1, 2, 6, 7].map { template.paragraphs[$0] }
        for (index, block) in selection.enumerated() {
            let local = with(previousReport(footnote: 1, ownPaper: false))
            block.headings.render(into: &text, local)
            text += "\(index + 1). "
            block.body.render(into: &text, local)
        }
        write(text, "L.1", opening)

        let omitFootnote = !first && random.chance(1.0 / 12)
        text = Masthead.workingGroup(distr: "Limited", date: opening.adding(1), meeting: meeting,
                                     lines: ["### Draft report", "#### Addendum", "#### **Agenda item 2: \(template.agendaItem)**"])
        let addendumContext = with(previousReport(footnote: omitFootnote ? nil : 2, ownPaper: false))
        ParagraphRun(blocks: template.paragraphs[...]).render(into: &text, from: 1, addendumContext)
        text += "## **Recommendations**\n\n10. "
        template.recommendationsIntro.render(into: &text, addendumContext)
        text += "\n\n"
        Self.render(groups: groups, into: &text, addendumContext)
        write(text, "L.1/Add.1", opening.adding(1))

        let deliberations = templates.conference.workingGroupDeliberations.filter { $0.number >= 77 }
        for (index, addendum) in addenda.enumerated() {
            let day = opening.adding(1 + index / 2)
            var text = Masthead.workingGroup(distr: "Limited", date: day, meeting: meeting,
                                             lines: ["### Draft report", "#### Addendum", "#### **Agenda item \(index + 3): \(addendum.topic)**"])
            let start = random.int(0...(deliberations.count - 4))
            let run = ParagraphRun(blocks: deliberations[start..<(start + random.int(2...4))])
            var local = context
            local.session = next - 1
            run.render(into: &text, from: 1, local, headings: false)
            text += "## **Recommendations**\n\n\(run.blocks.count + 1). "
            template.recommendationsIntro.render(into: &text, local)
            text += "\n\n"
            // Like Add.1, an addendum that cites the previous report names it in a footnote
            // (about 1 in 12 do not).
            let note = addendum.groups.contains { $0.citation != nil } && !random.chance(1.0 / 12)
            var marked = false
            for (number, group) in addendum.groups.enumerated() {
                Self.render(group, number: number + 1, into: &text, marker: note && !marked ? "<sup>1</sup>" : "")
                marked = marked || group.citation != nil
            }
            if note {
                text += "---\n\n<sup>1</sup> Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 27 to 29 January \(year - 1) (CTOC/COP/WG.4/\(year - 1)/2).\n"
            }
            write(text, "L.1/Add.\(index + 2)", day)
        }

        // 2: the report of the meeting (March): paragraphs 1-9, the deliberations, all recommendations.
        let ownPaper = random.chance(0.2)
        text = Masthead.workingGroup(distr: "General", date: Day(year, 3, 15), meeting: meeting,
                                     lines: ["### Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 27 to 29 January \(year)",
                                             "## **Introduction**"])
        let reportContext = with(previousReport(footnote: 2, ownPaper: ownPaper))
        ParagraphRun(blocks: template.paragraphs[...]).render(into: &text, from: 1, reportContext)
        text += "## **Deliberations**\n\n"
        var told = context
        told.session = next - 1
        told.yearDelta = year - 1 - ConferenceTemplate.year
        told.footnoteOffset = 11 - (first ? 2 : 3)
        ParagraphRun(blocks: templates.conference.workingGroupDeliberations[...]).render(into: &text, from: 10, told)
        let last = 10 + templates.conference.workingGroupDeliberations.count
        text += "## **Recommendations**\n\n\(last). "
        template.recommendationsIntro.render(into: &text, reportContext)
        text += "\n\n"
        Self.render(groups: groups, into: &text, reportContext)
        let extra = addenda.flatMap(\.groups)
        for (number, group) in extra.enumerated() { Self.render(group, number: 9 + number, into: &text) }
        write(text, "2", Day(year, 3, 15))
        previousGroups = extra
    }

    static func render(groups: [WorkingGroupTemplate.Group], into out: inout String, _ context: Rendering) {
        for group in groups {
            out += "\(group.level) **\(group.number). \(group.title)**\n\n"
            for (letter, text) in group.items {
                out += "(\(letter)) "
                text.render(into: &out, context)
                out += "\n\n"
            }
        }
    }

    static func render(_ group: RecommendationGroup, number: Int, into out: inout String, marker: String = "") {
        out += "### **\(number). \(group.title)**\n\n"
        for (index, item) in group.items.enumerated() {
            out += "(\(Character(UnicodeScalar(UInt8(97 + index))))) "
            if index == 0, let citation = group.citation { out += "\(citation),\(marker) " }
            out += "\(item)\n\n"
        }
    }

    // MARK: - Texts from 003

    /// How many paragraphs of 003 a report keeps: many short, some long, a few complete.
    static func reportLength(_ random: inout SeededGenerator) -> Int {
        let roll = random.int(0...9)
        return roll < 4 ? random.int(6...20) : roll < 8 ? random.int(21...50) : 88
    }

    /// 003's body cut after `paragraphs` paragraphs, with the notes its markers use; the
    /// contents table only when the report is complete.
    func secretaryGeneralBody(into out: inout String, year: Int, agendaSymbol: String?, paragraphs: Int, delayed: Bool,
                              slots: [String: String] = [:]) {
        let template = templates.secretaryGeneral
        var context = commissionRendering(year: year)
        context.slots.merge(slots) { $1 }
        let kept = template.paragraphs.prefix(paragraphs)
        if kept.count == template.paragraphs.count { out += template.contents + "\n" }
        // The starred note of "Item 6 of the provisional agenda*", when the masthead has one.
        if let agendaSymbol { out += "* \(agendaSymbol).\n\n" }
        if delayed { out += template.delayNote + "\n\n" }
        out += "\n\n"
        for block in kept {
            block.headings.render(into: &out, context)
            out += "\(block.number). "
            block.body.render(into: &out, context)
        }
        let last = kept.map(\.lastSuperscriptMarker).max() ?? 0
        let notes = template.notes.filter { $0.marker <= last }
        if !notes.isEmpty {
            out += "Notes\n\n"
            var listed = true
            for note in notes {
                // Two notations, as in 003: "- ¹ …" lines, then "²⁴ …" paragraphs.
                let isListed = note.text.pieces.first.map { if case .text(let text) = $0 { text.hasPrefix("- ") } else { false } } ?? false
                if listed, !isListed { out += "\n" }
                note.text.render(into: &out, context)
                out += isListed ? "\n" : "\n\n"
                listed = isListed
            }
        }
    }
}

/// Mastheads in the three shapes of the corpus.
enum Masthead {
    /// 001: Distr. first, then the body, the meeting and the title lines.
    static func workingGroup(distr: String, date: Day, meeting: String, lines: [String]) -> String {
        "\n\nDistr.: \(distr)  \n\(date.text)\n\nOriginal: English\n\n---\n\n## Working Group on Trafficking in Persons\n\n\(meeting)\n\n"
            + lines.joined(separator: "\n\n") + "\n\n"
    }

    /// 002: the body as a first-level heading, the session and place, the title.
    static func conference(name: String, distr: String, date: Day, session: Int, place: String, extra: [String], title: String) -> String {
        var text = "\n\n\n\n# \(name)\n\nDistr.: \(distr)  \n\(date.text)\n\nOriginal: English\n\n"
        text += "\(Ordinal.capitalized(session)) session  \n\(place)\n\n## \(title)\n\n"
        for line in extra { text += "#### \(line)\n\n" }
        return text
    }

    /// 003: plain lines; the starred agenda note follows in the body.
    static func plain(organ: String?, distr: String, date: Day, body: String, session: Int?, place: String,
                      item: (Int, String)?, title: String, kind: String, delayed: Bool) -> String {
        var text = "\n\n\n\n"
        if let organ { text += "\(organ)\n\n" }
        text += "Distr.: \(distr)\n\(date.text)\n\nOriginal: English\n\n\(body)\n\n"
        if let session { text += "\(Ordinal.capitalized(session)) session\n\n" }
        text += "\(place)\n\n"
        if let (number, name) = item { text += "Item \(number) of the provisional agenda*\n\n\(name)\n\n" }
        text += "\(title)\n\n"
        if !kind.isEmpty { text += "\(kind)\(delayed ? "**" : "")\n\n" }
        return text
    }

    /// A corrigendum: the masthead and one correction, no paragraphs.
    static func corrigendum(_ masthead: String, _ random: inout SeededGenerator) -> String {
        let paragraph = random.int(2...40)
        let before = random.int(20...90)
        return masthead + "Paragraph \(paragraph), line \(random.int(1...8))\n\nFor \(before) read \(before + random.int(1...5))\n"
    }

    /// "Title: analytical report of the Secretariat" → ("Title", "Analytical report of the Secretariat").
    static func split(_ description: String) -> (String, String) {
        guard let colon = description.range(of: ": ", options: .backwards) else { return (description, "Note by the Secretariat") }
        let kind = String(description[colon.upperBound...])
        return (String(description[..<colon.lowerBound]), kind.prefix(1).uppercased() + kind.dropFirst())
    }
}

extension ParagraphRun {
    /// The lowest footnote number in the run (1 when it has none).
    var firstFootnote: Int {
        blocks.flatMap { $0.headings.footnotes + $0.body.footnotes }.min() ?? 1
    }
}
