import CLibXML2
import Foundation
import UNDocModel

/// Reads an HTML page (a UN web page or an HTML export of a UN document) with libxml2's
/// HTML parser into the normalised text form: headings marked `#`, one paragraph a line,
/// `<sup>` footnote markers and notes kept as `<sup>N</sup>`, table rows with tabs.
///
/// The parser runs with no network access and without loading or expanding any external
/// entity or DTD (HTML_PARSE_NONET; never XML_PARSE_NOENT or XML_PARSE_DTDLOAD): an
/// XHTML page that declares entities gets them neither fetched nor expanded.
enum HTMLReader {
    /// libxml2 must be set up once, before threads parse at the same time.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func read(_ raw: [UInt8], name: String) throws(InputError) -> SourceText {
        _ = initialized
        var notes: [Diagnostic] = []
        let raw = withoutInternalSubset(raw, notes: &notes)
        let errors = HTMLErrors()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        // Pages that are valid UTF-8 are read as UTF-8 (libxml2 would assume Latin-1
        // without a charset declaration); others follow their declaration.
        let encoding: String? = isUTF8(raw) ? "UTF-8" : nil
        let text: [UInt8]? = errors.collect {
            guard let context = htmlNewParserCtxt() else { return nil }
            defer { htmlFreeParserCtxt(context) }
            let document = raw.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    htmlCtxtReadMemory(context, base, Int32(buffer.count), name, encoding, options)
                }
            }
            guard let document else { return nil }
            defer { xmlFreeDoc(document) }
            var builder = HTMLTextBuilder()
            if let root = xmlDocGetRootElement(document) { builder.visit(root) }
            return builder.finish()
        }
        guard let text else { throw .unreadable("libxml2 could not parse it as HTML") }
        if !text.contains(where: { $0 != 0x0A && $0 != 0x20 && $0 != 0x23 }) { throw .noText("an HTML page") }
        let (bytes, decoding) = UTF8Decoder.decode(text)
        return SourceText(name: name, format: "html", bytes: bytes, diagnostics: decoding + notes + errors.diagnostics)
    }

    /// The bytes without the internal subset of a DOCTYPE (`<!DOCTYPE html [ <!ENTITY …> ]>`).
    /// The HTML parser would neither fetch nor expand its entities anyway, but it would
    /// show the declarations as text; an XHTML page has no business declaring entities.
    static func withoutInternalSubset(_ raw: [UInt8], notes: inout [Diagnostic]) -> [UInt8] {
        let head = raw.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let doctype = Array("<!doctype".utf8)
        guard let start = (0..<max(0, head.count - doctype.count)).first(where: { Array(head[$0..<($0 + doctype.count)]) == doctype })
        else { return raw }
        var index = start + doctype.count
        while index < raw.count, raw[index] != 0x3E, raw[index] != 0x5B { index += 1 }
        guard index < raw.count, raw[index] == 0x5B else { return raw }
        let open = index
        // The subset ends at "]" followed by optional spaces and ">"; quoted text may hold either.
        var quote: UInt8 = 0
        index += 1
        while index < raw.count {
            let byte = raw[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x5D {
                var after = index + 1
                while after < raw.count, raw[after] == 0x20 || raw[after] == 0x0A || raw[after] == 0x0D || raw[after] == 0x09 {
                    after += 1
                }
                if after < raw.count, raw[after] == 0x3E {
                    notes.append(Diagnostic(.warning, code: "html.entities",
                                            message: "the DOCTYPE declares entities or other markup; ignored (nothing is fetched or expanded)"))
                    return Array(raw[..<open]) + Array(raw[after...])
                }
            }
            index += 1
        }
        return raw
    }

    private static func isUTF8(_ raw: [UInt8]) -> Bool {
        String(validating: raw, as: UTF8.self) != nil
    }
}
