import UNDocModel

/// The masthead and title block: everything before the contents or the first numbered
/// line becomes metadata, each value with its span.
extension StructureBuilder {
    /// Principal organs, printed alone on a masthead line.
    static let organs: Set<String> = [
        "General Assembly", "Security Council", "Economic and Social Council", "Trusteeship Council",
        "International Court of Justice", "Secretariat",
    ]

    /// How the names of subsidiary bodies begin, for masthead lines not in bodies.tsv.
    static let bodyOpenings = [
        "Conference of the", "Working Group", "Commission on", "Committee", "Ad Hoc Committee", "Open-ended",
        "Subsidiary Body", "Meeting of", "Executive Board", "Human Rights Council", "Preparatory Committee",
        "Group of Experts", "Special Committee", "Board of", "Council of", "Intergovernmental",
    ]

    func frontMatter(_ line: Line) {
        let lineSpan = span(line)
        if frontMatterBlock == nil {
            frontMatterBlock = Block(kind: .text, id: "metadata", label: "", section: nil)
        }
        switch line.kind {
        case .distribution(let value):
            record(\.distribution, value, "distribution", lineSpan)
        case .originalLanguage(let value):
            record(\.originalLanguage, value, "originalLanguage", lineSpan)
        case .date(let iso):
            if metadata.issueDate == nil, !iso.isEmpty {
                record(\.issueDate, iso, "issueDate", lineSpan)
                record(\.issueDateText, plainText(line), "issueDateText", lineSpan)
            }
        case .placeAndDates(let place, let dates, let start, let end):
            record(\.place, place, "place", lineSpan)
            record(\.dates, dates, "dates", lineSpan)
            if let start { record(\.startDate, start, "startDate", lineSpan) }
            if let end { record(\.endDate, end, "endDate", lineSpan) }
        case .session:
            record(\.session, plainText(line), "session", lineSpan)
        case .agenda(let number, let title, let provisional):
            metadata.agendaItem = AgendaItemRef(number: number, title: title, provisional: provisional)
            metadata.evidence["agendaItem"] = lineSpan
            agendaTitlePending = title == nil
            frontMatterBlock?.segments.append(line.contentStart..<line.contentEnd)
        case .unitedNations, .jobNumber, .blank, .rule:
            break
        case .contentsHeading:
            mode = .contents
        case .footnoteBody(let marker, let notation, let textStart):
            // Starred notes on the masthead ("Item 6 of the provisional agenda*").
            footnoteBody(line, marker: marker, notation: notation, textStart: textStart)
        case .numbered, .roman, .letter, .decisionHeading, .annexHeading, .notesHeading, .labelled:
            let heading = takeSectionHeadingFromTitle()
            finishFrontMatter()
            mode = .body
            if let heading { subheading(heading.line, title: heading.text) }
            bodyLine(line)
        case .contentsRow, .plain:
            frontPlain(line)
        }
    }

    private func frontPlain(_ line: Line) {
        let value = plainText(line).trimmingCharacters(in: " ")
        let lineSpan = span(line)
        guard !value.isEmpty else { return }
        // The text begins with a draft's preamble, or with the corrections after a
        // corrigendum's last title line "Corrigendum" ("Paragraph 20, line 3").
        if opensPreamble(value) || frontTitle.last?.text.lowercased() == "corrigendum" {
            finishFrontMatter()
            mode = .body
            bodyLine(line)
            return
        }
        frontMatterBlock?.segments.append(line.contentStart..<line.contentEnd)
        if agendaTitlePending, var item = metadata.agendaItem {
            item.title = value
            metadata.agendaItem = item
            metadata.evidence["agendaItem"] = metadata.evidence["agendaItem"].map { $0.union(lineSpan) } ?? lineSpan
            agendaTitlePending = false
            return
        }
        // The document's own symbol, alone on a masthead line before the title
        // ("CTOC/COP/2006/L.1"); a text export prints it where a PDF prints it top right.
        // (The byte is looked for: a substring or Character search costs more than the line;
        // the symbol grammar decides.)
        if mastheadSymbol == nil, frontTitle.isEmpty, metadata.title == nil, value.utf8.contains(0x2F),
           let group = SymbolRecognizer(grammars: grammars).recognizeWhole(value), group.symbols.count == 1 {
            mastheadSymbol = group.symbols[0].normalized
            metadata.evidence["symbol"] = lineSpan
            return
        }
        // "Rapporteur: …" under a draft report's title names a person, not the document.
        if !frontTitle.isEmpty, value.hasPrefix("Rapporteur:") { return }
        if metadata.organ == nil, Self.organs.contains(value) {
            record(\.organ, value, "organ", lineSpan)
            return
        }
        if metadata.body == nil, metadata.title == nil, frontTitle.isEmpty,
           grammars.bodies.lookup(value) != nil || Self.bodyOpenings.contains(where: { value.hasPrefix($0) }) {
            record(\.body, value, "body", lineSpan)
            return
        }
        frontTitle.append((value, line))
    }

    /// Headings that open a report's text and are never part of its title.
    static let openingHeadings: Set<String> = ["Introduction"]

    /// An unnumbered "Introduction" between the title and the first paragraph heads the
    /// first section: takes it off the title lines (and the masthead's text).
    private func takeSectionHeadingFromTitle() -> (text: String, line: Line)? {
        guard let last = frontTitle.last, Self.openingHeadings.contains(last.text) else { return nil }
        frontTitle.removeLast()
        if frontMatterBlock?.segments.last == last.line.contentStart..<last.line.contentEnd {
            frontMatterBlock?.segments.removeLast()
        }
        return last
    }

    /// "The Conference of the Parties …," or "The Commission … recommends … the following
    /// draft resolution:": a sentence that leads into the text, or that names the masthead's
    /// body or organ (a page break may cut it). A draft decision issued on its own prints no
    /// "Decision" heading, so its preamble is what ends the masthead's title lines (which
    /// never end in a comma or colon).
    private func opensPreamble(_ value: String) -> Bool {
        guard value.hasPrefix("The ") else { return false }
        if value.hasSuffix(",") || value.hasSuffix(":") { return true }
        let rest = value.dropFirst(4)
        for name in [metadata.body, metadata.organ].compactMap({ $0 }) where rest.hasPrefix(name + " ") || rest.hasPrefix(name + ",") {
            return true
        }
        return false
    }

    func record(_ field: WritableKeyPath<Metadata, String?>, _ value: String, _ key: String, _ span: SourceSpan) {
        guard metadata[keyPath: field] == nil else { return }
        metadata[keyPath: field] = value
        metadata.evidence[key] = span
    }

    func finishFrontMatter() {
        if metadata.title == nil, let first = frontTitle.first, let last = frontTitle.last {
            metadata.title = frontTitle.map(\.text).joined(separator: ": ")
            metadata.evidence["title"] = span(first.line).union(span(last.line))
        }
        if let body = metadata.body, let known = grammars.bodies.lookup(body) {
            metadata.bodyPrefix = known.documentPrefix
        }
    }

    func contentsLine(_ line: Line) {
        switch line.kind {
        case .contentsRow(let label, let title, let paragraphs, let page):
            contents.append(ContentsEntry(label: label, title: title, paragraphs: paragraphs, page: page, span: span(line)))
        case .annexHeading(nil, nil):
            contents.append(ContentsEntry(label: nil, title: plainText(line), paragraphs: nil, page: nil, span: span(line)))
        case .plain where lineContainsTab(line):
            break  // a header row: "Chapter  Paragraphs  Page"
        case .footnoteBody(let marker, let notation, let textStart):
            footnoteBody(line, marker: marker, notation: notation, textStart: textStart)
        default:
            finishFrontMatter()
            mode = .body
            bodyLine(line)
        }
    }

    func lineContainsTab(_ line: Line) -> Bool {
        bytes[line.contentStart..<line.contentEnd].contains(0x09)
    }
}
