// The three corpus documents, cut once into the parts the generator recombines.
import Foundation

struct GeneratorError: Error, CustomStringConvertible {
    var description: String
}

/// 001: a draft report addendum of the Working Group on Trafficking in Persons (January 2010).
struct WorkingGroupTemplate {
    struct Group {
        var number: Int
        /// "###" or "##": the template's heading level, kept as printed.
        var level: String
        var title: String
        var items: [(letter: Character, text: Template)]
    }

    var agendaItem: String
    /// Paragraphs 1-9: mandate, deliberations, the previous report (footnote 2).
    var paragraphs: [ParagraphBlock]
    /// Paragraph 10: "The Working Group …, established pursuant to decision 4/4 …, adopted the
    /// recommendations below".
    var recommendationsIntro: Template
    var groups: [Group]

    static let year = 2010
    static let rules = TemplateRules(
        literals: [
            ("further to recommendation 18 from the previous report of the Working Group", .slot("ref-2b", fallback: "")),
            ("Noting recommendation 17 of the previous report of this Working Group", .slot("ref-4a", fallback: "")),
            ("Noting recommendation 17 of the previous report", .slot("ref-4d", fallback: "")),
            ("Further to recommendation 19 contained in the previous report", .slot("ref-6c", fallback: "")),
            ("Further to recommendation 20 of the previous report", .slot("ref-7a", fallback: "")),
            ("fifth session, in 2010", .slot("next-session", fallback: "")),
            ("sixth session, in 2012", .slot("after-next-session", fallback: "")),
            ("fourth session of the Conference of the Parties in October 2008", .slot("last-session-held", fallback: "")),
            ("fifth session of the Conference of the Parties in October 2010", .slot("next-session-held", fallback: "")),
            ("at its fifth session.", .slot("at-next-session", fallback: "")),
            ("the Report on the Meeting of the Working Group on Trafficking in Persons held in Vienna on 14 and 15 April 2009.<sup>2</sup>",
             .slot("previous-report", fallback: "")),
            ("Agenda item 2 of that meeting on 14 April 2009 specifically considered",
             .slot("previous-agenda", fallback: "")),
            ("---\n\n<sup>2</sup> Report on the Meeting of the Working Group on Trafficking in Persons held in Vienna on 14 and 15 April 2009 (CTOC/COP/WG.4/2009/2).\n\n",
             .slot("previous-report-note", fallback: "")),
            ("ten more States", .slot("more-states", fallback: "ten more States")),
            ("to 135.", .slot("states-parties", fallback: "to 135.")),
        ],
        years: 2008...2012)

    init(text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let agenda = lines.first(where: { $0.hasPrefix("#### **Agenda item 2: ") }),
              let first = lines.firstIndex(where: { $0.hasPrefix("1. In its decision") }),
              let heading = lines.firstIndex(where: { $0 == "## **Recommendations**" }),
              let intro = lines.firstIndex(where: { $0.hasPrefix("10. ") })
        else { throw GeneratorError(description: "001: not the Working Group addendum this generator knows") }
        agendaItem = String(agenda.dropFirst("#### **Agenda item 2: ".count).dropLast(2))
        paragraphs = ParagraphBlock.split(Array(lines[first..<heading]), firstNumber: 1, rules: Self.rules)
        recommendationsIntro = Self.rules.template(String(lines[intro].dropFirst(4)))
        groups = []
        let groupHeading = try NSRegularExpression(pattern: "^(#+) \\*\\*(\\d+)\\. (.+)\\*\\*\\s*$")
        for line in lines[(intro + 1)...] {
            let string = String(line)
            if let match = groupHeading.firstMatch(in: string, range: NSRange(location: 0, length: (string as NSString).length)) {
                let ns = string as NSString
                groups.append(Group(number: Int(ns.substring(with: match.range(at: 2)))!, level: ns.substring(with: match.range(at: 1)),
                                    title: ns.substring(with: match.range(at: 3)), items: []))
            } else if line.hasPrefix("("), line.dropFirst(2).hasPrefix(") "), let letter = line.dropFirst().first, !groups.isEmpty {
                groups[groups.count - 1].items.append((letter, Self.rules.template(String(line.dropFirst(4)))))
            }
        }
        guard paragraphs.count == 9, groups.count == 8 else {
            throw GeneratorError(description: "001: expected paragraphs 1-9 and recommendation groups 1-8, found \(paragraphs.count) and \(groups.count)")
        }
    }
}

/// 002: the report of the Conference of the Parties on its third session (2006).
struct ConferenceTemplate {
    struct Decision {
        var number: Int
        var title: String
        /// From the preamble to the end of the decision (decision 3/4 carries recommendations 1-12).
        var body: Template
        var clauses: [Template]
        var firstFootnote: Int
    }

    /// The whole report: masthead, decisions 3/1-3/4, paragraphs 1-134, annexes.
    var report: Template
    var decisions: [Decision]
    /// Paragraphs 2-134 (chapters II-XIII).
    var paragraphs: [ParagraphBlock]
    /// Paragraphs 67-98 told of a working group instead of the Conference.
    var workingGroupDeliberations: [ParagraphBlock]
    /// Annex II, the provisional agenda of the next session.
    var nextAgenda: Template
    /// The session's agenda items (paragraph 17).
    var agendaItems: [String]
    /// Annex I: symbol (of the template's session) → title or description.
    var documentTitles: [String: String]
    /// The States represented (paragraph 18), for sponsors and rapporteurs.
    var states: [String]

    static let year = 2006
    static let session = 3
    static let rules = TemplateRules(
        literals: [
            // Another conference of States parties (CAC/COSP) prints its own name and symbols.
            ("Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
             .slot("conference-name", fallback: "")),
            ("CTOC/COP/", .slot("conference-prefix", fallback: "")),
            ("9. The working group noted that there was an urgent need", .slot("recommendation-9", fallback: "")),
            ("promote and review the implementation of the Convention.", .slot("introduction-end", fallback: "")),
        ],
        years: 2005...2007, sessionBase: session, decisions: true, paragraphRefs: true)

    init(text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let chapterOne = lines.firstIndex(of: "## I. Decisions taken by the Conference of the Parties"),
              let chapterTwo = lines.firstIndex(of: "## **II. Introduction**"),
              let annexOne = lines.firstIndex(of: "## Annex I"),
              let annexTwo = lines.firstIndex(of: "## Annex II")
        else { throw GeneratorError(description: "002: not the Conference of the Parties report this generator knows") }
        report = Self.rules.template(text)
        // Decisions: "### Decision 3/1", "### **Decision 3/2**", "#### **Decision 3/4**".
        let headings = lines.indices.filter { index in
            index > chapterOne && index < chapterTwo && lines[index].hasPrefix("#")
                && lines[index].replacingOccurrences(of: "*", with: "").contains("Decision 3/")
        }
        decisions = []
        for (position, start) in headings.enumerated() {
            let end = position + 1 < headings.count ? headings[position + 1] : chapterTwo
            let number = Int(String(lines[start].replacingOccurrences(of: "*", with: "").last!))!
            guard let titleIndex = lines[(start + 1)..<end].firstIndex(where: { $0.hasPrefix("#") }) else { continue }
            let title = lines[titleIndex].drop { $0 == "#" || $0 == " " }.replacingOccurrences(of: "**", with: "")
            let bodyLines = lines[(titleIndex + 1)..<end].drop { $0.isEmpty }
            let body = Self.rules.template(bodyLines.joined(separator: "\n") + "\n")
            var clauses: [Template] = []
            for line in bodyLines where line.hasPrefix("(") && line.dropFirst(2).hasPrefix(") ") {
                clauses.append(Self.rules.template(String(line.dropFirst(4))))
            }
            decisions.append(Decision(number: number, title: title, body: body, clauses: clauses,
                                      firstFootnote: body.footnotes.min() ?? 1))
        }
        let region = Array(lines[chapterTwo..<annexOne])
        paragraphs = ParagraphBlock.split(region, firstNumber: 2, rules: Self.rules)
        let retold = region.map { line in
            Substring(line.replacingOccurrences(of: "during the current session of the Conference of the Parties, on 11 October 2006", with: "during the meeting")
                .replacingOccurrences(of: "the Conference of the Parties", with: "the Working Group")
                .replacingOccurrences(of: "the Conference", with: "the Working Group")
                .replacingOccurrences(of: "the conference", with: "the Working Group"))
        }
        workingGroupDeliberations = ParagraphBlock.split(retold, firstNumber: 2, rules: Self.rules)
            .filter { (67...98).contains($0.number) }
        // The agenda list itself, after the annex's headings.
        let agendaLines = lines[(annexTwo + 1)...].drop { $0.isEmpty || $0.hasPrefix("#") }
        nextAgenda = Self.rules.template(agendaLines.joined(separator: "\n"))
        agendaItems = []
        if let seventeen = paragraphs.first(where: { $0.number == 17 }) {
            let body = seventeen.body.rendered(Rendering(session: Self.session))
            for line in body.split(separator: "\n") {
                if let number = ParagraphBlock.leadingNumber(line), number == agendaItems.count + 1 {
                    agendaItems.append(String(line.dropFirst(String(number).count + 2).trimmingCharacters(in: CharacterSet(charactersIn: ".:"))))
                }
            }
        }
        states = []
        if let eighteen = paragraphs.first(where: { $0.number == 18 }),
           let colon = eighteen.body.rendered(Rendering(session: Self.session)).range(of: ": ") {
            let list = eighteen.body.rendered(Rendering(session: Self.session))[colon.upperBound...]
                .trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            states = list.components(separatedBy: ", ").flatMap { $0.components(separatedBy: " and ") }
                .filter { !$0.isEmpty && !$0.contains("(") }
        }
        documentTitles = [:]
        for line in lines[annexOne..<annexTwo] {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, fields[0].hasPrefix("CTOC/COP/") else { continue }
            documentTitles[String(fields[0].split(separator: " ")[0])] = String(fields[1])
        }
        guard decisions.count == 4, paragraphs.count == 133, agendaItems.count >= 9, workingGroupDeliberations.count == 32, states.count > 20 else {
            throw GeneratorError(description: "002: expected decisions 3/1-3/4, paragraphs 2-134 and an agenda; found \(decisions.count) decisions, \(paragraphs.count) paragraphs, \(agendaItems.count) agenda items")
        }
    }
}

/// 003: a report of the Secretary-General to the Commission (fourteenth session, 2005).
struct SecretaryGeneralTemplate {
    var title: String
    var contents: String
    var delayNote: String
    /// Paragraphs 1-88 with their section headings.
    var paragraphs: [ParagraphBlock]
    var notes: [(marker: Int, text: Template)]

    static let year = 2005
    static let session = 14
    static let rules = TemplateRules(
        literals: [
            ("Women 2000", .text("Women 2000")),
            ("58/137", .slot("assembly-resolution", fallback: "58/137")),
            ("(E/CN.6/2005/2).)", .slot("paragraph-2-end", fallback: "")),
            ("(E/CN.15/2005/6).", .slot("paragraph-81-end", fallback: "")),
        ],
        years: 1998...2005, sessionBase: session)

    init(text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let contents = lines.firstIndex(of: "Contents"),
              let star = lines.firstIndex(where: { $0.hasPrefix("* E/CN.15/") }),
              let delay = lines.firstIndex(where: { $0.hasPrefix("** ") }),
              let introduction = lines.firstIndex(of: "I. Introduction"),
              let notes = lines.lastIndex(of: "Notes"),
              let title = lines.firstIndex(where: { $0.hasPrefix("Report of the Secretary-General") })
        else { throw GeneratorError(description: "003: not the report of the Secretary-General this generator knows") }
        self.title = String(lines[lines[..<title].lastIndex { !$0.isEmpty }!])
        self.contents = lines[contents..<star].joined(separator: "\n")
        delayNote = String(lines[delay])
        paragraphs = ParagraphBlock.split(Array(lines[introduction..<notes]), firstNumber: 1, rules: Self.rules)
        self.notes = []
        for line in lines[(notes + 1)...] {
            if let marker = Superscript.leadingMarker(line) { self.notes.append((marker, Self.rules.template(String(line)))) }
        }
        guard paragraphs.count == 88, self.notes.count == 30 else {
            throw GeneratorError(description: "003: expected paragraphs 1-88 and notes 1-30, found \(paragraphs.count) and \(self.notes.count)")
        }
    }
}

struct CorpusTemplates {
    var workingGroup: WorkingGroupTemplate
    var conference: ConferenceTemplate
    var secretaryGeneral: SecretaryGeneralTemplate

    /// Reads the three documents from `directory` by their corpus file names.
    init(directory: String) throws {
        func read(_ prefix: String) throws -> String {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
                throw GeneratorError(description: "no \(prefix)*.txt in \(directory): the generator derives its documents from the corpus")
            }
            return try String(contentsOfFile: (directory as NSString).appendingPathComponent(name), encoding: .utf8)
        }
        workingGroup = try WorkingGroupTemplate(text: read("001_"))
        conference = try ConferenceTemplate(text: read("002_"))
        secretaryGeneral = try SecretaryGeneralTemplate(text: read("003_"))
    }
}
