/// Builds the stable, readable ids that every element carries. They are derived from the
/// numbering printed in the document, so the same document always yields the same ids and
/// a reader can guess an id from a citation:
///
/// | element | id |
/// |---|---|
/// | chapter I, section III.A, unnumbered subsection | `sec-I`, `sec-III.A`, `sec-III.A.h2` |
/// | report paragraph 17, its item 1 (a) | `para-17`, `para-17.1.a` |
/// | decision 3/2, its clause (g) (ii) | `dec-3/2`, `dec-3/2.g.ii` |
/// | recommendation 6(c) | `rec-6(c)` |
/// | footnote 2, starred notes | `fn-2`, `fn-*`, `fn-**` |
/// | annex II, its agenda item 2 (b) | `annex-II`, `annex-II.2.b` |
/// | row 3 of the list of documents in annex I | `annex-I.doc-3` |
/// | unnumbered text block 4 | `text-4` |
public enum ElementID {
    public static func section(_ path: String) -> String { "sec-\(path)" }
    public static func paragraph(_ number: String) -> String { "para-\(number)" }
    /// "dec-3/2"; a draft numbered in its chapter is "dec-draft-resolution-II".
    public static func decision(_ number: String) -> String {
        // Most numbers have no space: no walk over their characters then.
        number.utf8.contains(0x20) ? "dec-" + String(number.map { $0 == " " ? "-" : $0 }) : "dec-" + number
    }
    public static func recommendation(_ id: String) -> String { "rec-\(id)" }
    public static func footnote(_ marker: String) -> String { "fn-\(marker)" }
    public static func annex(_ number: String) -> String { "annex-\(number)" }
    public static func child(of parent: String, label: String) -> String { "\(parent).\(label)" }
    public static func text(_ ordinal: Int) -> String { "text-\(ordinal)" }
    public static func reference(_ ordinal: Int) -> String { "ref-" + String(ordinal) }
}
