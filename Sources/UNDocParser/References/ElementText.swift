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
    var elementIDs: ElementIDIndex
}

/// The ids of a document's elements, gathered only when an internal pointer asks for one
/// (most documents have few; hashing every id of every document would cost more).
final class ElementIDIndex {
    private let document: Document
    private lazy var ids: Set<String> = DocumentParser.elementIDs(document)

    init(_ document: Document) {
        self.document = document
    }

    func contains(_ id: String) -> Bool { ids.contains(id) }
}
