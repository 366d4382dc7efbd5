import UNDocModel

/// A text element while the document is being built: paragraphs, clauses, list items,
/// footnote bodies and text blocks. Reference semantics let the builder keep pointers
/// to "the element that a continuation line belongs to" while the tree grows.
final class Block {
    enum Kind {
        /// A numbered paragraph (of the report, a decision or an annex).
        case paragraph
        /// A labelled item: (a), (i), or a numbered list item inside a paragraph.
        case item
        /// A decision's preamble.
        case preamble
        /// A recommendation under a numbered group heading (001's "6. Training" (c)).
        case recommendation
        case footnote
        case text
    }

    let kind: Kind
    var id: String
    var label: String
    var style: Clause.LabelStyle
    var segments: [Range<Int>] = []
    /// Where the element's line starts, printed number included ("17. …", "(a) …").
    var headStart: Int?
    var children: [Block] = []
    weak var parent: Block?
    var section: String?
    /// Set when the block is a recommendation (or a paragraph or item that is one).
    var recommendationID: String?
    var group: RecommendationGroup?
    var decision: String?
    /// Footnote notation, for footnote bodies.
    var notation: Footnote.Notation = .htmlSuperscript
    /// The clean text, filled in by the builder's output pass (only the text: the reference
    /// recogniser gets the whole `CleanText`).
    var cleanString = ""

    init(kind: Kind, id: String, label: String, style: Clause.LabelStyle = .number, section: String?) {
        self.kind = kind
        self.id = id
        self.label = label
        self.style = style
        self.section = section
    }

    func add(_ child: Block) {
        child.parent = self
        children.append(child)
    }

    var lastItem: Block? { children.last { $0.kind == .item } }

    /// The last letter-labelled child.
    var lastLetter: Block? { children.last { $0.kind == .item && $0.style == .letter } }

    /// The last byte of text, to tell whether a sentence is finished.
    func endsSentence(in bytes: [UInt8]) -> Bool {
        guard let last = segments.last, last.upperBound > last.lowerBound else { return false }
        var p = last.upperBound - 1
        while p > last.lowerBound, bytes[p] == 0x2A || bytes[p] == 0x3E || bytes[p] == 0x20 {
            // Skip trailing "**" or a closing tag's '>'; tags end in letters we then see.
            if bytes[p] == 0x3E { while p > last.lowerBound, bytes[p] != 0x3C { p -= 1 } }
            p -= 1
        }
        let b = bytes[p]
        return b == 0x2E || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x29 && p > 0 && bytes[p - 1] == 0x2E
    }

    func endsWithColon(in bytes: [UInt8]) -> Bool {
        guard let last = segments.last, last.upperBound > last.lowerBound else { return false }
        var p = last.upperBound - 1
        while p > last.lowerBound, bytes[p] == 0x20 || bytes[p] == 0x2A { p -= 1 }
        return bytes[p] == 0x3A
    }
}

/// Where a block's text lies: the lowest start and highest end of its segments and its
/// descendants' (`Int.max` and 0 when there are none). Heads ("17.") are not included.
struct Extent {
    var start = Int.max
    var end = 0

    init() {}

    init(segments: [Range<Int>]) {
        add(segments)
    }

    init(_ block: Block) {
        add(block.segments)
        for child in block.children { add(Extent(child)) }
    }

    mutating func add(_ segments: [Range<Int>]) {
        for segment in segments {
            start = min(start, segment.lowerBound)
            end = max(end, segment.upperBound)
        }
    }

    mutating func add(_ other: Extent) {
        start = min(start, other.start)
        end = max(end, other.end)
    }
}

/// A chapter, section or subsection while being built.
final class SectionNode {
    var section: Section
    var children: [SectionNode] = []
    weak var parent: SectionNode?
    var unnumberedCount = 0
    /// For a heading that names recommendations ("III. Recommendations", "Recommendations").
    var isRecommendations: Bool
    /// Under such a heading: the last recommendation numbered on its own, the last roman
    /// group ("II. Priorities for technical assistance") and the group that is open.
    var lastRecommendation = 0
    var lastGroupValue = 0
    var openGroup: SectionNode?

    init(_ section: Section, isRecommendations: Bool = false) {
        self.section = section
        self.isRecommendations = isRecommendations
    }

    func freeze() -> Section {
        var out = section
        out.children = children.map { $0.freeze() }
        return out
    }
}
