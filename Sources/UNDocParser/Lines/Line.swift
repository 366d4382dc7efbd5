/// One logical line of a document: a physical line, or one of the headings that a
/// converter fused onto a single line ("**VI. Review …****Consultations …**").
struct Line {
    /// 0-based physical line number.
    var number: Int
    /// Source range of the whole line, white space trimmed.
    var start: Int
    var end: Int
    /// Source range of the content, after indentation, bullet, heading marks and bold.
    var contentStart: Int
    var contentEnd: Int
    var indent: Int
    var bulleted: Bool
    /// Number of markdown heading marks ("###" is 3).
    var headingMarks: Int
    /// Wrapped in `**…**` or `<b>…</b>`.
    var bold: Bool
    var kind: LineKind = .blank

    var isBlank: Bool { if case .blank = kind { true } else { false } }
    /// Presented as a heading by whatever made the text (markdown marks or bold).
    var isDecorated: Bool { headingMarks > 0 || bold }
}

/// What a line is, as the structure grammar reads it. Offsets are source offsets.
enum LineKind {
    case blank
    /// "---": a page break or the rule above page-bottom footnotes.
    case rule
    case distribution(String)
    case originalLanguage(String)
    /// "V.06-58123 (E)" gives its number; the barcode line "*0658123*" gives none.
    case jobNumber(String?)
    case unitedNations
    case date(iso: String)
    // Rare, wide cases are boxed, so that every line of a long document stays small.
    indirect case placeAndDates(place: String, dates: String, start: String?, end: String?)
    case session(String)
    indirect case agenda(number: String, title: String?, provisional: Bool)
    case contentsHeading
    case notesHeading
    /// `draft`: "decision" or "resolution" for a draft printed for adoption.
    indirect case decisionHeading(number: String, title: String?, draft: String?)
    indirect case annexHeading(number: String?, title: String?)
    case footnoteBody(marker: String, notation: NotationKind, textStart: Int)
    indirect case contentsRow(label: String?, title: String, paragraphs: String?, page: String?)
    case roman(number: String, textStart: Int)
    case letter(number: String, textStart: Int)
    case numbered(number: String, textStart: Int)
    case labelled(label: String, textStart: Int)
    case plain

    enum NotationKind { case html, unicode, star }
}
