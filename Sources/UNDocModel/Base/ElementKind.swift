/// The kinds of element a document is made of; every element has a stable id whose
/// prefix names its kind (see `ElementID`).
public enum ElementKind: String, Codable, Sendable, CaseIterable {
    case section
    case paragraph
    case clause
    case decision
    case recommendation
    case footnote
    case annex
    case documentListing
    case contentsEntry
    case text
    case metadata
}
