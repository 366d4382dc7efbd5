import CLibXML2
import Foundation
import UNDocModel

/// The SAX2 callbacks of `MARCReader` and what they build: one parse of one file, on one
/// thread. libxml2 calls the handlers with this object as its user data.
final class MARCParseState {
    static let marcNamespace = "http://www.loc.gov/MARC21/slim"
    /// libxml2 reports listed one by one; the rest are counted.
    static let diagnosticLimit = 50
    /// Text kept for one control field or subfield; a longer value is cut (no catalogue
    /// value comes near it; a file that has one is not a UNDL export).
    static let valueLimit = 64 * 1024

    let file: String
    var context: xmlParserCtxtPtr?
    private(set) var records: [CatalogRecord] = []
    private(set) var diagnostics: [CatalogDiagnostic] = []
    private(set) var sawCollection = false

    // The record being read.
    private var inRecord = false
    private var recordNumber = 0
    private var recordLine = 0
    private var recordID: String?
    private var fields: [MARCDataField] = []
    private var field: MARCDataField?
    private enum Capture { case controlNumber, subfield(String) }
    private var capture: Capture?
    private var text: [UInt8] = []
    private var textCut = false

    private var declaredEntities = Set<String>()
    private var entityNotes = 0
    private var externalDTD: String?
    /// Entity declarations reported one by one (a "billion laughs" declares ten or more).
    static let entityDeclarationsListed = 5
    private var withoutSymbol = 0
    private var dropped = 0
    private var fatalErrors = 0

    init(file: String) {
        self.file = file
    }

    /// The SAX2 handler: elements, text and errors; no entity resolution, no external subset.
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { user, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let user, let localName else { return }
            MARCParseState.state(user).start(localName, uri: uri, attributes: attributes, count: Int(attributeCount))
        }
        handler.endElementNs = { user, localName, _, uri in
            guard let user, let localName else { return }
            MARCParseState.state(user).end(localName, uri: uri)
        }
        handler.characters = { user, bytes, length in
            guard let user, let bytes, length > 0 else { return }
            MARCParseState.state(user).characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        handler.internalSubset = { user, _, _, systemID in
            guard let user, let systemID else { return }
            MARCParseState.state(user).names(externalDTD: String(cString: systemID))
        }
        handler.entityDecl = { user, name, _, _, systemID, _ in
            guard let user, let name else { return }
            MARCParseState.state(user).declared(entity: String(cString: name), system: systemID.map { String(cString: $0) })
        }
        handler.serror = { user, error in
            guard let user, let error else { return }
            MARCParseState.state(user).report(error.pointee)
        }
        return handler
    }

    private static func state(_ pointer: UnsafeMutableRawPointer) -> MARCParseState {
        Unmanaged<MARCParseState>.fromOpaque(pointer).takeUnretainedValue()
    }

    private var line: Int {
        guard let input = context?.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    // MARK: - Elements

    private func start(_ name: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?,
                       attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        guard Self.isMARC(uri) else { return }
        if Self.equals(name, "collection") {
            sawCollection = true
            return
        }
        if Self.equals(name, "record") {
            // A record inside a record: the first one lacks its end tag.
            if inRecord { finishRecord(complete: false) }
            inRecord = true
            recordNumber += 1
            recordLine = line
            recordID = nil
            fields = []
            field = nil
            return
        }
        guard inRecord else { return }
        if Self.equals(name, "controlfield") {
            if Self.attribute("tag", attributes, count) == "001" { beginCapture(.controlNumber) }
        } else if Self.equals(name, "datafield") {
            closeOpenField()
            let tag = Self.attribute("tag", attributes, count) ?? ""
            field = MARCRecordMapper.usedTags.contains(tag)
                ? MARCDataField(tag: tag, indicator1: Self.attribute("ind1", attributes, count) ?? " ")
                : nil
        } else if Self.equals(name, "subfield"), field != nil {
            closeOpenSubfield()
            beginCapture(.subfield(Self.attribute("code", attributes, count) ?? ""))
        }
    }

    /// Keeps what was read of a subfield whose end tag malformed XML left out.
    private func closeOpenSubfield() {
        if case .subfield(let code) = capture {
            let value = endCapture()
            field?.subfields.append((code, value))
        }
    }

    /// Keeps what was read of a data field whose end tag malformed XML left out.
    private func closeOpenField() {
        closeOpenSubfield()
        if let field { fields.append(field) }
        field = nil
        capture = nil
    }

    private func end(_ name: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?) {
        guard Self.isMARC(uri), inRecord else { return }
        if Self.equals(name, "record") {
            finishRecord(complete: true)
        } else if Self.equals(name, "controlfield") {
            if case .controlNumber = capture { recordID = endCapture() }
        } else if Self.equals(name, "subfield") {
            closeOpenSubfield()
        } else if Self.equals(name, "datafield") {
            closeOpenField()
        }
    }

    private func characters(_ bytes: UnsafeBufferPointer<xmlChar>) {
        guard capture != nil else { return }
        let room = Self.valueLimit - text.count
        if bytes.count > room { textCut = true }
        text.append(contentsOf: bytes.prefix(max(0, room)))
    }

    private func beginCapture(_ what: Capture) {
        capture = what
        text.removeAll(keepingCapacity: true)
        textCut = false
    }

    private func endCapture() -> String {
        capture = nil
        if textCut {
            note(.warning, code: "marc.longValue",
                 message: "record \(recordNumber): a value longer than \(Self.valueLimit / 1024) KB was cut", line: line)
        }
        return String(decoding: text, as: UTF8.self)
    }

    private func finishRecord(complete: Bool) {
        closeOpenField()
        let evidence = CatalogEvidence(file: file, record: recordNumber, line: recordLine)
        let (record, problems) = MARCRecordMapper.record(id: recordID, fields: fields, source: evidence)
        for problem in problems { add(problem) }
        if !complete {
            note(.warning, code: "marc.incomplete",
                 message: "record \(recordNumber)\(record.symbol.map { " (\($0))" } ?? "") has no end tag; kept with the fields read",
                 line: recordLine)
        }
        if record.symbol == nil { withoutSymbol += 1 }
        records.append(record)
        inRecord = false
        fields = []
    }

    /// Closes a record the file left open and adds the summary diagnostics.
    func finish() {
        if inRecord { finishRecord(complete: false) }
        if withoutSymbol > 0 {
            add(CatalogDiagnostic(
                .info, code: "marc.noSymbol",
                message: "\(withoutSymbol) record\(withoutSymbol == 1 ? " has" : "s have") no document symbol (191 $a): kept, but no document can be matched to \(withoutSymbol == 1 ? "it" : "them")",
                file: file), counted: false)
        }
        if entityNotes > Self.entityDeclarationsListed {
            add(CatalogDiagnostic(
                .error, code: "marc.entity",
                message: "\(entityNotes - Self.entityDeclarationsListed) more entity declarations, none expanded", file: file),
                counted: false)
        }
        if dropped > 0 {
            add(CatalogDiagnostic(.warning, code: "marc.xml", message: "\(dropped) more problem(s) not listed", file: file),
                counted: false)
        }
        if fatalErrors > 0, !records.isEmpty {
            add(CatalogDiagnostic(
                .error, code: "marc.malformed",
                message: "not well-formed XML (\(fatalErrors) error\(fatalErrors == 1 ? "" : "s")); libxml2 recovered \(records.count) record\(records.count == 1 ? "" : "s"), which may be incomplete",
                file: file), counted: false)
        }
    }

    // MARK: - Entities and errors

    /// A DOCTYPE naming an external DTD: noted; the DTD is not loaded (no external-subset
    /// handler), so nothing it declares applies.
    private func names(externalDTD systemID: String) {
        externalDTD = systemID
        note(.info, code: "marc.dtd", message: "the DOCTYPE names the DTD \"\(systemID)\"; it is not loaded", line: line)
    }

    /// An entity declaration: reported, never stored, so no reference to it is expanded.
    private func declared(entity name: String, system: String?) {
        declaredEntities.insert(name)
        entityNotes += 1
        guard entityNotes <= Self.entityDeclarationsListed else { return }
        let what = system.map { "the external entity '\(name)' (SYSTEM \"\($0)\")" } ?? "the entity '\(name)'"
        note(.error, code: "marc.entity",
             message: "the file declares \(what); undoc neither fetches nor expands entities, so references to it are left out",
             line: line)
    }

    private func report(_ error: xmlError) {
        let code = Int(error.code)
        let line = error.line > 0 ? Int(error.line) : nil
        let message = error.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "XML error \(code)"
        // Every entity reference but the five predefined ones and character references ends
        // here, declared or not: none is expanded, and what it stood for is missing.
        if code == Int(XML_ERR_UNDECLARED_ENTITY.rawValue) || code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue),
           let name = error.str1.map({ String(cString: $0) }) {
            let reference = message.hasPrefix("PEReference") ? "%\(name);" : "&\(name);"
            let why = declaredEntities.contains(name)
                ? "entities are not expanded"
                : externalDTD.map { "it is not declared in the file, and the DTD \"\($0)\" is not loaded" } ?? "it is not declared"
            note(.error, code: "marc.entity", message: "the reference \(reference) is left out (\(why))", line: line)
            return
        }
        let severity: Diagnostic.Severity
        switch error.level {
        case XML_ERR_WARNING: severity = .info
        case XML_ERR_ERROR: severity = .warning
        default:
            severity = .error
            fatalErrors += 1
        }
        note(severity, code: "marc.xml", message: message, line: line)
    }

    private func note(_ severity: Diagnostic.Severity, code: String, message: String, line: Int?) {
        add(CatalogDiagnostic(severity, code: code, message: message, file: file, line: line))
    }

    private func add(_ diagnostic: CatalogDiagnostic, counted: Bool = true) {
        if counted, diagnostics.count >= Self.diagnosticLimit {
            dropped += 1
            return
        }
        diagnostics.append(diagnostic)
    }

    // MARK: - libxml2 strings

    /// Elements of the MARC 21 slim namespace, or of no namespace (some exports leave it out).
    private static func isMARC(_ uri: UnsafePointer<xmlChar>?) -> Bool {
        guard let uri else { return true }
        return equals(uri, marcNamespace)
    }

    private static func equals(_ pointer: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    private static func equals(_ pointer: UnsafePointer<xmlChar>, _ string: String) -> Bool {
        strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), string) == 0
    }

    /// The value of the attribute `name` (no namespace) among SAX2's five-pointer tuples:
    /// local name, prefix, URI, value start, value end.
    private static func attribute(_ name: StaticString, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                  _ count: Int) -> String? {
        guard let attributes else { return nil }
        for index in 0..<count {
            let base = index * 5
            guard let local = attributes[base], equals(local, name), attributes[base + 2] == nil,
                  let start = attributes[base + 3], let end = attributes[base + 4]
            else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }
}
