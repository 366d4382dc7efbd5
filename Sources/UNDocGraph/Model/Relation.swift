/// The typed relations of the decision graph. Every edge points from the newer or citing
/// node to the older or cited one, except `adoptedAs` (draft → adopted text) and
/// `contains` (document → part).
public enum Relation: String, Codable, Sendable, CaseIterable, Comparable {
    /// A plain citation with no relation word.
    case cites
    /// "recalling its decision 2/6".
    case recalls
    /// "further to recommendation 19".
    case furtherTo
    /// "noting recommendation 17", "welcoming", "taking note of".
    case notes
    /// "pursuant to its decisions 1/2, …".
    case pursuantTo
    /// "in accordance with decision 2/6".
    case inAccordanceWith
    /// "endorses the recommendations".
    case endorses
    /// A draft adopted as a decision: CTOC/COP/2006/L.4 → decision 3/2.
    case adoptedAs
    /// "established pursuant to decision 4/4", "established by".
    case establishedBy
    /// "requests".
    case requests
    /// A revision to the document it revises: …/Rev.1 → base.
    case revises
    /// An addendum to its base document: …/Add.1 → base.
    case addsTo
    /// A corrigendum to its base document: …/Corr.1 → base.
    case corrects
    /// A decision or recommendation to the document that publishes it.
    case publishedIn
    /// A document or resolution to its part (an annex).
    case contains
    /// "see paragraph 111 below", "see chap. I, decision 3/3".
    case seeAlso

    public static func < (lhs: Relation, rhs: Relation) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The relation a reference's introducing words express.
    public static func from(relationWord word: String?, isInternal: Bool) -> Relation {
        switch word {
        case "further to": return .furtherTo
        case "recalling", "recalls", "reaffirming", "reaffirms": return .recalls
        case "noting", "notes", "taking note of", "takes note of", "welcoming", "welcomes", "in the light of": return .notes
        case "pursuant to": return .pursuantTo
        case "in accordance with": return .inAccordanceWith
        case "endorses", "endorsing", "approved": return .endorses
        case "established pursuant to", "established by": return .establishedBy
        case "requests": return .requests
        default: return isInternal ? .seeAlso : .cites
        }
    }

    /// Whether following this edge from source to target goes back in a lineage (to what
    /// came before). `adoptedAs` runs forward: from the draft to what it became.
    public var pointsBack: Bool { self != .adoptedAs && self != .contains }

    /// Relations that describe where something is printed rather than what it builds on;
    /// `trace` shows them as context, not as lineage.
    public var isContainment: Bool { self == .publishedIn || self == .contains }
}
