import UNDocModel

/// The body: headings, decisions, numbered paragraphs, lists, footnotes and annexes.
extension StructureBuilder {
    func bodyLine(_ line: Line) {
        switch line.kind {
        case .footnoteBody(let marker, let notation, let textStart):
            if notation == .star, mode != .front, mode != .contents, !followsRuleOrNote(line) {
                plainLine(line)
            } else {
                footnoteBody(line, marker: marker, notation: notation, textStart: textStart)
            }
        case .notesHeading:
            closeDecision()
            mode = .notes
            let node = SectionNode(Section(id: ElementID.section("notes"), kind: .notes, number: nil,
                                           heading: plainText(line), span: span(line)))
            chapters.append(node)
            chapter = node
            section = nil
            subsection = nil
            current = nil
        case .decisionHeading(let number, let title, let draft):
            openDecision(line, number: number, title: title, draft: draft)
        case .annexHeading(let number, let title):
            openAnnex(line, number: number, title: title)
        case .roman(let number, let textStart), .letter(let number, let textStart):
            numberedHeading(line, number: number, textStart: textStart)
        case .numbered(let number, let textStart):
            numberedLine(line, number: Int(number) ?? 0, text: number, textStart: textStart)
        case .labelled(let label, let textStart):
            labelledLine(line, label: label, textStart: textStart)
        default:
            plainLine(line)
        }
    }

    private func followsRuleOrNote(_ line: Line) -> Bool {
        switch previousKind {
        case .rule, .footnoteBody: true
        default: false
        }
    }

    // MARK: - Footnotes

    func footnoteBody(_ line: Line, marker: String, notation: LineKind.NotationKind, textStart: Int) {
        var id = ElementID.footnote(marker)
        let seen = footnoteCounts[marker, default: 0]
        footnoteCounts[marker] = seen + 1
        if seen > 0 {
            diagnose(.warning, "footnote.duplicateBody", "a second body for footnote \(marker)", line: line)
            id += "~\(seen + 1)"
        }
        let block = Block(kind: .footnote, id: id, label: marker, section: currentSectionID)
        block.notation = notation == .html ? .htmlSuperscript : notation == .unicode ? .unicodeSuperscript : .star
        block.segments.append(textStart..<line.contentEnd)
        block.headStart = line.contentStart
        footnotes.append(block)
        // In an end-notes list a following line continues the note; at the foot of a page
        // it continues the body text the page break interrupted.
        if mode == .notes { current = block }
    }

    // MARK: - Headings

    /// "Decision 3/2", "Draft decision 3/1", or a draft numbered in its chapter, "Draft
    /// resolution II" (id "draft resolution II": "draft decision I" may sit beside it).
    func openDecision(_ line: Line, number: String, title: String?, draft: String? = nil) {
        closeDecision()
        recommendationHost = nil
        let kind = draft.map { "draft \($0)" }
        let id = kind.map { number.contains("/") ? number : number.isEmpty ? $0 : "\($0) \(number)" } ?? number
        let builder = DecisionBuilder(number: id, title: title, headingStart: line.start, section: currentSectionID)
        builder.decision.kind = kind
        if !decisionNumbers.insert(id).inserted {
            diagnose(.warning, "decision.duplicate", "\(kind ?? "decision") \(number) appears twice", line: line)
        }
        decisions.append(builder)
        decision = builder
        addToContent(builder.decision.element)
        awaitingTitle = title == nil
        current = nil
    }

    func closeDecision() {
        decision = nil
        awaitingTitle = false
    }

    func openAnnex(_ line: Line, number: String?, title: String?) {
        closeDecision()
        recommendationHost = nil
        mode = .annex
        let builder = AnnexBuilder(number: number, title: title, span: span(line))
        if annexes.contains(where: { $0.annex.id == builder.annex.id }) {
            diagnose(.warning, "annex.duplicate", "annex \(number ?? "") appears twice", line: line)
        }
        annexes.append(builder)
        annex = builder
        awaitingTitle = title == nil
        current = nil
    }

    /// "IV. Review…" or "C. Adoption…": a chapter, a section, or a recommendation group
    /// inside a decision (roman, or lettered "A. Recommendations on…"), whichever continues
    /// its sequence.
    func numberedHeading(_ line: Line, number: String, textStart: Int) {
        let title = plainText(line, from: textStart)
        if mode == .annex || mode == .notes {
            plainLine(line)
            return
        }
        let romanValue = Numbering.romanValue(number)
        let letterValue = number.count == 1 ? Numbering.letterValue(number) : nil
        let chapterFits = romanValue == lastChapterValue + 1
        let sectionFits = letterValue == lastSectionValue + 1
        if let decision, decision.inRecommendations, let romanValue, romanValue == decision.lastGroupValue + 1,
           !(chapterFits && contentsConfirms(number, title)) {
            decision.group = RecommendationGroup(number: number, heading: title)
            decision.lastGroupValue = romanValue
            current = nil
            return
        }
        // "A. Recommendations on training" inside a decision that carries recommendations (its
        // title says so, or a group came before): a lettered group of the decision, not a
        // section of the report. A later letter with another title is a group only where it
        // cannot continue the report's sections.
        if let decision, let letterValue, letterValue == decision.lastGroupValue + 1,
           decision.inRecommendations || (decision.decision.title?.lowercased().contains("recommendation") ?? false),
           title.lowercased().hasPrefix("recommendation") || (decision.group != nil && !sectionFits),
           !(chapterFits && contentsConfirms(number, title)) {
            decision.inRecommendations = true
            decision.group = RecommendationGroup(number: number, heading: title)
            decision.lastGroupValue = letterValue
            current = nil
            return
        }
        // The same under an unnumbered "Recommendations" heading outside a decision (decision
        // 3/4 issued as a draft on its own): roman group headings, not chapters.
        if decision == nil, let heading = recommendationsHeading, heading.section.kind == .subsection,
           let romanValue, romanValue == heading.lastGroupValue + 1, !sectionFits,
           !(chapterFits && contentsConfirms(number, title)) {
            openRecommendationGroup(line, under: heading, number: number, value: romanValue, title: title)
            return
        }
        if chapterFits, sectionFits {
            if contentsConfirms(number, title) || !contents.contains(where: { $0.label == number }) {
                openChapter(line, number: number, value: romanValue ?? 0, title: title)
            } else {
                openSection(line, number: number, value: letterValue ?? 0, title: title)
            }
        } else if chapterFits {
            openChapter(line, number: number, value: romanValue ?? 0, title: title)
        } else if sectionFits {
            openSection(line, number: number, value: letterValue ?? 0, title: title)
        } else if let romanValue, letterValue == nil || chapter == nil {
            diagnose(.warning, "structure.chapterSequence",
                     "chapter \(number) follows chapter \(Numbering.roman(lastChapterValue))", line: line)
            openChapter(line, number: number, value: romanValue, title: title)
        } else if let letterValue {
            diagnose(.warning, "structure.sectionSequence",
                     "section \(number) follows section \(Numbering.letter(lastSectionValue, uppercase: true))", line: line)
            openSection(line, number: number, value: letterValue, title: title)
        } else {
            plainLine(line)
        }
    }

    private func openRecommendationGroup(_ line: Line, under heading: SectionNode, number: String, value: Int, title: String) {
        let node = SectionNode(Section(id: "\(heading.section.id).\(number)", kind: .recommendationGroup, number: number,
                                       heading: title, span: span(line)))
        node.parent = heading
        heading.children.append(node)
        heading.lastGroupValue = value
        heading.openGroup = node
        recommendationHost = nil
        current = nil
    }

    /// True when the table of contents lists `number` with a title that begins like `title`.
    func contentsConfirms(_ number: String, _ title: String) -> Bool {
        let wanted = String(title.lowercased().prefix(24))
        return contents.contains { $0.label == number && $0.title.lowercased().hasPrefix(wanted) }
    }

    func openChapter(_ line: Line, number: String, value: Int, title: String) {
        closeDecision()
        recommendationHost = nil
        mode = .body
        let node = SectionNode(Section(id: ElementID.section(number), kind: .chapter, number: number,
                                       heading: title, span: span(line)),
                               isRecommendations: Self.namesRecommendations(title))
        chapters.append(node)
        chapter = node
        section = nil
        subsection = nil
        lastChapterValue = value
        lastSectionValue = 0
        current = nil
    }

    func openSection(_ line: Line, number: String, value: Int, title: String) {
        closeDecision()
        recommendationHost = nil
        let id = chapter.map { "\($0.section.id).\(number)" } ?? ElementID.section(number)
        let node = SectionNode(Section(id: id, kind: .section, number: number, heading: title, span: span(line)),
                               isRecommendations: Self.namesRecommendations(title))
        if let chapter {
            node.parent = chapter
            chapter.children.append(node)
        } else {
            chapters.append(node)
        }
        section = node
        subsection = nil
        lastSectionValue = value
        current = nil
    }

    /// An unnumbered heading: a decision's or annex's title, "Recommendations", or a subsection.
    func subheading(_ line: Line, title: String) {
        if let decision {
            if awaitingTitle, decision.isEmpty {
                decision.decision.title = title
                awaitingTitle = false
            } else if Self.namesRecommendations(title) {
                decision.inRecommendations = true
            } else {
                newText(line)
            }
            current = nil
            return
        }
        if let annex, mode == .annex {
            if awaitingTitle, annex.annex.title == nil {
                annex.annex.title = title
                annex.isAgenda = title.lowercased().contains("agenda")
                awaitingTitle = false
            } else {
                if title.lowercased().contains("agenda") { annex.isAgenda = true }
                _ = newText(line)
            }
            current = nil
            return
        }
        let parent = section ?? chapter
        let id: String
        if let parent {
            parent.unnumberedCount += 1
            id = "\(parent.section.id).h\(parent.unnumberedCount)"
        } else {
            topLevelUnnumbered += 1
            id = ElementID.section("h\(topLevelUnnumbered)")
        }
        let node = SectionNode(Section(id: id, kind: .subsection, number: nil, heading: title, span: span(line)),
                               isRecommendations: Self.namesRecommendations(title))
        if let parent {
            node.parent = parent
            parent.children.append(node)
        } else {
            chapters.append(node)
        }
        subsection = node
        recommendationHost = nil
        current = nil
    }

    // MARK: - Numbered lines

    func numberedLine(_ line: Line, number: Int, text: String, textStart: Int) {
        if mode == .annex {
            annexNumbered(line, label: text, textStart: textStart)
            return
        }
        if mode == .notes {
            plainLine(line)
            return
        }
        if let decision, decisionNumbered(decision, line, number: number, label: text, textStart: textStart) {
            return
        }
        let expected = lastParagraphNumber + 1
        let recommendations = recommendationsHeading
        // Under a "Recommendations" heading a bold "1. Victims of trafficking" heads a group
        // even where paragraph 1 could stand; a paragraph ends like a sentence.
        if line.isDecorated, number != expected || recommendations != nil && !endsInPunctuation(line) {
            groupHeading(line, label: text, textStart: textStart)
            return
        }
        if let recommendations,
           numberedRecommendation(line, under: recommendations, number: number, label: text, textStart: textStart) {
            return
        }
        if number == expected {
            if let item = openListItem(), Int(item.label) == number - 1,
               item.endsSentenceAsListItem(in: bytes) || line.indent > 0 || line.bulleted || numberRecurs(number, after: line) {
                addListItem(to: item.parent ?? item, line, label: text, textStart: textStart)
            } else {
                newParagraph(line, label: text, textStart: textStart)
            }
            return
        }
        if let paragraph = paragraphs.last, current != nil {
            if let item = openListItem(), Int(item.label).map({ $0 + 1 }) == number {
                addListItem(to: item.parent ?? paragraph, line, label: text, textStart: textStart)
                return
            }
            if number == 1 {
                addListItem(to: paragraph, line, label: text, textStart: textStart)
                return
            }
        }
        if number > expected {
            diagnose(.warning, "paragraph.gap",
                     "paragraph \(number) follows paragraph \(lastParagraphNumber): \(expected)-\(number - 1) missing", line: line)
            newParagraph(line, label: text, textStart: textStart)
        } else {
            diagnose(.warning, "paragraph.sequence",
                     "line numbered \(number) where paragraph \(expected) was expected; kept as text", line: line)
            let block = newText(line)
            current = block
        }
    }

    /// Whether a later line, before the next heading, is numbered `number` too: then this
    /// one continues a list inside the paragraph, and the later one is the paragraph.
    private func numberRecurs(_ number: Int, after line: Line) -> Bool {
        guard line.number < firstLogicalLine.count, case let index = firstLogicalLine[line.number], index >= 0 else { return false }
        var next = index + 1
        let limit = min(lines.count, index + 400)
        while next < limit {
            switch lines[next].kind {
            case .numbered(let label, _) where Int(label) == number && !lines[next].isDecorated:
                return true
            case .roman, .letter, .decisionHeading, .annexHeading, .notesHeading:
                return false
            default:
                next += 1
            }
        }
        return false
    }

    /// The numbered list item that the current element belongs to, if any.
    func openListItem() -> Block? {
        var block = current
        while let candidate = block {
            if candidate.kind == .item, candidate.style == .number { return candidate }
            if candidate.kind == .paragraph { return nil }
            block = candidate.parent
        }
        return nil
    }

    func newParagraph(_ line: Line, label: String, textStart: Int) {
        recommendationHost = nil
        let block = Block(kind: .paragraph, id: ElementID.paragraph(label), label: label, section: currentSectionID)
        block.segments.append(textStart..<line.contentEnd)
        block.headStart = line.contentStart
        paragraphs.append(block)
        addToContent(block.id)
        lastParagraphNumber = Int(label) ?? lastParagraphNumber
        current = block
        lastBodyElement = block
    }

    func addListItem(to host: Block, _ line: Line, label: String, textStart: Int) {
        let item = Block(kind: .item, id: ElementID.child(of: host.id, label: label), label: label, style: .number,
                         section: host.section)
        item.segments.append(textStart..<line.contentEnd)
        item.headStart = line.contentStart
        host.add(item)
        current = item
        lastBodyElement = item
    }

    /// Inside a decision a numbered line is one of its paragraphs (recommendations after a
    /// "Recommendations" heading) unless it continues the report's own numbering.
    private func decisionNumbered(_ decision: DecisionBuilder, _ line: Line, number: Int, label: String, textStart: Int) -> Bool {
        let expectedOwn = (decision.paragraphs.last.flatMap { Int($0.label) } ?? 0) + 1
        if number != expectedOwn, number == lastParagraphNumber + 1 {
            closeDecision()
            return false
        }
        if number != expectedOwn {
            diagnose(.warning, "decision.paragraphSequence",
                     "paragraph \(number) of decision \(decision.decision.id) follows \(expectedOwn - 1)", line: line)
        }
        let block: Block
        if decision.inRecommendations {
            block = Block(kind: .paragraph, id: ElementID.recommendation(label), label: label, section: currentSectionID)
            block.recommendationID = label
            block.group = decision.group
        } else {
            block = Block(kind: .paragraph, id: ElementID.child(of: decision.decision.element, label: label), label: label,
                          section: currentSectionID)
        }
        block.decision = decision.decision.id
        block.segments.append(textStart..<line.contentEnd)
        block.headStart = line.contentStart
        decision.paragraphs.append(block)
        current = block
        lastBodyElement = block
        return true
    }

    /// Under a heading that names recommendations, a numbered line that does not continue the
    /// report's paragraphs is a recommendation: "1." starts them, each next number continues.
    /// "10. The Working Group … adopted the recommendations below" stays paragraph 10.
    private func numberedRecommendation(_ line: Line, under heading: SectionNode, number: Int, label: String,
                                        textStart: Int) -> Bool {
        guard number == heading.lastRecommendation + 1 else { return false }
        // Paragraph 1 and recommendation 1 look alike; a roman group heading before it
        // (decision 3/4's "I. Determination of needs") says which.
        if number == lastParagraphNumber + 1, heading.lastRecommendation == 0, heading.openGroup == nil { return false }
        let holder = heading.openGroup ?? currentSection
        let block = Block(kind: .paragraph, id: ElementID.recommendation(label), label: label, section: holder?.section.id)
        block.recommendationID = label
        block.group = recommendationGroup(under: heading)
        block.segments.append(textStart..<line.contentEnd)
        block.headStart = line.contentStart
        numberedRecommendations.append(block)
        holder?.section.content.append(block.id)
        heading.lastRecommendation = number
        recommendationHost = block
        current = block
        lastBodyElement = block
        return true
    }

    /// The heading a recommendation is grouped under: the open roman group, else the section
    /// or subsection inside the "Recommendations" heading; none directly under that heading.
    private func recommendationGroup(under heading: SectionNode) -> RecommendationGroup? {
        if let group = heading.openGroup {
            return RecommendationGroup(number: group.section.number, heading: group.section.heading)
        }
        guard let inner = currentSection, inner !== heading else { return nil }
        return RecommendationGroup(number: inner.section.number, heading: inner.section.heading)
    }

    /// A decorated numbered line out of the paragraph sequence: "1. Victims of trafficking"
    /// heads a group of recommendations under a "Recommendations" heading, else a subsection.
    private func groupHeading(_ line: Line, label: String, textStart: Int) {
        let title = plainText(line, from: textStart)
        let inRecommendations = recommendationsHeading != nil
        let parent = subsection ?? section ?? chapter
        let id = parent.map { "\($0.section.id).\(label)" } ?? ElementID.section(label)
        let node = SectionNode(Section(id: id, kind: inRecommendations ? .recommendationGroup : .subsection,
                                       number: label, heading: title, span: span(line)))
        if let parent {
            node.parent = parent
            parent.children.append(node)
        } else {
            chapters.append(node)
        }
        if inRecommendations {
            let host = Block(kind: .recommendation, id: id, label: label, section: id)
            host.group = RecommendationGroup(number: label, heading: title)
            recommendationHost = host
            // Later group headings nest under the same "Recommendations" subsection.
        } else {
            subsection = node
            recommendationHost = nil
        }
        if inRecommendations { groupSection = node }
        current = nil
    }

    // MARK: - Labelled items

    func labelledLine(_ line: Line, label: String, textStart: Int) {
        let host: Block
        if mode == .annex, let annex {
            host = annex.agenda.children.last ?? annex.agenda
        } else if let decision {
            host = decision.paragraphs.last ?? decision.clauses
        } else if let recommendation = recommendationHost {
            host = recommendation
        } else if let paragraph = paragraphs.last, current != nil || lastBodyElement != nil {
            host = openListItem() ?? paragraph
        } else if let lead = current?.segments.last, endsInPunctuation(lead) {
            // Nothing numbered to hold it (a draft decision issued on its own): a block of
            // its own after a lead-in ("Recalling its decision 2/1,").
            current = newText(line)
            return
        } else {
            plainLine(line)
            return
        }
        placeLabelled(line, label: label, textStart: textStart, host: host)
    }

    /// Decides whether "(i)" is a letter or a roman numeral and where it nests.
    private func placeLabelled(_ line: Line, label: String, textStart: Int, host: Block) {
        let lastLetter = host.lastLetter
        let romanValue = Numbering.romanValue(label)
        let letterValue = Numbering.letterValue(label)
        let nextLetter = (lastLetter.flatMap { Numbering.letterValue($0.label) } ?? 0) + 1
        var parent = host
        var style = Clause.LabelStyle.letter
        if let romanValue {
            if let lastLetter {
                let lastRoman = lastLetter.children.last { $0.style == .roman }
                let continues = lastRoman.flatMap { Numbering.romanValue($0.label) }.map { $0 + 1 == romanValue } ?? false
                let startsList = romanValue == 1 && lastRoman == nil
                    && (lastLetter.endsWithColon(in: bytes) || letterValue != nextLetter)
                if continues || startsList {
                    parent = lastLetter
                    style = .roman
                }
            } else {
                let lastRoman = host.children.last { $0.style == .roman }
                if romanValue == 1 || lastRoman.flatMap({ Numbering.romanValue($0.label) }).map({ $0 + 1 == romanValue }) ?? false {
                    style = .roman
                }
            }
        }
        if style == .letter, letterValue != nextLetter {
            if romanValue != nil, let lastLetter {
                parent = lastLetter
                style = .roman
            }
            diagnose(.info, "clause.sequence", "(\(label)) out of sequence in \(host.id)", line: line, element: host.id)
        }
        if Self.isNumber(label) { style = .number }
        let item: Block
        if host.kind == .recommendation || host.recommendationID != nil, parent === host {
            let recommendation = "\(host.recommendationID ?? host.label)(\(label))"
            item = Block(kind: .item, id: ElementID.recommendation(recommendation), label: label, style: style,
                         section: host.section)
            item.recommendationID = recommendation
            item.group = host.group
            item.decision = host.decision
            if host.kind == .recommendation {
                recommendationItems.append(item)
                groupSection?.section.content.append(item.id)
            }
        } else {
            item = Block(kind: .item, id: ElementID.child(of: parent.id, label: label), label: label, style: style,
                         section: parent.section)
        }
        item.segments.append(textStart..<line.contentEnd)
        item.headStart = line.contentStart
        parent.add(item)
        current = item
        lastBodyElement = item
    }

    // MARK: - Annexes

    private func annexNumbered(_ line: Line, label: String, textStart: Int) {
        guard let annex else { return }
        if annex.isAgenda {
            let item = Block(kind: .item, id: ElementID.child(of: annex.annex.id, label: label), label: label,
                             style: .number, section: annex.annex.id)
            item.segments.append(textStart..<line.contentEnd)
            item.headStart = line.contentStart
            annex.agenda.add(item)
            current = item
        } else {
            let block = Block(kind: .paragraph, id: "\(annex.annex.id).para-\(label)", label: label, section: annex.annex.id)
            block.segments.append(textStart..<line.contentEnd)
            block.headStart = line.contentStart
            annex.paragraphs.append(block)
            annex.annex.content.append(block.id)
            current = block
        }
    }

    // MARK: - Unnumbered text

    func plainLine(_ line: Line) {
        // Lines of punctuation only ("-", "…") carry nothing.
        if !bytes[line.contentStart..<line.contentEnd].contains(where: { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) {
            return
        }
        let decorated = line.isDecorated && !looksLikeRunningText(line)
        if decorated {
            subheading(line, title: plainText(line))
            return
        }
        if mode == .annex, let annex, documentRow(line, annex: annex) { return }
        if let target = continuationTarget(for: line) {
            target.segments.append(line.contentStart..<line.contentEnd)
            return
        }
        if let decision, awaitingTitle, decision.isEmpty, !endsInPunctuation(line) {
            // "Decision 3/2" then an undecorated title; the preamble that follows ends in
            // a comma or colon ("The Conference of the Parties …,").
            decision.decision.title = plainText(line)
            awaitingTitle = false
            current = nil
            return
        }
        if let decision, decision.clauses.children.isEmpty, decision.paragraphs.isEmpty, !decision.inRecommendations {
            decision.preamble.segments.append(line.contentStart..<line.contentEnd)
            awaitingTitle = false
            current = decision.preamble
            return
        }
        current = newText(line)
    }

    private func endsInPunctuation(_ line: Line) -> Bool {
        endsInPunctuation(line.contentStart..<line.contentEnd)
    }

    /// Whether the text of `range` ends in . , ; : ! or ?, bold marks, tags and a trailing
    /// footnote marker ("Crime,<sup>5</sup>") left out.
    private func endsInPunctuation(_ range: Range<Int>) -> Bool {
        let start = range.lowerBound
        var p = range.upperBound - 1
        while p >= start {
            let b = bytes[p]
            if b == 0x20 || b == 0x2A {
                p -= 1
            } else if b == 0x3E {
                // A closing tag; "</sup>" takes its marker and opening tag with it.
                let closesMarker = p - 5 >= start && bytes[(p - 5)...p].elementsEqual("</sup>".utf8)
                while p >= start, bytes[p] != 0x3C { p -= 1 }
                if closesMarker {
                    p -= 1
                    while p >= start, bytes[p] != 0x3C { p -= 1 }
                }
                p -= 1
            } else {
                return b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F
            }
        }
        return false
    }

    /// Bold or heading-marked text that is still running text: a long finished sentence.
    /// (Headings can be long too: decision 3/3's title runs to 270 characters.)
    private func looksLikeRunningText(_ line: Line) -> Bool {
        let last = bytes[line.contentEnd - 1]
        return line.contentEnd - line.contentStart > 200 && (last == 0x2E || last == 0x3B)
    }

    /// Where an unnumbered line continues: UN report bodies number every paragraph, so
    /// unnumbered text after one continues it across a page break; text that starts in
    /// lower case or follows an unfinished sentence continues whatever precedes it.
    private func continuationTarget(for line: Line) -> Block? {
        guard let current else { return nil }
        let first = bytes[line.contentStart]
        let startsLower = (0x61...0x7A).contains(first)
        if !current.endsSentence(in: bytes) || startsLower { return current }
        switch current.kind {
        case .paragraph, .preamble: return mode == .body || mode == .annex ? current : nil
        case .footnote: return mode == .notes ? current : nil
        default: return nil
        }
    }

    @discardableResult
    func newText(_ line: Line) -> Block {
        let section = mode == .annex ? annex?.annex.id : currentSectionID
        let block = Block(kind: .text, id: ElementID.text(texts.count + 1), label: "", section: section)
        block.segments.append(line.contentStart..<line.contentEnd)
        texts.append(block)
        addToContent(block.id)
        return block
    }

    /// "CTOC/COP/2006/L.1 and Add.1-3<TAB>Draft report": a row of a list of documents.
    private func documentRow(_ line: Line, annex: AnnexBuilder) -> Bool {
        let content = bytes[line.contentStart..<line.contentEnd]
        guard let tab = content.firstIndex(of: 0x09) else { return false }
        let first = text(line.contentStart, tab)
        if first == "Symbol" || first.hasPrefix("<i>") { return true }  // the header row
        guard let group = SymbolRecognizer(grammars: grammars).recognizeWhole(first) else { return false }
        let title = TextCleaner.clean([(tab + 1)..<line.contentEnd], in: source).string
        let id = "\(annex.annex.id).doc-\(annex.annex.documents.count + 1)"
        annex.annex.documents.append(DocumentListing(
            id: id, symbol: group.printed, symbols: group.symbols.map(\.normalized), title: title, span: span(line)))
        current = nil
        return true
    }
}

extension StructureBuilder {
    /// Whether every character of `label` is a number (as `Character.isNumber`), by bytes
    /// when it is ASCII: there only the digits are numbers.
    static func isNumber(_ label: String) -> Bool {
        if label.utf8.allSatisfy({ $0 < 0x80 }) { return label.utf8.allSatisfy { $0 &- 0x30 < 10 } }
        return label.allSatisfy(\.isNumber)
    }
}

extension Block {
    /// A list item that ends like one (";" or ":"), not like a paragraph.
    func endsSentenceAsListItem(in bytes: [UInt8]) -> Bool {
        guard let last = segments.last, last.upperBound > last.lowerBound else { return false }
        let b = bytes[last.upperBound - 1]
        return b == 0x3B || b == 0x3A
    }
}
