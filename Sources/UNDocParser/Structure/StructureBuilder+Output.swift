import UNDocModel

/// Turns the builder's blocks into the model, and gives the reference recogniser every
/// element's clean text.
extension StructureBuilder {
    struct Output {
        var document: Document
        var elements: [ElementText]
    }

    func output() -> Output {
        var document = Document(source: source.info)
        document.metadata = metadata
        document.contents = contents
        document.diagnostics = source.diagnostics
        var elements: [ElementText] = []
        var markerSites: [(FootnoteMarker, String)] = []

        var scratch: [UInt8] = []
        func cleanText(_ block: Block, decision: String?) -> String {
            let clean = TextCleaner.clean(block.segments, in: source, buffer: &scratch)
            let string = clean.string
            block.cleanString = string
            if !clean.markers.isEmpty { markerSites += clean.markers.map { ($0, block.id) } }
            elements.append(ElementText(id: block.id, clean: clean, decisionElement: decision, parentID: block.parent?.id))
            return string
        }
        func spanOf(_ block: Block) -> SourceSpan {
            spanOf(block, extent: Extent(block))
        }
        func spanOf(_ block: Block, extent: Extent) -> SourceSpan {
            let start = min(block.headStart ?? Int.max, extent.start)
            return start == Int.max ? source.span(0, 0) : source.span(start, extent.end)
        }
        // Clauses and paragraphs are built children first, so each block's extent is
        // gathered once on the way up (`Block.span` would walk every subtree again).
        func clause(_ block: Block, decision: String?, extent outer: inout Extent) -> Clause {
            let text = cleanText(block, decision: decision)
            var extent = Extent(segments: block.segments)
            let children = block.children.map { clause($0, decision: decision, extent: &extent) }
            outer.add(extent)
            return Clause(id: block.id, label: block.label, style: block.style, text: text, span: spanOf(block, extent: extent),
                          children: children)
        }
        func paragraph(_ block: Block, decision: String?, extent outer: inout Extent) -> Paragraph {
            let text = cleanText(block, decision: decision)
            var extent = Extent(segments: block.segments)
            let children = block.children.map { clause($0, decision: decision, extent: &extent) }
            outer.add(extent)
            return Paragraph(id: block.id, number: block.label, text: text, span: spanOf(block, extent: extent),
                             children: children, section: block.section)
        }
        // (`map` moves each result into the array; appending one in a loop copied it.)
        func paragraphList(_ blocks: [Block], decision: String?, lastExtent: inout Extent) -> [Paragraph] {
            blocks.map { block in
                lastExtent = Extent()
                return paragraph(block, decision: decision, extent: &lastExtent)
            }
        }
        func clauseList(_ host: Block, decision: String?, extent: inout Extent) -> [Clause] {
            host.children.map { clause($0, decision: decision, extent: &extent) }
        }

        var unused = Extent()
        document.paragraphs = paragraphList(paragraphs, decision: nil, lastExtent: &unused)
        for builder in decisions {
            var decision = builder.decision
            let element = decision.element
            if !builder.preamble.segments.isEmpty {
                decision.preamble = cleanText(builder.preamble, decision: element)
            }
            var clausesExtent = Extent(segments: builder.clauses.segments)
            decision.clauses = clauseList(builder.clauses, decision: element, extent: &clausesExtent)
            var lastParagraph = Extent()
            decision.paragraphs = paragraphList(builder.paragraphs, decision: element, lastExtent: &lastParagraph)
            // Ends of blocks without text count as 0, below the heading's start.
            let end = max(Extent(builder.preamble).end, clausesExtent.end, lastParagraph.end, builder.headingStart)
            decision.span = source.span(builder.headingStart, end)
            document.decisions.append(decision)
        }
        document.recommendations = recommendationBlocks().map { block in
            let own = block.cleanString.isEmpty && !block.segments.isEmpty ? cleanText(block, decision: nil) : block.cleanString
            return Recommendation(id: block.recommendationID ?? block.label, text: own, group: block.group,
                                  decision: block.decision, span: spanOf(block))
        }
        for builder in annexes {
            var annex = builder.annex
            annex.agenda = clauseList(builder.agenda, decision: nil, extent: &unused)
            annex.paragraphs = paragraphList(builder.paragraphs, decision: nil, lastExtent: &unused)
            document.annexes.append(annex)
        }
        document.texts = texts.map { TextBlock(id: $0.id, text: cleanText($0, decision: nil), span: spanOf($0), section: $0.section) }
        if let front = frontMatterBlock, !front.segments.isEmpty {
            _ = cleanText(front, decision: nil)
            elements.removeLast()  // the masthead is metadata: its markers count, its words are not scanned
        }
        var notes = footnotes.map { block -> Footnote in
            Footnote(id: block.id, marker: block.label, notation: block.notation,
                     text: cleanText(block, decision: nil), span: spanOf(block))
        }
        linkFootnotes(&notes, markerSites, &document.diagnostics)
        document.footnotes = notes
        document.metadata.agendaSymbol = agendaSymbol(notes)
        document.sections = chapters.map { $0.freeze() }
        document.diagnostics += diagnostics
        checkParagraphSequence(document, &document.diagnostics)
        return Output(document: document, elements: elements)
    }

    /// Blocks that are recommendations, in document order: group items (001), the numbered
    /// recommendations a decision carries (002) or a report's "Recommendations" heading holds,
    /// with their items.
    private func recommendationBlocks() -> [Block] {
        var out: [Block] = []
        func visit(_ block: Block) {
            if block.recommendationID != nil { out.append(block) }
            block.children.forEach(visit)
        }
        var roots: [Block] = []
        for builder in decisions { roots += builder.paragraphs }
        roots += numberedRecommendations
        roots.forEach(visit)
        let listed = Set(out.map(ObjectIdentifier.init))
        out += recommendationItems.filter { !listed.contains(ObjectIdentifier($0)) }
        return out.sorted { ($0.segments.first?.lowerBound ?? 0) < ($1.segments.first?.lowerBound ?? 0) }
    }

    /// The symbol of the agenda, from the starred note on "Item 6 of the provisional agenda*"
    /// ("* E/CN.15/2005/1.").
    private func agendaSymbol(_ notes: [Footnote]) -> String? {
        guard let line = metadata.evidence["agendaItem"] else { return nil }
        let recognizer = SymbolRecognizer(grammars: grammars)
        for note in notes where note.notation == .star
            && note.anchors.contains(where: { $0.span.start >= line.start && $0.span.end <= line.end }) {
            let text = note.text.trimmingCharacters(in: " .")
            if let group = recognizer.recognizeWhole(text), group.symbols.count == 1 {
                return group.symbols[0].normalized
            }
        }
        return nil
    }

    /// Links every marker to its note and every note to its markers; an orphan on either
    /// side is a diagnostic.
    private func linkFootnotes(_ notes: inout [Footnote], _ sites: [(FootnoteMarker, String)], _ diagnostics: inout [Diagnostic]) {
        var index = [String: Int](minimumCapacity: notes.count)
        for position in notes.indices where index[notes[position].marker] == nil { index[notes[position].marker] = position }
        let hasStarNotes = notes.contains { $0.notation == .star }
        for (marker, element) in sites {
            let span = source.span(marker.sourceStart, marker.sourceEnd)
            if let position = index[marker.marker] {
                notes[position].anchors.append(FootnoteAnchor(element: element, span: span))
            } else if marker.notation != .star || hasStarNotes {
                diagnostics.append(Diagnostic(.warning, code: "footnote.orphanMarker",
                                              message: "footnote marker \(marker.marker) has no footnote text",
                                              span: span, element: element))
            }
        }
        for note in notes where note.anchors.isEmpty {
            diagnostics.append(Diagnostic(.warning, code: "footnote.orphanBody",
                                          message: "footnote \(note.marker) is never referred to in the text",
                                          span: note.span, element: note.id))
        }
    }

    private func checkParagraphSequence(_ document: Document, _ diagnostics: inout [Diagnostic]) {
        guard !Self.idsIncrease(document.paragraphs) else { return }
        var seen: Set<String> = []
        for paragraph in document.paragraphs where !seen.insert(paragraph.id).inserted {
            diagnostics.append(Diagnostic(.warning, code: "paragraph.duplicate",
                                          message: "paragraph \(paragraph.number) appears twice",
                                          span: paragraph.span, element: paragraph.id))
        }
    }

    /// Whether the paragraphs' ids are ASCII and strictly increase by length, then bytes
    /// ("para-9" < "para-10" < "para-11"): then none appears twice, and hashing them all
    /// to find out can be skipped. (Only ASCII: there equal strings are equal bytes.)
    private static func idsIncrease(_ paragraphs: [Paragraph]) -> Bool {
        var previous: String?
        for index in paragraphs.indices {
            let id = paragraphs[index].id  // (not the whole paragraph: a copy retains its every field)
            guard id.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            if let previous {
                let (a, b) = (previous.utf8.count, id.utf8.count)
                guard a < b || a == b && previous < id else { return false }
            }
            previous = id
        }
        return true
    }
}
