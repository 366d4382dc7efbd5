import UNDocGrammar
import UNDocModel

/// One reference phrase as matched: its captures, and where it lies in the element's text.
struct Phrase {
    let root: Capture
    let range: Range<Int>
    let bytes: UnsafeBufferPointer<UInt8>

    /// The text of `capture` without the spaces and commas at its ends.
    func text(_ capture: Capture?) -> String? {
        capture.map { $0.text(in: bytes, trimming: { $0 == 0x20 || $0 == 0x2C }) }
    }
}

/// Turns one reference phrase into references with normalised targets. Methods of the
/// recognizer, which they read, rather than of a builder holding a copy of it: a copy
/// retained some fifteen references per phrase.
extension ReferenceRecognizer {
    private var bodies: BodyDirectory { grammars.bodies }

    private func make(_ kind: ReferenceKind, _ p: Phrase, _ element: ElementText, _ target: ReferenceTarget,
                      _ status: ReferenceStatus, note: String? = nil) -> Reference {
        make(kind, p.range, target, element, p.bytes, status: status, note: note)
    }

    /// An element of this document, if it exists.
    private func local(_ id: String) -> String? {
        context.elementIDs.contains(id) ? id : nil
    }

    private func label(_ body: BodyDirectory.Body?) -> String? {
        body.map { $0.documentPrefix ?? $0.name }
    }

    // MARK: - Decisions

    func decisions(_ p: Phrase, in element: ElementText) -> [Reference] {
        let owner = p.text(p.root.first("owner"))
        let isForeign = p.root.first("foreign") != nil
        var body: BodyDirectory.Body?
        if let owner {
            body = bodies.lookup(owner, preferring: context.body)
        } else if !isForeign {
            body = context.body
        }
        let isOwn = body != nil && body == context.body
        return p.root.all("item").compactMap { item -> Reference? in
            guard let number = p.text(item.first("number")) else { return nil }
            var target = ReferenceTarget(key: "decision \(number)")
            target.number = number
            target.body = body?.name ?? owner
            target.bodyPrefix = body?.documentPrefix
            if let name = label(body) ?? owner { target.key += " (\(name))" }
            if isForeign || body?.isUN == false {
                return make(.decision, p, element, target, .external, note: "a decision of a body outside the United Nations")
            }
            if isOwn || (owner == nil && body == nil), let id = local(ElementID.decision(number)) {
                target.element = id
                return make(.decision, p, element, target, .resolved)
            }
            return make(.decision, p, element, target, .external)
        }
    }

    // MARK: - Resolutions

    func resolutions(_ p: Phrase, in element: ElementText) -> [Reference] {
        let organText = p.text(p.root.first("organ"))
        var out: [Reference] = []
        for item in p.root.all("item") {
            guard let number = p.text(item.first("number")) else { continue }
            var organ = organText.flatMap { bodies.lookup($0) }
            var note: String?
            if organ == nil {
                organ = inferOrgan(number)
                if organ != nil { note = "organ inferred from the form of the number" }
            }
            let symbol = organ?.resolutionPrefix.map { "\($0)/\(number)" }
            let annexes = item.all("annex").map { $0.text(in: p.bytes) }
            let parts: [String?] = annexes.isEmpty ? [nil] : annexes.map { $0.isEmpty ? "annex" : "annex \($0)" }
            var date: String?
            if let dateNode = item.first("date") {
                let words = dateNode.text(in: p.bytes).split(separator: " ").map(String.init)
                if words.count == 3 { date = DateText.iso(day: words[0], month: words[1], year: words[2]) }
            }
            for part in parts {
                let base = symbol ?? "resolution \(number)"
                var target = ReferenceTarget(key: part.map { "\(base), \($0)" } ?? base)
                target.symbol = symbol
                target.number = number
                target.body = organ?.name ?? organText
                target.bodyPrefix = organ?.documentPrefix
                target.part = part
                target.date = date
                out.append(make(.resolution, p, element, target, .external, note: note))
            }
        }
        return out
    }

    /// General Assembly resolutions are numbered session/number (55/25), those of the
    /// Economic and Social Council year/number (2006/27), the Security Council's number (year).
    private func inferOrgan(_ number: String) -> BodyDirectory.Body? {
        if number.contains("(") { return bodies.lookup("Security Council") }
        let first = number.split(separator: "/").first ?? ""
        if first.count == 4 { return bodies.lookup("Economic and Social Council") }
        if first.count <= 3 { return bodies.lookup("General Assembly") }
        return nil
    }

    // MARK: - Recommendations

    func recommendations(_ p: Phrase, in element: ElementText) -> [Reference] {
        let report = p.text(p.root.first("report"))?.lowercased()
        let owner = p.text(p.root.first("owner"))
        var body = context.body
        if let owner {
            let name = owner.replacingPrefix("this ", with: "").replacingPrefix("the ", with: "")
            if !owner.lowercased().hasPrefix("this "), let named = bodies.lookup(name, preferring: context.body) {
                body = named
            }
        }
        return p.root.all("item").compactMap { item -> Reference? in
            guard let number = p.text(item.first("number")) else { return nil }
            let id = p.text(item.first("letter")).map { "\(number)(\($0))" } ?? number
            var target = ReferenceTarget(key: "recommendation \(id)")
            target.number = id
            if let report, report != "present report" {
                target.qualifier = [report, owner].compactMap { $0 }.joined(separator: " of ")
                target.body = body?.name
                target.bodyPrefix = body?.documentPrefix
                target.key += " (\(report)\(label(body).map { ", \($0)" } ?? ""))"
                return make(.recommendation, p, element, target, .external,
                            note: "points into \(report == "previous report" ? "the previous report" : "another report"), which the sentence does not identify by symbol")
            }
            if let local = local(ElementID.recommendation(id)) {
                target.element = local
                return make(.recommendation, p, element, target, .resolved)
            }
            return make(.recommendation, p, element, target, .unresolved, note: "no recommendation \(id) in this document")
        }
    }

    // MARK: - Internal pointers

    func paragraphs(_ p: Phrase, in element: ElementText) -> [Reference] {
        var out: [Reference] = []
        for item in p.root.all("item") {
            if let letter = p.text(item.first("letter")) {
                let scope = element.decisionElement ?? element.parentID ?? element.id
                let id = ElementID.child(of: scope, label: letter)
                var target = ReferenceTarget(key: "paragraph (\(letter)) of \(scope)")
                target.number = "(\(letter))"
                if let local = local(id) {
                    target.element = local
                    out.append(make(.clause, p, element, target, .resolved))
                } else {
                    out.append(make(.clause, p, element, target, .unresolved, note: "no clause (\(letter)) in \(scope)"))
                }
                continue
            }
            guard let from = p.text(item.first("number")).flatMap(Int.init) else { continue }
            let to = p.text(item.first("to")).flatMap(Int.init) ?? from
            guard to >= from, to - from < 100 else { continue }
            for number in from...to {
                var target = ReferenceTarget(key: "paragraph \(number)")
                target.number = String(number)
                if let local = local(ElementID.paragraph(String(number))) {
                    target.element = local
                    out.append(make(.paragraph, p, element, target, .resolved))
                } else {
                    out.append(make(.paragraph, p, element, target, .unresolved, note: "no paragraph \(number) in this document"))
                }
            }
        }
        return out
    }

    func chapter(_ p: Phrase, in element: ElementText) -> [Reference] {
        guard let chapter = p.text(p.root.first("chapter")) else { return [] }
        if let draft = p.text(p.root.first("draft"))?.lowercased(), let number = p.text(p.root.first("draftNumber")) {
            // "see chap. I, sect. A, draft resolution II": a draft this report prints.
            let id = "\(draft) \(number)"
            var target = ReferenceTarget(key: "\(id) (chap. \(chapter))")
            target.number = id
            target.part = "chapter \(chapter)"
            let kind: ReferenceKind = draft.hasSuffix("resolution") ? .resolution : .decision
            if let local = local(ElementID.decision(id)) {
                target.element = local
                return [make(kind, p, element, target, .resolved)]
            }
            return [make(kind, p, element, target, .unresolved, note: "no \(id) in this document")]
        }
        if let number = p.text(p.root.first("decision")) {
            var target = ReferenceTarget(key: "decision \(number) (chap. \(chapter))")
            target.number = number
            target.part = "chapter \(chapter)"
            target.body = context.body?.name
            target.bodyPrefix = context.body?.documentPrefix
            if let local = local(ElementID.decision(number)) {
                target.element = local
                return [make(.decision, p, element, target, .resolved)]
            }
            return [make(.decision, p, element, target, .unresolved, note: "no decision \(number) in this document")]
        }
        var target = ReferenceTarget(key: "chapter \(chapter)")
        target.number = chapter
        if let local = local(ElementID.section(chapter)) {
            target.element = local
            return [make(.chapter, p, element, target, .resolved)]
        }
        return [make(.chapter, p, element, target, .unresolved, note: "no chapter \(chapter) in this document")]
    }

    func annex(_ p: Phrase, in element: ElementText) -> [Reference] {
        guard let annex = p.text(p.root.first("annex")) else { return [] }
        var target = ReferenceTarget(key: "annex \(annex)")
        target.number = annex
        if let local = local(ElementID.annex(annex)) {
            target.element = local
            return [make(.annex, p, element, target, .resolved)]
        }
        return [make(.annex, p, element, target, .unresolved, note: "no annex \(annex) in this document")]
    }

    // MARK: - Articles and treaties

    func articles(_ p: Phrase, in element: ElementText) -> [Reference] {
        let instrument = p.text(p.root.first("instrument"))
        let paragraph = p.text(p.root.first("paragraph"))
        return p.root.all("item").compactMap { item -> Reference? in
            guard let number = p.text(item.first("number")) else { return nil }
            var key = "article \(number)"
            if let paragraph {
                let words = paragraph.lowercased().hasPrefix("paragraph") ? paragraph : "paragraph \(paragraph)"
                key += ", \(words)"
            }
            if let instrument { key += " (\(instrument))" }
            var target = ReferenceTarget(key: key)
            target.number = number
            target.part = paragraph.map { $0.lowercased().hasPrefix("paragraph") ? $0 : "paragraph \($0)" }
            target.instrument = instrument
            return make(.article, p, element, target, .external)
        }
    }

    func treaty(_ p: Phrase, in element: ElementText) -> [Reference] {
        guard let volume = p.text(p.root.first("volume")), let number = p.text(p.root.first("number")) else { return [] }
        var target = ReferenceTarget(key: "United Nations Treaty Series, vol. \(volume), No. \(number)")
        target.volume = volume
        target.number = number
        target.instrument = "United Nations Treaty Series"
        return [make(.treaty, p, element, target, .external)]
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        lowercased().hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
