import UNDocGrammar
import UNDocIngest
import UNDocModel

/// Finds references in element text with Grammars/references.peg and symbols.peg,
/// normalises their targets, attaches relation words and resolves pointers into the
/// document itself.
struct ReferenceRecognizer {
    let grammars: ParserGrammars
    let source: SourceText
    let context: ReferenceContext

    /// A relation word further back than this (quoted titles not counted) does not
    /// introduce the reference.
    static let relationReach = 60

    func references(in elements: [ElementText]) -> [Reference] {
        var out: [Reference] = []
        for element in elements where !element.clean.isEmpty {
            element.clean.withUTF8 { bytes in
                references(in: element, bytes: bytes, into: &out)
            }
        }
        for index in out.indices { out[index].id = ElementID.reference(index + 1) }
        return out
    }

    /// Appends the references of one element to `out`, in text order. A reference is moved,
    /// never copied, on its way there (a copy retains some twenty strings).
    private func references(in element: ElementText, bytes: UnsafeBufferPointer<UInt8>, into out: inout [Reference]) {
        let all = 0..<bytes.count
        // Where the relation words lie (all that is kept of them).
        var relations: [Range<Int>] = []
        // The references found, and where each was read; phrases first, then symbols.
        var found: [Reference?] = []
        var ranges: [Range<Int>] = []
        // Each match is read as it is found and not kept, so that the scan reuses one capture
        // tree for all of them.
        grammars.references.scan(grammars.token, in: bytes, range: all, boundary: .words) { match in
            guard let root = match.root else { return }
            if root.type == "Relation" {
                relations.append(match.range)
                return
            }
            let before = found.count
            build(root, match: match, element: element, bytes: bytes, into: &found)
            for _ in before ..< found.count { ranges.append(match.range) }
        }
        // Symbols outside the phrases already read ("(CTOC/COP/2006/L.4)"). Both lists run
        // left to right, so one sweep finds the overlaps.
        let phrases = ranges
        var phrase = 0
        for group in SymbolRecognizer(grammars: grammars).normalizedSymbols(bytes, range: all) {
            while phrase < phrases.count, phrases[phrase].upperBound <= group.range.lowerBound { phrase += 1 }
            if phrase < phrases.count, phrases[phrase].overlaps(group.range) { continue }
            for symbol in group.symbols {
                var target = ReferenceTarget(key: symbol)
                target.symbol = symbol
                let isSelf = symbol == context.documentSymbol
                if isSelf { target.element = "document" }
                found.append(make(.symbol, group.range, target, element, bytes, status: isSelf ? .resolved : .external))
                ranges.append(group.range)
            }
        }
        guard !found.isEmpty else { return }
        // Text order: the same stable sort as before, on indices, so that no reference moves twice
        // (and no sort at all when the symbols came after the phrases, as they mostly do).
        let ordered = zip(ranges, ranges.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound }
        let order = ordered ? Array(ranges.indices) : ranges.indices.sorted { ranges[$0].lowerBound < ranges[$1].lowerBound }
        var nextRelation = 0
        for index in order {
            var reference = found[index].take()!
            let start = ranges[index].lowerBound
            // The last relation word that ends before the reference (references are sorted).
            while nextRelation < relations.count, relations[nextRelation].upperBound <= start {
                nextRelation += 1
            }
            let candidate = nextRelation > 0 ? relations[nextRelation - 1] : nil
            if let candidate, let relation = relation(candidate, before: start, bytes) {
                reference.relation = relation.word
                reference.relationSpan = element.clean.sourceSpan(relation.range, in: source)
            }
            out.append(reference)
        }
    }

    // MARK: - Relation words

    private func relation(_ candidate: Range<Int>, before start: Int, _ bytes: UnsafeBufferPointer<UInt8>)
        -> (word: String, range: Range<Int>)?
    {
        // Give up past the reach (plus room for a quoted title) without reading further.
        guard start - candidate.upperBound <= Self.relationReach * 8 else { return nil }
        var distance = 0
        var inQuote = false
        var p = candidate.upperBound
        while p < start {
            let b = bytes[p]
            // “ and ” are E2 80 9C / E2 80 9D; a straight quote toggles.
            if b == 0xE2, p + 2 < start, bytes[p + 1] == 0x80, bytes[p + 2] == 0x9C || bytes[p + 2] == 0x9D {
                inQuote = bytes[p + 2] == 0x9C
                p += 3
                continue
            }
            if b == 0x22 { inQuote.toggle() }
            if !inQuote {
                distance += 1
                if (b == 0x2E || b == 0x3B || b == 0x3A), p + 1 < start, bytes[p + 1] == 0x20,
                   !isAbbreviation(bytes, endingAt: p) {
                    return nil
                }
            }
            p += 1
        }
        guard distance <= Self.relationReach else { return nil }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate]), as: UTF8.self).lowercased()
        return (word, candidate)
    }

    /// "para.", "chap.", "vol.", "No." end in a full stop without ending a sentence.
    private func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, endingAt dot: Int) -> Bool {
        var start = dot
        while start > 0, (bytes[start - 1] | 0x20) >= 0x61, (bytes[start - 1] | 0x20) <= 0x7A { start -= 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<dot]), as: UTF8.self).lowercased()
        return ["para", "paras", "chap", "vol", "no", "sect", "art", "e.g", "i.e", "rev", "add", "corr"].contains(word)
    }

    // MARK: - Building references

    func make(_ kind: ReferenceKind, _ range: Range<Int>, _ target: ReferenceTarget, _ element: ElementText,
              _ bytes: UnsafeBufferPointer<UInt8>, status: ReferenceStatus, note: String? = nil) -> Reference {
        let span = element.clean.sourceSpan(range, in: source)
        var reference = Reference(id: "", kind: kind, text: source.string(span.start, span.end), span: span,
                                  target: target, from: element.id, status: status)
        reference.note = note
        return reference
    }

    private func build(_ root: Capture, match: Match, element: ElementText, bytes: UnsafeBufferPointer<UInt8>,
                       into found: inout [Reference?]) {
        let phrase = Phrase(root: root, range: match.range, bytes: bytes)
        let built: [Reference]
        switch root.type {
        case "DecisionRef": built = decisions(phrase, in: element)
        case "ResolutionRef": built = resolutions(phrase, in: element)
        case "RecommendationRef": built = recommendations(phrase, in: element)
        case "ParagraphRef": built = paragraphs(phrase, in: element)
        case "ChapterRef": built = chapter(phrase, in: element)
        case "AnnexRef": built = annex(phrase, in: element)
        case "ArticleRef": built = articles(phrase, in: element)
        case "TreatyRef": built = treaty(phrase, in: element)
        default: return
        }
        for reference in consume built { found.append(reference) }
    }
}
