/// A reference found in the text: what it points to, the exact words that point, the
/// relation word that introduces it, and the element it sits in.
public struct Reference: Codable, Sendable, Hashable {
    public var id: String
    public var kind: ReferenceKind
    /// The exact source text of the reference.
    public var text: String
    public var span: SourceSpan
    public var target: ReferenceTarget
    /// The relation word that introduces it, normalised to lower case: "further to",
    /// "recalling", "pursuant to", "see", "adopted", … (Grammars/references.peg lists them).
    public var relation: String?
    public var relationSpan: SourceSpan?
    /// Id of the element the reference sits in.
    public var from: String
    public var status: ReferenceStatus
    /// Why a reference is unresolved.
    public var note: String?

    public init(
        id: String, kind: ReferenceKind, text: String, span: SourceSpan, target: ReferenceTarget,
        from: String, status: ReferenceStatus
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.span = span
        self.target = target
        self.from = from
        self.status = status
    }
}

/// What a reference points at.
public enum ReferenceKind: String, Codable, Sendable, CaseIterable {
    /// A document symbol: "CTOC/COP/2006/L.4".
    case symbol
    /// "decision 3/2", "Council framework decision 2004/68/JHA".
    case decision
    /// "General Assembly resolution 55/25, annex II".
    case resolution
    /// "recommendation 17 of the previous report".
    case recommendation
    /// "paragraph 111 below", "para. 64 above".
    case paragraph
    /// "paragraph (e) above" inside a decision.
    case clause
    /// "chap. I".
    case chapter
    /// "annex II to the present report".
    case annex
    /// "article 32, paragraphs 3-5, of the Convention".
    case article
    /// "United Nations, Treaty Series, vol. 1582, No. 27627".
    case treaty
}

/// Whether a reference's target is known.
public enum ReferenceStatus: String, Codable, Sendable {
    /// Points at an element of this document (`target.element`).
    case resolved
    /// Points outside this document; the cross-referencer resolves it across a corpus.
    case external
    /// Should point inside this document but nothing matches; `note` says why.
    case unresolved
}
