import UNDocModel

/// Why a MARCXML file gave no catalogue at all. A file that gave records, even with
/// errors, is not an error: its problems are in the result's diagnostics.
public enum MARCError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound(file: String)
    case isDirectory(file: String)
    case unreadable(file: String, reason: String)
    /// gzip or zip data: the export must be unpacked first.
    case compressed(file: String, kind: String)
    /// Read to the end without finding one `<record>`; `reason` says what was found instead
    /// (libxml2's first error, an HTML page, an empty collection).
    case noRecords(file: String, reason: String, diagnostics: [CatalogDiagnostic])

    public var file: String {
        switch self {
        case .notFound(let file), .isDirectory(let file), .unreadable(let file, _), .compressed(let file, _),
             .noRecords(let file, _, _):
            file
        }
    }

    /// The problems libxml2 reported before giving up, for `noRecords`.
    public var diagnostics: [CatalogDiagnostic] {
        if case .noRecords(_, _, let diagnostics) = self { return diagnostics }
        return []
    }

    /// What is wrong, without the file name.
    public var reason: String {
        switch self {
        case .notFound: "no such file"
        case .isDirectory: "is a directory, not a MARCXML file"
        case .unreadable(_, let reason): "cannot be read: \(reason)"
        case .compressed(_, let kind): "is \(kind)-compressed: unpack it first (undoc reads the MARCXML itself)"
        case .noRecords(_, let reason, _): "no MARC record found: \(reason)"
        }
    }

    public var description: String { "\(file): \(reason)" }
}
