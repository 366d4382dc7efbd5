import CLibXML2
import Foundation
import UNDocModel

/// What one MARCXML file gave: its records, in file order, and the problems met.
public struct MARCReadResult: Sendable {
    public var records: [CatalogRecord]
    public var diagnostics: [CatalogDiagnostic]

    /// True when the file was read without error: well-formed XML, no entity left out.
    /// Warnings (a record without a symbol, an odd date) do not count.
    public var isComplete: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// Reads the MARCXML that the UN Digital Library exports (`<collection><record>…` in the
/// MARC 21 slim namespace, or with no namespace) into catalogue records.
///
/// The file is streamed through libxml2's SAX2 push parser, a megabyte at a time, and only
/// the fields a `CatalogRecord` uses are kept, so an export of hundreds of megabytes needs
/// memory for its records, not for its XML.
///
/// The parser never reaches outside the file: XML_PARSE_NONET, and neither
/// XML_PARSE_NOENT nor XML_PARSE_DTDLOAD; the SAX handler resolves no entity and loads no
/// external subset. An entity a file declares (`<!ENTITY x SYSTEM "file:///etc/passwd">`,
/// or the nested entities of a "billion laughs") is reported, never fetched or expanded,
/// and its references are left out. Malformed XML is read in libxml2's recovery mode: the
/// records it can recover are kept and its errors become diagnostics.
public enum MARCReader {
    /// Bytes handed to libxml2 at a time.
    static let chunkSize = 1 << 20

    /// libxml2 must be set up once, before threads parse at the same time.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Reads the file at `path`; `name` (default: the path) is how records and diagnostics
    /// name it.
    public static func read(path: String, name: String? = nil) throws(MARCError) -> MARCReadResult {
        let name = name ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(file: name) }
        if isDirectory.boolValue { throw .isDirectory(file: name) }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: name, reason: (error as NSError).localizedDescription)
        }
        defer { try? handle.close() }
        return try read(handle: handle, name: name)
    }

    /// Reads from an open file or pipe (standard input) to its end.
    public static func read(handle: FileHandle, name: String) throws(MARCError) -> MARCReadResult {
        var readFailure: String?
        let result = try parse(name: name) {
            do {
                return try handle.read(upToCount: chunkSize).map { [UInt8]($0) } ?? []
            } catch {
                readFailure = (error as NSError).localizedDescription
                return []
            }
        }
        if let readFailure { throw .unreadable(file: name, reason: readFailure) }
        return result
    }

    /// Reads MARCXML held in memory.
    public static func read(bytes: [UInt8], name: String) throws(MARCError) -> MARCReadResult {
        var offset = 0
        return try parse(name: name) {
            let end = min(offset + chunkSize, bytes.count)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    /// Feeds the chunks `next` returns (an empty one ends the input) to a push parser.
    private static func parse(name: String, next: () -> [UInt8]) throws(MARCError) -> MARCReadResult {
        _ = initialized
        var chunk = next()
        if let kind = compression(chunk) { throw .compressed(file: name, kind: kind) }
        let head = chunk.prefix(2048)
        let state = MARCParseState(file: name)
        var handler = MARCParseState.handler()
        let userData = Unmanaged.passUnretained(state).toOpaque()
        let context: xmlParserCtxtPtr? = withExtendedLifetime(state) {
            xmlCreatePushParserCtxt(&handler, userData, nil, 0, name)
        }
        guard let context else { throw .unreadable(file: name, reason: "libxml2 could not start a parser") }
        defer {
            // In SAX mode libxml2 keeps the entity declarations it saw in a document of its own.
            if let document = context.pointee.myDoc {
                xmlFreeDoc(document)
                context.pointee.myDoc = nil
            }
            xmlFreeParserCtxt(context)
        }
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        state.context = context
        withExtendedLifetime(state) {
            while !chunk.isEmpty {
                chunk.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                        _ = xmlParseChunk(context, base, Int32(buffer.count), 0)
                    }
                }
                if context.pointee.disableSAX != 0 { break }
                chunk = next()
            }
            _ = xmlParseChunk(context, nil, 0, 1)
        }
        state.finish()
        guard !state.records.isEmpty else {
            throw .noRecords(file: name, reason: reasonForNoRecords(state, head: Array(head)), diagnostics: state.diagnostics)
        }
        return MARCReadResult(records: state.records, diagnostics: state.diagnostics)
    }

    /// "gzip" or "zip" when the data starts with their signature.
    static func compression(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x1F, 0x8B]) { return "gzip" }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "zip" }
        return nil
    }

    /// Why a file held no record, in the words most useful to whoever gave it.
    static func reasonForNoRecords(_ state: MARCParseState, head: [UInt8]) -> String {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.allSatisfy(\.isWhitespace) { return "the file is empty" }
        if text.contains("<html") || text.contains("<!doctype html") {
            return "it is an HTML page, not a MARCXML export (export the records as MARCXML from digitallibrary.un.org)"
        }
        if let firstError = state.diagnostics.first(where: { $0.code == "marc.xml" && $0.severity == .error }) {
            return "it is not well-formed XML (\(firstError.message))"
        }
        if state.sawCollection {
            return "the <collection> holds no <record>"
        }
        return "no <record> element in the MARC 21 slim format (http://www.loc.gov/MARC21/slim) was found"
    }
}
