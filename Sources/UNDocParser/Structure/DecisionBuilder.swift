import UNDocModel

/// A decision while its clauses and carried paragraphs are read.
final class DecisionBuilder {
    var decision: Decision
    let preamble: Block
    /// Holds the lettered clauses.
    let clauses: Block
    var paragraphs: [Block] = []
    var headingStart: Int
    /// After a "Recommendations" heading inside the decision, numbered paragraphs are
    /// recommendations, grouped under roman headings.
    var inRecommendations = false
    var group: RecommendationGroup?
    var lastGroupValue = 0

    init(number: String, title: String?, headingStart: Int, section: String?) {
        decision = Decision(id: number, title: title, span: SourceSpan(start: 0, end: 0, line: 0, endLine: 0), section: section)
        let element = ElementID.decision(number)
        preamble = Block(kind: .preamble, id: element, label: number, section: section)
        clauses = Block(kind: .preamble, id: element, label: number, section: section)
        self.headingStart = headingStart
    }

    var isEmpty: Bool { preamble.segments.isEmpty && clauses.children.isEmpty && paragraphs.isEmpty }
}

/// An annex while its lists are read.
final class AnnexBuilder {
    var annex: Annex
    let agenda: Block
    var paragraphs: [Block] = []
    var isAgenda = false
    var headingEnd: Int

    init(number: String?, title: String?, span: SourceSpan) {
        let id = ElementID.annex(number ?? "1")
        annex = Annex(id: id, number: number, title: title, span: span)
        agenda = Block(kind: .paragraph, id: id, label: number ?? "", section: id)
        headingEnd = span.end
        isAgenda = title?.lowercased().contains("agenda") ?? false
    }
}
