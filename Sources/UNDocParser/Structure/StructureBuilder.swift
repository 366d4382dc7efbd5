import UNDocIngest
import UNDocModel

/// Builds the document tree from classified lines by UN numbering conventions.
///
/// Report paragraphs are numbered 1, 2, 3… without gaps, so a numbered line that does
/// not continue that sequence is something else: an item of a list inside the current
/// paragraph (the agenda in a paragraph), a recommendation under a decision, a group
/// heading, or an annex item. Chapters (I, II…) and sections (A, B…) are told apart the
/// same way, with the table of contents as a witness when the document has one.
final class StructureBuilder {
    enum Mode { case front, contents, body, notes, annex }

    let source: SourceText
    let lines: [Line]
    let grammars: ParserGrammars
    var bytes: [UInt8] { source.bytes }

    var mode: Mode = .front
    var diagnostics: [Diagnostic] = []
    var metadata = Metadata()
    var contents: [ContentsEntry] = []

    // Sections.
    var chapters: [SectionNode] = []
    var topLevelUnnumbered = 0
    var chapter: SectionNode?
    var section: SectionNode?
    var subsection: SectionNode?
    var lastChapterValue = 0
    var lastSectionValue = 0

    // Elements.
    var paragraphs: [Block] = []
    var lastParagraphNumber = 0
    var decisions: [DecisionBuilder] = []
    var decision: DecisionBuilder?
    /// What lettered items are recommendations of: a group heading's host ("6. Training"
    /// gives 6(c)) or a numbered recommendation ("2." gives 2(a)).
    var recommendationHost: Block?
    /// The section of the open recommendation group, and the recommendations read under groups.
    var groupSection: SectionNode?
    var recommendationItems: [Block] = []
    /// Recommendations numbered on their own under a heading that names them, outside decisions.
    var numberedRecommendations: [Block] = []
    /// The kind of the last line that was not blank, to tell a note after a rule.
    var previousKind: LineKind?
    var annexes: [AnnexBuilder] = []
    var annex: AnnexBuilder?
    var footnotes: [Block] = []
    /// How many bodies each footnote marker has had, and the decision numbers seen.
    var footnoteCounts: [String: Int] = [:]
    var decisionNumbers: Set<String> = []
    var texts: [Block] = []
    var frontMatterBlock: Block?
    /// Where a continuation line goes.
    var current: Block?
    var lastBodyElement: Block?
    /// A title line is expected next for this decision or annex.
    var awaitingTitle = false
    /// The title lines of the masthead, with their lines for evidence.
    var frontTitle: [(text: String, line: Line)] = []
    /// The document's own symbol when its masthead prints it on a line of its own.
    var mastheadSymbol: String?
    var agendaTitlePending = false

    /// Index in `lines` of the first logical line of each physical line (-1: none).
    let firstLogicalLine: [Int]

    init(source: SourceText, lines: [Line], grammars: ParserGrammars) {
        self.source = source
        self.lines = lines
        self.grammars = grammars
        var index = [Int](repeating: -1, count: (lines.last?.number ?? -1) + 1)
        for position in lines.indices where index[lines[position].number] < 0 { index[lines[position].number] = position }
        firstLogicalLine = index
    }

    func build() {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            switch line.kind {
            case .blank:
                continue
            case .jobNumber(let number):
                // Page 1's job number, in whatever mode the page break fell; the barcode
                // line repeats its digits.
                if let number { record(\.jobNumber, number, "jobNumber", span(line)) }
                continue
            case .rule:
                // A rule ends the masthead block of a markdown rendering, or precedes
                // page-bottom footnotes: neither changes where text continues.
                previousKind = line.kind
                continue
            default:
                break
            }
            switch mode {
            case .front: frontMatter(line)
            case .contents: contentsLine(line)
            case .body, .notes, .annex: bodyLine(line)
            }
            previousKind = line.kind
        }
        closeDecision()
        if mode == .front || mode == .contents { finishFrontMatter() }
    }

    // MARK: - Shared helpers

    func text(_ start: Int, _ end: Int) -> String {
        source.string(start, end)
    }

    /// The content of a line as readable text (tags and emphasis taken out).
    func plainText(_ line: Line, from start: Int? = nil) -> String {
        TextCleaner.clean([(start ?? line.contentStart)..<line.contentEnd], in: source).string
    }

    func span(_ line: Line) -> SourceSpan {
        source.span(line.start, line.end)
    }

    func diagnose(_ severity: Diagnostic.Severity, _ code: String, _ message: String, line: Line? = nil, element: String? = nil) {
        diagnostics.append(Diagnostic(severity, code: code, message: message, span: line.map(span), element: element))
    }

    /// The innermost open section.
    var currentSection: SectionNode? { subsection ?? section ?? chapter }

    /// The open heading that names recommendations ("III. Recommendations", "Recommendations
    /// adopted by the Working Group"), the current section or one that holds it.
    var recommendationsHeading: SectionNode? {
        var node = currentSection
        while let candidate = node {
            if candidate.isRecommendations { return candidate }
            node = candidate.parent
        }
        return nil
    }

    /// "Recommendations", "Recommendations adopted by the Working Group", "General
    /// recommendations", but not "Follow-up to the recommendations of the previous meeting".
    static func namesRecommendations(_ title: String) -> Bool {
        let lower = title.lowercased()
        return lower.hasPrefix("recommendation") || lower.hasSuffix("recommendations")
    }

    var currentSectionID: String? { currentSection?.section.id }

    func addToContent(_ id: String) {
        if let annex, mode == .annex {
            annex.annex.content.append(id)
        } else {
            currentSection?.section.content.append(id)
        }
    }
}
