import UNDocModel

/// A node of the decision graph: a document, a decision, a resolution, a recommendation,
/// a part of a document, an element of a document, an article or a treaty.
///
/// Ids are stable and readable (see `NodeID`): `doc:CTOC/COP/2006/14`,
/// `decision:CTOC/COP:3/2`, `recommendation:CTOC/COP/WG.4/2009/2:19`,
/// `doc:A/RES/55/25#annex-II`, `doc:CTOC/COP/2006/14#para-111`.
public struct GraphNode: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case document
        case resolution
        case decision
        case recommendation
        /// A part of a document: "annex II" of a resolution.
        case part
        /// A paragraph, clause or annex of a parsed document, target of an internal pointer.
        case element
        case article
        case treaty
    }

    public var id: String
    public var kind: Kind
    public var label: String
    /// The node of the document it is published in or is part of, when known.
    public var document: String?
    /// True for what lies outside the parsed corpus: known only from citations.
    public var external: Bool
    /// Set when the target could not be identified; `note` says what is missing.
    public var unresolved: Bool?
    public var note: String?
    public var symbol: String?
    /// ISO date: issue date of a document, date of a resolution.
    public var date: String?
    /// The file a parsed document came from.
    public var file: String?
    /// The library catalogue's record of a document or resolution, when `--catalog` holds its symbol.
    public var catalog: NodeCatalog?

    public init(id: String, kind: Kind, label: String, document: String? = nil, external: Bool) {
        self.id = id
        self.kind = kind
        self.label = label
        self.document = document
        self.external = external
    }
}
