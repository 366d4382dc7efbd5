import CLibXML2
import Foundation
import UNDocModel

/// One XML part of a Word document (word/document.xml, word/numbering.xml, …) parsed by
/// libxml2, and freed with it.
///
/// The parser runs without network access (XML_PARSE_NONET) and never loads a DTD or
/// substitutes entities (no XML_PARSE_DTDLOAD, no XML_PARSE_NOENT; XML_PARSE_HUGE stays
/// off, so libxml2 keeps its limits on depth and text size). Word never writes a DOCTYPE
/// (the package format forbids DTDs), so a part that declares one is refused before it is
/// parsed: its entities are neither fetched (XXE) nor expanded (billion laughs).
final class WordXMLDocument {
    private let document: xmlDocPtr
    let part: String
    /// libxml2's complaints about a part it could recover.
    let diagnostics: [Diagnostic]

    /// libxml2 must be set up once, before threads parse at the same time.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    private init(document: xmlDocPtr, part: String, diagnostics: [Diagnostic]) {
        self.document = document
        self.part = part
        self.diagnostics = diagnostics
    }

    deinit {
        xmlFreeDoc(document)
    }

    var root: XMLElement? {
        xmlDocGetRootElement(document).map(XMLElement.init)
    }

    static func parse(_ bytes: [UInt8], part: String) throws(InputError) -> WordXMLDocument {
        _ = initialized
        if declaresDocumentType(bytes) {
            throw .wordDocumentType(part: part)
        }
        guard !bytes.isEmpty else { throw .damagedWord("\(part) is empty") }
        guard bytes.count <= Int(Int32.max) else { throw .damagedWord("\(part) is too large to parse") }
        let errors = WordXMLErrors(part: part)
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_NOWARNING.rawValue)
        let document: xmlDocPtr? = errors.collect {
            guard let context = xmlNewParserCtxt() else { return nil }
            defer { xmlFreeParserCtxt(context) }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), part, nil, options)
                }
            }
        }
        guard let document else {
            throw .damagedWord("\(part) is not well-formed XML" + (errors.firstError.map { " (\($0))" } ?? ""))
        }
        // A DOCTYPE the byte scan missed (an unusual encoding): libxml2 has recorded it,
        // without loading or expanding anything; refuse the part all the same.
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            xmlFreeDoc(document)
            throw .wordDocumentType(part: part)
        }
        let parsed = WordXMLDocument(document: document, part: part, diagnostics: errors.diagnostics)
        if parsed.root == nil { throw .damagedWord("\(part) has no root element") }
        return parsed
    }

    /// Whether the prolog (what comes before the root element) holds `<!DOCTYPE`. NUL bytes
    /// are skipped, so the scan also reads UTF-16 parts; comments and processing
    /// instructions are passed over.
    static func declaresDocumentType(_ bytes: [UInt8]) -> Bool {
        let keyword = Array("DOCTYPE".utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Bool in
            var index = 0
            // The next non-NUL byte at or after `index`.
            func next(_ from: inout Int) -> UInt8? {
                while from < buffer.count, buffer[from] == 0 { from += 1 }
                guard from < buffer.count else { return nil }
                defer { from += 1 }
                return buffer[from]
            }
            while let byte = next(&index) {
                guard byte == 0x3C else { continue }  // "<"
                guard let kind = next(&index) else { return false }
                if kind == 0x3F {  // "<?…?>"
                    var previous: UInt8 = 0
                    while let b = next(&index), !(previous == 0x3F && b == 0x3E) { previous = b }
                    continue
                }
                guard kind == 0x21 else { return false }  // the root element: the prolog is over
                var probe = index
                let first = next(&probe)
                if first == 0x2D {  // "<!--…-->"
                    var dashes = 0
                    while let b = next(&index) {
                        if b == 0x3E, dashes >= 2 { break }
                        dashes = b == 0x2D ? dashes + 1 : 0
                    }
                    continue
                }
                var matched = first.map { $0 & 0xDF } == keyword[0]
                var position = 1
                while matched, position < keyword.count {
                    matched = next(&probe).map { $0 & 0xDF } == keyword[position]
                    position += 1
                }
                return matched
            }
            return false
        }
    }
}
