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
        for element in elements where !element.clean.bytes.isEmpty {
            element.clean.bytes.withUnsafeBufferPointer { bytes in
                out += references(in: element, bytes: bytes)
            }
        }
        for index in out.indices { out[index].id = ElementID.reference(index + 1) }
        return out
    }

    private func references(in element: ElementText, bytes: UnsafeBufferPointer<UInt8>) -> [Reference] {
        let all = 0..<bytes.count
        let tokens = grammars.references.scan(grammars.token, in: bytes, range: all)
        let relations = tokens.filter { $0.root?.type == "Relation" }
        var found: [(range: Range<Int>, reference: Reference)] = []
        for match in tokens {
            guard let root = match.root, root.type != "Relation" else { continue }
            for reference in build(root, match: match, element: element, bytes: bytes) {
                found.append((match.range, reference))
            }
        }
        // Symbols outside the phrases already read ("(CTOC/COP/2006/L.4)").
        for group in SymbolRecognizer(grammars: grammars).scan(bytes, range: all)
        where !found.contains(where: { $0.range.overlaps(group.range) }) {
            for symbol in group.symbols {
                var target = ReferenceTarget(key: symbol.normalized)
                target.symbol = symbol.normalized
                let isSelf = symbol.normalized == context.documentSymbol
                if isSelf { target.element = "document" }
                let reference = make(.symbol, group.range, target, element, bytes, status: isSelf ? .resolved : .external)
                found.append((group.range, reference))
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        return found.map { item in
            var reference = item.reference
            if let relation = relation(before: item.range.lowerBound, relations, bytes) {
                reference.relation = relation.word
                reference.relationSpan = element.clean.sourceSpan(relation.range, in: source)
            }
            return reference
        }
    }

    // MARK: - Relation words

    private func relation(before start: Int, _ relations: [Match], _ bytes: UnsafeBufferPointer<UInt8>)
        -> (word: String, range: Range<Int>)?
    {
        guard let candidate = relations.last(where: { $0.range.upperBound <= start }) else { return nil }
        var distance = 0
        var inQuote = false
        var p = candidate.range.upperBound
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
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate.range]), as: UTF8.self).lowercased()
        return (word, candidate.range)
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

    private func build(_ root: Capture, match: Match, element: ElementText, bytes: UnsafeBufferPointer<UInt8>) -> [Reference] {
        let builder = TargetBuilder(recognizer: self, root: root, range: match.range, element: element, bytes: bytes)
        switch root.type {
        case "DecisionRef": return builder.decisions()
        case "ResolutionRef": return builder.resolutions()
        case "RecommendationRef": return builder.recommendations()
        case "ParagraphRef": return builder.paragraphs()
        case "ChapterRef": return builder.chapter()
        case "AnnexRef": return builder.annex()
        case "ArticleRef": return builder.articles()
        case "TreatyRef": return builder.treaty()
        default: return []
        }
    }
}
