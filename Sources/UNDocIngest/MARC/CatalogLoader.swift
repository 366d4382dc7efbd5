import Foundation
import UNDocModel

/// Loads the files given to `--catalog` into one catalogue: each may be a MARCXML export
/// of the UN Digital Library or an `undoc.catalog/1` JSON file written by `undoc
/// import-marc`; which one is told from the content, not the name.
public enum CatalogLoader {
    /// Merges the files in order. A file that gives no catalogue at all stops the load; the
    /// problems of the files that were read are in the catalogue's diagnostics.
    public static func load(_ paths: [String]) throws(CatalogLoadError) -> Catalog {
        var ignored: [CatalogDiagnostic] = []
        return try load(paths, found: &ignored)
    }

    /// The same, with `found` receiving the problems met in this load: those of the MARCXML
    /// files read and of the merge, not those a catalogue JSON carries from its import
    /// (they were reported then).
    public static func load(_ paths: [String], found: inout [CatalogDiagnostic]) throws(CatalogLoadError) -> Catalog {
        var catalog = Catalog()
        for path in paths {
            let before = catalog.diagnostics.count
            var carried: [CatalogDiagnostic] = []
            defer {
                found += catalog.diagnostics[before...].filter { !carried.contains($0) }
            }
            switch try kind(of: path) {
            case .json:
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: path))
                } catch {
                    throw CatalogLoadError(file: path, message: "cannot be read: \((error as NSError).localizedDescription)")
                }
                do {
                    let decoded = try JSONDecoder().decode(Catalog.self, from: data)
                    carried = decoded.diagnostics
                    catalog.merge(decoded)
                } catch {
                    throw CatalogLoadError(file: path, message: "is not an \(Catalog.schemaVersion) file (\(describe(error)))")
                }
            case .xml:
                do {
                    let result = try MARCReader.read(path: path)
                    catalog.add(result.records, from: path, format: .marcxml, diagnostics: result.diagnostics)
                } catch {
                    throw CatalogLoadError(file: path, message: error.reason)
                }
            }
        }
        return catalog
    }

    enum Kind { case json, xml }

    /// JSON when the first character after white space (and a byte-order mark) is "{", XML
    /// when it is "<".
    static func kind(of path: String) throws(CatalogLoadError) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CatalogLoadError(file: path, message: "no such file")
        }
        if isDirectory.boolValue { throw CatalogLoadError(file: path, message: "is a directory, not a catalogue file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CatalogLoadError(file: path, message: "cannot be read")
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        if let compression = MARCReader.compression(head) {
            throw CatalogLoadError(file: path, message: "is \(compression)-compressed: unpack it first")
        }
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        switch bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
        case UInt8(ascii: "{"): return .json
        case UInt8(ascii: "<"): return .xml
        case nil: throw CatalogLoadError(file: path, message: "is empty")
        default:
            throw CatalogLoadError(
                file: path, message: "is neither MARCXML nor an \(Catalog.schemaVersion) JSON file (it starts with neither < nor {)")
        }
    }

    /// A decoding error in a line: what is wrong and where.
    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return (error as NSError).localizedDescription }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "" : " at \(keys.joined(separator: "."))"
        }
        switch decoding {
        case .dataCorrupted(let context): return context.debugDescription + path(context)
        case .keyNotFound(let key, let context): return "\(key.stringValue) is missing\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return context.debugDescription + path(context)
        @unknown default: return "\(decoding)"
        }
    }
}

/// A catalogue file that could not be used at all.
public struct CatalogLoadError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "\(file): \(message)" }
}
