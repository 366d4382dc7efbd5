import Foundation
import JSONSchemaValidation
import Testing
import UNDocModel

/// Schemas/undoc.document-1.schema.json describes exactly what DocumentJSON.encode writes.
@Suite("undoc.document/1 schema")
struct SchemaTests {
    @Test("every corpus document validates against the schema", arguments: Repo.corpusFiles)
    func corpusOutputValidates(_ file: String) throws {
        let errors = try SchemaLoader.schema().validate(CorpusParser.json(file))
        #expect(errors.isEmpty, "Corpus/\(file): \(errors.prefix(10).map(\.description).joined(separator: "\n"))")
    }

    @Test("the golden files validate against the schema", arguments: Repo.corpusFiles)
    func goldenFilesValidate(_ file: String) throws {
        let url = Repo.goldenURL(for: file)
        guard let data = try? Data(contentsOf: url) else { return }  // GoldenTests reports a missing file
        let errors = try SchemaLoader.schema().validate(data)
        #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.prefix(10).map(\.description).joined(separator: "\n"))")
    }

    @Test("a document with every optional field set validates")
    func everyOptionalFieldValidates() throws {
        let data = try DocumentJSON.encode(Self.fullyPopulated())
        let errors = try SchemaLoader.schema().validate(data)
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        // The sample really does exercise every optional property.
        let text = String(decoding: data, as: UTF8.self)
        for key in [
            "\"symbol\"", "\"agendaSymbol\"", "\"organ\"", "\"relationSpan\"", "\"note\"", "\"volume\"",
            "\"instrument\"", "\"qualifier\"", "\"preamble\"", "\"decision\"", "\"group\"", "\"element\"",
            "\"jobNumber\"", "\"kind\"",
        ] {
            #expect(text.contains(key), "sample lacks \(key)")
        }
    }

    @Test("a document with every optional field nil validates, and nil is omitted, not null")
    func everyOptionalFieldNilValidates() throws {
        var document = Document(source: SourceInfo(file: "<stdin>", format: "text", bytes: 0, lines: 0))
        document.sections = [Section(id: "sec-h1", kind: .subsection, number: nil, heading: "Deliberations", span: Self.span)]
        document.paragraphs = [Paragraph(id: "para-1", number: "1", text: "Text.", span: Self.span, section: nil)]
        document.diagnostics = [Diagnostic(.info, code: "paragraph.gap", message: "a gap")]
        let data = try DocumentJSON.encode(document)
        #expect(!String(decoding: data, as: UTF8.self).contains("null"))
        let errors = try SchemaLoader.schema().validate(data)
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    // MARK: - Negative tests: a mutated output is rejected

    @Test("the unmutated round trip is valid (control for the mutation tests)")
    func roundTripControl() throws {
        let errors = try Self.errors(afterMutating: { _ in })
        #expect(errors.isEmpty, "\(errors.map(\.description))")
    }

    @Test("a paragraph number that is an integer is rejected")
    func integerParagraphNumber() throws {
        let errors = try Self.errors { root in
            var paragraphs = root["paragraphs"] as! [[String: Any]]
            paragraphs[2]["number"] = 3
            root["paragraphs"] = paragraphs
        }
        #expect(errors.contains { $0.instancePath == "/paragraphs/2/number" && $0.keyword == "type" }, "\(errors)")
    }

    @Test("an unknown top-level key is rejected")
    func unknownTopLevelKey() throws {
        let errors = try Self.errors { root in root["generator"] = "undoc 0.1" }
        #expect(errors.contains { $0.instancePath == "/generator" && $0.keyword == "additionalProperties" }, "\(errors)")
    }

    @Test("an unknown key inside a nested object is rejected")
    func unknownNestedKey() throws {
        let errors = try Self.errors { root in
            var references = root["references"] as! [[String: Any]]
            references[0]["confidence"] = 0.9
            root["references"] = references
        }
        #expect(errors.contains { $0.instancePath == "/references/0/confidence" && $0.keyword == "additionalProperties" }, "\(errors)")
    }

    @Test("null for an absent optional is rejected (optionals are omitted)")
    func nullOptional() throws {
        let errors = try Self.errors { root in root["symbol"] = NSNull() }
        #expect(errors.contains { $0.instancePath == "/symbol" && $0.keyword == "type" }, "\(errors)")
    }

    @Test("a wrong contract name is rejected")
    func wrongContractName() throws {
        let errors = try Self.errors { root in root["schema"] = "undoc.document/2" }
        #expect(errors.contains { $0.instancePath == "/schema" && $0.keyword == "const" }, "\(errors)")
    }

    @Test("an unknown enum value is rejected")
    func unknownEnumValue() throws {
        let errors = try Self.errors { root in
            var sections = root["sections"] as! [[String: Any]]
            sections[0]["kind"] = "part"
            root["sections"] = sections
        }
        #expect(errors.contains { $0.instancePath == "/sections/0/kind" && $0.keyword == "enum" }, "\(errors)")
    }

    @Test("a missing required property is rejected")
    func missingRequired() throws {
        let errors = try Self.errors { root in
            var footnotes = root["footnotes"] as! [[String: Any]]
            footnotes[0].removeValue(forKey: "anchors")
            root["footnotes"] = footnotes
        }
        #expect(errors.contains { $0.instancePath == "/footnotes/0" && $0.keyword == "required" }, "\(errors)")
    }

    @Test("a resolved reference without a target element is rejected")
    func resolvedWithoutElement() throws {
        let errors = try Self.errors { root in
            var references = root["references"] as! [[String: Any]]
            references[0]["status"] = "resolved"
            root["references"] = references
        }
        #expect(errors.contains { $0.instancePath == "/references/0/target" && $0.keyword == "required" }, "\(errors)")
    }

    // MARK: - Helpers

    static let span = SourceSpan(start: 0, end: 4, line: 1, endLine: 1)

    /// Errors of 001's output after `mutate` changes its JSON object.
    static func errors(afterMutating mutate: (inout [String: Any]) -> Void) throws -> [ValidationError] {
        let data = try CorpusParser.json(CorpusDocument.wgTrafficking2010.fileName)
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        mutate(&root)
        let mutated = try JSONSerialization.data(withJSONObject: root)
        return try SchemaLoader.schema().validate(mutated)
    }

    /// A small document in which every optional property of every type has a value.
    static func fullyPopulated() -> Document {
        var document = Document(source: SourceInfo(file: "Corpus/sample.txt", format: "text", bytes: 100, lines: 10))
        document.symbol = "CTOC/COP/2006/L.1"
        var metadata = Metadata()
        metadata.organ = "Economic and Social Council"
        metadata.body = "Commission on Crime Prevention and Criminal Justice"
        metadata.bodyPrefix = "E/CN.15"
        metadata.session = "Fourteenth session"
        metadata.place = "Vienna"
        metadata.dates = "23-27 May 2005"
        metadata.startDate = "2005-05-23"
        metadata.endDate = "2005-05-27"
        metadata.distribution = "General"
        metadata.issueDate = "2005-03-29"
        metadata.issueDateText = "29 March 2005"
        metadata.originalLanguage = "English"
        metadata.title = "Report of the Secretary-General"
        metadata.agendaItem = AgendaItemRef(number: "6", title: "International cooperation", provisional: true)
        metadata.agendaSymbol = "E/CN.15/2005/1"
        metadata.jobNumber = "V.05-82842"
        for key in [
            "organ", "body", "bodyPrefix", "session", "place", "dates", "startDate", "endDate", "distribution",
            "issueDate", "issueDateText", "originalLanguage", "title", "agendaItem", "agendaSymbol", "jobNumber",
        ] {
            metadata.evidence[key] = span
        }
        document.metadata = metadata
        document.contents = [ContentsEntry(label: "III", title: "Organization", paragraphs: "4-34", page: "13", span: span)]
        var chapter = Section(id: "sec-I", kind: .chapter, number: "I", heading: "Decisions", span: span)
        chapter.content = ["para-1", "dec-3/1", "text-1"]
        var group = Section(id: "sec-I.1", kind: .recommendationGroup, number: "1", heading: "Training", span: span)
        group.content = ["rec-1(a)"]
        chapter.children = [group]
        document.sections = [chapter, Section(id: "sec-notes", kind: .notes, number: nil, heading: "Notes", span: span)]
        var paragraph = Paragraph(id: "para-1", number: "1", text: "Text:", span: span, section: "sec-I")
        var clause = Clause(id: "para-1.a", label: "a", style: .letter, text: "Item;", span: span)
        clause.children = [Clause(id: "para-1.a.i", label: "i", style: .roman, text: "Sub-item;", span: span)]
        paragraph.children = [clause, Clause(id: "para-1.1", label: "1", style: .number, text: "Item.", span: span)]
        document.paragraphs = [paragraph]
        var decision = Decision(id: "3/1", title: "Review", span: span, section: "sec-I")
        decision.preamble = "The Conference of the Parties:"
        decision.kind = "draft decision"
        decision.clauses = [Clause(id: "dec-3/1.a", label: "a", style: .letter, text: "Welcomes;", span: span)]
        decision.paragraphs = [Paragraph(id: "rec-1", number: "1", text: "The working group.", span: span, section: "sec-I")]
        document.decisions = [decision]
        document.recommendations = [
            Recommendation(
                id: "1(a)", text: "States parties should.", group: RecommendationGroup(number: "1", heading: "Training"),
                decision: "3/1", span: span)
        ]
        var footnote = Footnote(id: "fn-1", marker: "1", notation: .htmlSuperscript, text: "CTOC/COP/2006/12.", span: span)
        footnote.anchors = [FootnoteAnchor(element: "para-1", span: span)]
        var star = Footnote(id: "fn-*", marker: "*", notation: .star, text: "E/CN.15/2005/1.", span: span)
        star.anchors = [FootnoteAnchor(element: "metadata", span: span)]
        document.footnotes = [footnote, star, Footnote(id: "fn-2", marker: "2", notation: .unicodeSuperscript, text: "Ibid.", span: span)]
        var annex = Annex(id: "annex-I", number: "I", title: "List of documents", span: span)
        annex.documents = [
            DocumentListing(
                id: "annex-I.doc-1", symbol: "CTOC/COP/2006/1 and Corr.1",
                symbols: ["CTOC/COP/2006/1", "CTOC/COP/2006/1/Corr.1"], title: "Agenda", span: span)
        ]
        annex.agenda = [Clause(id: "annex-I.1", label: "1", style: .number, text: "Organizational matters:", span: span)]
        annex.paragraphs = [Paragraph(id: "annex-I.1", number: "1", text: "Annex text.", span: span, section: "annex-I")]
        annex.content = ["text-1"]
        document.annexes = [annex]
        document.texts = [TextBlock(id: "text-1", text: "Provisional agenda", span: span, section: "annex-I")]
        var target = ReferenceTarget(key: "A/RES/55/25, annex II")
        target.symbol = "A/RES/55/25"
        target.body = "General Assembly"
        target.bodyPrefix = "A"
        target.number = "55/25"
        target.part = "annex II"
        target.qualifier = "previous report"
        target.instrument = "Convention"
        target.volume = "1582"
        target.date = "2000-11-15"
        var external = Reference(
            id: "ref-1", kind: .resolution, text: "resolution 55/25", span: span, target: target, from: "fn-1",
            status: .external)
        external.relation = "recalling"
        external.relationSpan = span
        external.note = "organ inferred from the form of the number"
        var localTarget = ReferenceTarget(key: "decision 3/1 (CTOC/COP)")
        localTarget.element = "dec-3/1"
        let resolved = Reference(
            id: "ref-2", kind: .decision, text: "decision 3/1", span: span, target: localTarget, from: "para-1.a",
            status: .resolved)
        var unresolved = Reference(
            id: "ref-3", kind: .paragraph, text: "paragraph 99 above", span: span,
            target: ReferenceTarget(key: "paragraph 99"), from: "metadata", status: .unresolved)
        unresolved.note = "no paragraph 99 in this document"
        document.references = [external, resolved, unresolved]
        document.diagnostics = [
            Diagnostic(.warning, code: "footnote.orphanMarker", message: "no body for marker 3", span: span, element: "para-1"),
            Diagnostic(.error, code: "input.invalidUTF8", message: "invalid UTF-8"),
        ]
        return document
    }
}
