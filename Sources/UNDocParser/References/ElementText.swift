import UNDocModel

/// An element's clean text, as the reference recogniser reads it.
struct ElementText {
    var id: String
    var clean: CleanText
    /// The decision the element belongs to ("dec-3/1"), for "paragraph (e) above".
    var decisionElement: String?
    /// The element's parent, for sibling clauses outside decisions.
    var parentID: String?
}

/// What the recogniser knows of the document around a reference.
struct ReferenceContext {
    var documentSymbol: String?
    var body: BodyDirectory.Body?
    var elementIDs: Set<String>
}
