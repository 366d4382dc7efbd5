import Foundation
import UNDocModel

/// Walks word/document.xml and writes the normalised text that the structural parser
/// reads, as the HTML reader does for pages: one paragraph a line (blank lines between),
/// `#` marks for headings, `**…**` around paragraphs set wholly in bold, list labels that
/// Word computes ("12.", "(a)", "(iv)") written before the text as they print, table rows
/// with tabs between the cells, footnote and endnote markers as `<sup>N</sup>` (a custom
/// mark such as `*` as itself), and after the body a `---` rule and each note on its own
/// line in the same notation.
///
/// Deleted text (`w:del`, `w:moveFrom`), field codes (`w:instrText`), hidden text
/// (`w:vanish`), drawings and text boxes are not text; inserted text (`w:ins`) is.
struct DOCXTextBuilder {
    enum NoteKind {
        case footnote
        case endnote

        var name: String { self == .footnote ? "footnote" : "endnote" }
    }

    private struct NoteKey: Hashable {
        var kind: NoteKind
        var id: String
    }

    /// A note in the order its marker first appears, with the marker as printed.
    private struct NoteReference {
        var key: NoteKey
        var marker: String
        /// `w:customMarkFollows`: the marker is the text after the reference ("*"), and the
        /// note's body starts with it too.
        var custom: Bool
    }

    /// A paragraph rendered to lines (a manual line break starts a new one).
    private struct RenderedParagraph {
        var lines: [TextLine]
        var heading: Int?
        var label: ListCounter.Label?

        var isEmpty: Bool { lines.allSatisfy { $0.trimmed.isEmpty } }
    }

    /// What is being assembled inside one paragraph.
    private struct ParagraphState {
        var lines = [TextLine()]
        var paragraphStyle: String?
        var inTable: Bool
        /// Text of superscript runs not yet written: digits become a `<sup>` marker.
        var superscript: [UInt8] = []
        /// A reference with a custom mark, waiting for the mark's text in its run.
        var customReference: NoteKey?
        var customMark = ""

        init(inTable: Bool, paragraphStyle: String?) {
            self.inTable = inTable
            self.paragraphStyle = paragraphStyle
            lines[0].tabsAreSpaces = inTable
        }

        mutating func newLine() {
            var line = TextLine()
            line.tabsAreSpaces = inTable
            lines.append(line)
        }
    }

    private let styles: WordStyles
    private let numbering: WordNumbering
    private var lists: ListCounter
    private let notes: [NoteKind: [String: XMLElement]]
    /// Footnotes and endnotes take their numbers from one sequence when a document has
    /// both, so that each `<sup>N</sup>` names one note.
    private let sharedNoteSequence: Bool
    private var output: [UInt8] = []
    private var references: [NoteReference] = []
    private var numbers: [NoteKey: String] = [:]
    private var counts: [NoteKind: Int] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private var runStyleBold: [String: Bool?] = [:]
    private var paragraphStyleBold: [String: Bool] = [:]
    /// What each paragraph style says, looked up once per style (every paragraph asks).
    private var styleHeadings: [String: Int?] = [:]
    private var styleNumbering: [String: (reference: NumberingReference, style: String)?] = [:]

    /// `footnotes` and `endnotes` map a note's `w:id` to its `w:footnote` / `w:endnote`
    /// element (separators left out).
    init(styles: WordStyles, numbering: WordNumbering, footnotes: [String: XMLElement], endnotes: [String: XMLElement]) {
        self.styles = styles
        self.numbering = numbering
        lists = ListCounter(numbering: numbering, styles: styles)
        notes = [.footnote: footnotes, .endnote: endnotes]
        sharedNoteSequence = !footnotes.isEmpty && !endnotes.isEmpty
    }

    /// The normalised text of the document whose root is `w:document`.
    mutating func build(document: XMLElement) -> [UInt8] {
        if let body = document.child("body") { blocks(body) }
        writeNotes()
        for list in lists.undefinedLists.sorted() {
            diagnostics.append(Diagnostic(.warning, code: "docx.numbering",
                                          message: "paragraphs name list \(list), which word/numbering.xml does not define; they are printed without numbers"))
        }
        if sharedNoteSequence {
            diagnostics.append(Diagnostic(.info, code: "docx.notes",
                                          message: "the document has footnotes and endnotes; they are numbered in one sequence so that each marker names one note"))
        }
        return output
    }

    // MARK: - Blocks

    /// Paragraphs and tables at block level, and the containers that hold them.
    private mutating func blocks(_ container: XMLElement) {
        for element in container.children {
            switch element.name {
            case "p":
                let paragraph = render(element, inTable: false)
                for line in composed(paragraph, wrapBold: true) { write(line) }
            case "tbl":
                table(element)
            case "sdt":
                if let content = element.child("sdtContent") { blocks(content) }
            case "customXml", "ins", "moveTo", "smartTag":
                blocks(element)
            case "altChunk":
                diagnostics.append(Diagnostic(.warning, code: "docx.altChunk",
                                              message: "the document imports content from another file (w:altChunk), which is not read"))
            default:
                break  // sectPr, bookmarks, deleted blocks (w:del, w:moveFrom), …
            }
        }
    }

    /// A table: a row per line with tabs between the cells (contents, lists of documents).
    /// A row whose cells hold several paragraphs is laid out, not tabulated (the masthead
    /// of a UN document is such a table): its paragraphs are written one a line.
    private mutating func table(_ table: XMLElement) {
        for row in Self.elements(named: "tr", in: table) {
            if row.child("trPr")?.child("del") != nil { continue }  // a row deleted with tracked changes
            var cells: [[RenderedParagraph]] = []
            for cell in Self.elements(named: "tc", in: row) {
                cells.append(cellParagraphs(cell))
            }
            let tabulated = cells.allSatisfy { cell in
                cell.filter { !$0.isEmpty }.count <= 1 && cell.allSatisfy { $0.lines.count(where: { !$0.trimmed.isEmpty }) <= 1 }
            }
            if tabulated {
                var row: [UInt8] = []
                for (index, cell) in cells.enumerated() {
                    if index > 0 { row.append(0x09) }
                    if let paragraph = cell.first(where: { !$0.isEmpty }) {
                        row += composed(paragraph, wrapBold: false).joined(separator: [0x20])
                    }
                }
                while row.last == 0x09 || row.last == 0x20 { row.removeLast() }
                if row.contains(where: { $0 != 0x09 && $0 != 0x20 }) { write(row[...]) }
            } else {
                for paragraph in cells.joined() {
                    for line in composed(paragraph, wrapBold: true) { write(line) }
                }
            }
        }
    }

    /// The paragraphs of a cell, nested tables flattened into them.
    private mutating func cellParagraphs(_ cell: XMLElement) -> [RenderedParagraph] {
        var paragraphs: [RenderedParagraph] = []
        for element in cell.children {
            switch element.name {
            case "p":
                paragraphs.append(render(element, inTable: true))
            case "tbl":
                for row in Self.elements(named: "tr", in: element) {
                    for nested in Self.elements(named: "tc", in: row) {
                        paragraphs += cellParagraphs(nested)
                    }
                }
            case "sdt":
                if let content = element.child("sdtContent") { paragraphs += cellParagraphs(content) }
            case "customXml":
                paragraphs += cellParagraphs(element)
            default:
                break
            }
        }
        return paragraphs
    }

    /// Elements named `name` among the children of `parent`, looking through the
    /// containers Word wraps rows and cells in (content controls, custom XML).
    private static func elements(named name: String, in parent: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = []
        for element in parent.children {
            if element.name == name {
                found.append(element)
            } else if element.name == "sdt", let content = element.child("sdtContent") {
                found += elements(named: name, in: content)
            } else if element.name == "customXml" {
                found += elements(named: name, in: element)
            }
        }
        return found
    }

    // MARK: - Paragraphs

    private mutating func render(_ paragraph: XMLElement, inTable: Bool) -> RenderedParagraph {
        let properties = paragraph.child("pPr")
        let style = properties?.child("pStyle")?.attribute("val") ?? styles.defaultParagraphStyle
        var heading = headingLevel(style)
        if let outline = properties?.child("outlineLvl")?.integer("val") {
            heading = (0...8).contains(outline) ? outline + 1 : nil
        }
        let label = listLabel(properties, style: style)
        var state = ParagraphState(inTable: inTable, paragraphStyle: style)
        inline(paragraph, state: &state)
        flushSuperscript(&state)
        return RenderedParagraph(lines: state.lines, heading: heading, label: label)
    }

    /// The label Word prints before a numbered paragraph: its own `w:numPr`, or its style's.
    private mutating func listLabel(_ properties: XMLElement?, style: String?) -> ListCounter.Label? {
        let direct = properties?.child("numPr").flatMap(NumberingReference.init)
        if direct?.numberingID == 0 { return nil }  // numbering taken off
        let inherited = styleNumbering(style)
        let list = direct.flatMap { $0.numberingID > 0 ? $0.numberingID : nil } ?? inherited?.reference.numberingID
        guard let list, list > 0 else { return nil }
        var level = direct?.level ?? inherited?.reference.level
        // A style that numbers itself without naming a level: the level linked to the
        // paragraph's style (`w:lvl/w:pStyle`), or to the style it inherits the list from.
        if level == nil, let inherited, let definition = numbering.definitionID(for: list, styles: styles) {
            level = style.flatMap { numbering.level(linkedTo: $0, definition: definition) }
                ?? numbering.level(linkedTo: inherited.style, definition: definition)
        }
        return lists.next(numberingID: list, level: level ?? 0)
    }

    /// The inline content of a paragraph (runs and what wraps them).
    private mutating func inline(_ container: XMLElement, state: inout ParagraphState) {
        for element in container.children {
            switch element.name {
            case "r":
                run(element, state: &state)
            case "hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo", "oMath", "oMathPara":
                inline(element, state: &state)
            case "sdt":
                if let content = element.child("sdtContent") { inline(content, state: &state) }
            case "ruby":
                if let base = element.child("rubyBase") { inline(base, state: &state) }
            default:
                break  // pPr, w:del, w:moveFrom, bookmarks, comments, mc:AlternateContent (drawings), …
            }
        }
    }

    private mutating func run(_ run: XMLElement, state: inout ParagraphState) {
        let properties = run.child("rPr")
        let runStyle = properties?.child("rStyle")?.attribute("val")
        if properties?.toggle("vanish") ?? (runStyle.map { styles.hidden($0) } ?? false) { return }
        let bold = properties?.toggle("b") ?? runBold(runStyle) ?? paragraphBold(state.paragraphStyle)
        let superscript = properties?.child("vertAlign")?.attribute("val") == "superscript"
        if !superscript { flushSuperscript(&state) }
        for element in run.children {
            switch element.name {
            case "t":
                if state.customReference != nil {
                    state.customMark += element.text
                } else if superscript {
                    element.forEachText { state.superscript.append(contentsOf: $0) }
                } else {
                    element.forEachText { state.lines[state.lines.count - 1].append($0, bold: bold) }
                }
            case "tab", "ptab":
                flushSuperscript(&state)
                state.lines[state.lines.count - 1].tab()
            case "br", "cr":
                flushSuperscript(&state)
                state.newLine()
            case "noBreakHyphen":
                state.lines[state.lines.count - 1].append("-", bold: bold)
            case "sym":
                // Characters of symbol fonts sit in the private use area (F000–F0FF): not text.
                if let code = element.attribute("char").flatMap({ UInt32($0, radix: 16) }),
                   !(0xE000...0xF8FF).contains(code), let scalar = Unicode.Scalar(code) {
                    state.lines[state.lines.count - 1].append(String(Character(scalar)), bold: bold)
                }
            case "footnoteReference", "endnoteReference":
                flushSuperscript(&state)
                finishCustomMark(&state)
                guard let id = element.attribute("id") else { continue }
                let key = NoteKey(kind: element.name == "footnoteReference" ? .footnote : .endnote, id: id)
                if let custom = element.attribute("customMarkFollows"), ["1", "true", "on"].contains(custom.lowercased()) {
                    state.customReference = key
                } else {
                    state.lines[state.lines.count - 1].appendMarkup("<sup>\(number(for: key))</sup>")
                }
            default:
                break  // rPr, w:delText, w:instrText, w:fldChar, w:footnoteRef, drawings, …
            }
        }
        finishCustomMark(&state)
    }

    /// The number of a note with an automatic mark, given at its first reference.
    private mutating func number(for key: NoteKey) -> String {
        if let number = numbers[key] { return number }
        let sequence = sharedNoteSequence ? .footnote : key.kind
        let next = (counts[sequence] ?? 0) + 1
        counts[sequence] = next
        numbers[key] = String(next)
        references.append(NoteReference(key: key, marker: String(next), custom: false))
        return String(next)
    }

    /// Writes a custom mark once its text has been read: stars as they are (the notation
    /// of notes on a masthead), digits as a `<sup>` marker.
    private mutating func finishCustomMark(_ state: inout ParagraphState) {
        guard let key = state.customReference else { return }
        state.customReference = nil
        let mark = state.customMark.trimmingCharacters(in: .whitespaces)
        state.customMark = ""
        guard !mark.isEmpty else {
            diagnostics.append(Diagnostic(.warning, code: "docx.notes",
                                          message: "\(key.kind.name) \(key.id) has a custom mark with no text; it is left out"))
            return
        }
        if numbers[key] == nil {
            numbers[key] = mark
            references.append(NoteReference(key: key, marker: mark, custom: true))
        }
        if mark.allSatisfy(\.isNumber) {
            state.lines[state.lines.count - 1].appendMarkup("<sup>\(mark)</sup>")
        } else {
            state.lines[state.lines.count - 1].append(mark, bold: false)
        }
    }

    /// Superscript digits typed as text (a note marker without a note reference) become
    /// a `<sup>` marker, as in the HTML reader; other superscript text stays text.
    private func flushSuperscript(_ state: inout ParagraphState) {
        guard !state.superscript.isEmpty else { return }
        let text = state.superscript
        state.superscript.removeAll()
        let digits = text.filter { $0 != 0x20 }
        if !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            state.lines[state.lines.count - 1].appendMarkup("<sup>\(String(decoding: digits, as: UTF8.self))</sup>")
        } else {
            text.withUnsafeBufferPointer { state.lines[state.lines.count - 1].append($0, bold: false) }
        }
    }

    private mutating func headingLevel(_ style: String?) -> Int? {
        guard let style else { return nil }
        if let cached = styleHeadings[style] { return cached }
        let level = styles.headingLevel(style)
        styleHeadings[style] = level
        return level
    }

    private mutating func styleNumbering(_ style: String?) -> (reference: NumberingReference, style: String)? {
        guard let style else { return nil }
        if let cached = styleNumbering[style] { return cached }
        let numbering = styles.numbering(style)
        styleNumbering[style] = numbering
        return numbering
    }

    private mutating func runBold(_ style: String?) -> Bool? {
        guard let style else { return nil }
        if let cached = runStyleBold[style] { return cached }
        let bold = styles.bold(style)
        runStyleBold[style] = bold
        return bold
    }

    private mutating func paragraphBold(_ style: String?) -> Bool {
        let key = style ?? ""
        if let cached = paragraphStyleBold[key] { return cached }
        let bold = styles.paragraphBold(style)
        paragraphStyleBold[key] = bold
        return bold
    }

    // MARK: - Output

    /// The lines of a paragraph as the normalised text writes them. A heading is one line
    /// (a manual break in it is layout); other paragraphs keep their manual breaks.
    private func composed(_ paragraph: RenderedParagraph, wrapBold: Bool) -> [ArraySlice<UInt8>] {
        var label: [UInt8] = []
        switch paragraph.label {
        case .text(let text)?: label = Array(text.utf8) + [0x20]
        case .bullet?: label = Array("- ".utf8)
        case nil: break
        }
        if let level = paragraph.heading {
            let text = Array(paragraph.lines.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: [0x20]))
            guard !text.isEmpty else { return [] }
            return [(Array(repeating: 0x23, count: min(level, 6)) + [0x20] + label + text)[...]]
        }
        var lines: [ArraySlice<UInt8>] = []
        for line in paragraph.lines {
            let text = line.trimmed
            if text.isEmpty { continue }
            let first = lines.isEmpty ? label : []
            if wrapBold, line.isBold, !Self.contains(text, "**") {
                if paragraph.label == .bullet {
                    lines.append((first + Array("**".utf8) + text + Array("**".utf8))[...])
                } else {
                    lines.append((Array("**".utf8) + first + text + Array("**".utf8))[...])
                }
            } else {
                lines.append((first + text)[...])
            }
        }
        return lines
    }

    private mutating func write(_ line: ArraySlice<UInt8>) {
        output.append(contentsOf: line)
        output.append(contentsOf: [0x0A, 0x0A])
    }

    /// The notes after the body, under a rule, in the order their markers appear.
    private mutating func writeNotes() {
        var bodies: [(marker: String, custom: Bool, text: [UInt8])] = []
        for reference in references {
            guard let note = notes[reference.key.kind]?[reference.key.id] else {
                diagnostics.append(Diagnostic(.warning, code: "docx.notes",
                                              message: "\(reference.key.kind.name) \(reference.key.id) is referenced but word/\(reference.key.kind.name)s.xml does not hold it"))
                continue
            }
            var text: [UInt8] = []
            for paragraph in cellParagraphs(note) {
                for line in composed(paragraph, wrapBold: false) {
                    if !text.isEmpty { text.append(0x20) }
                    text += line
                }
            }
            // A note with a custom mark repeats the mark at the start of its text.
            if reference.custom, text.starts(with: reference.marker.utf8) {
                text.removeFirst(reference.marker.utf8.count)
                while text.first == 0x20 { text.removeFirst() }
            }
            bodies.append((reference.marker, reference.custom, text))
        }
        guard !bodies.isEmpty else { return }
        write(Array("---".utf8)[...])
        for body in bodies {
            let marker = body.custom && !body.marker.allSatisfy(\.isNumber) ? body.marker : "<sup>\(body.marker)</sup>"
            write((Array(marker.utf8) + [0x20] + body.text)[...])
        }
    }

    private static func contains(_ bytes: ArraySlice<UInt8>, _ pattern: String) -> Bool {
        let pattern = Array(pattern.utf8)
        guard bytes.count >= pattern.count else { return false }
        var index = bytes.startIndex
        while index + pattern.count <= bytes.endIndex {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
