/// A decision adopted by the body: "Decision 3/2", its title, the preamble that leads into
/// its clauses, the lettered clauses, and any numbered paragraphs it carries (decision 3/4
/// of the third Conference of the Parties carries the working group's recommendations 1-12).
public struct Decision: Codable, Sendable, Hashable {
    /// The decision number as cited: "3/2"; for a draft numbered in its chapter, its name
    /// as cited: "draft resolution II".
    public var id: String
    /// "draft decision" or "draft resolution" for a text printed for adoption by another
    /// body ("Draft resolution II", "Draft decision 3/1"); nil for a decision the document
    /// records as adopted.
    public var kind: String?
    /// The element id: "dec-3/2".
    public var element: String
    public var title: String?
    public var preamble: String?
    public var clauses: [Clause]
    public var paragraphs: [Paragraph]
    public var span: SourceSpan
    public var section: String?

    /// The decision as its heading prints it: "Decision 3/2", "Draft decision 3/1",
    /// "Draft resolution II".
    public var heading: String {
        guard let kind else { return "Decision \(id)" }
        let name = id.hasPrefix(kind) ? id : "\(kind) \(id)"
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    public init(id: String, title: String?, span: SourceSpan, section: String?) {
        self.id = id
        element = ElementID.decision(id)
        self.title = title
        preamble = nil
        clauses = []
        paragraphs = []
        self.span = span
        self.section = section
    }
}
