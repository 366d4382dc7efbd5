/// Why an index could not be opened, read or written. Each description is the one-line
/// message the CLI prints; those raised while writing say that nothing was changed.
public enum IndexError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A reader was given a file that does not exist.
    case noIndex(path: String)
    /// The file is not an SQLite database (a text file, a damaged header).
    case notADatabase(path: String)
    /// An SQLite database that is not an undoc index: it has tables of its own.
    case foreignDatabase(path: String)
    /// Written by an undoc whose schema is newer than this one's.
    case newerSchema(path: String, version: Int)
    /// An older schema that a reader cannot upgrade because it may not write.
    case olderSchema(path: String, version: Int, current: Int, reason: String)
    /// Another process holds the write lock longer than the wait allows.
    case busy(path: String)
    /// The database or its folder cannot be written.
    case readOnly(path: String, reason: String)
    /// The database cannot be opened or created at all.
    case cannotOpen(path: String, reason: String)
    /// The disk (or a size limit) filled up during a write; the transaction rolled back.
    case diskFull(path: String)
    /// An I/O error during a write; the transaction rolled back.
    case io(path: String, reason: String)
    /// SQLite reports the file as damaged.
    case corrupt(path: String, reason: String)
    /// SQLite's full-text search (FTS5) is missing from the SQLite undoc runs with.
    case noFullTextSearch(reason: String)
    /// A search query FTS5 cannot parse.
    case malformedQuery(query: String, reason: String)
    /// What `show` was asked for is not in the index; the message says what is.
    case notFound(String)
    /// Any other SQLite error.
    case sqlite(path: String, reason: String)

    public var description: String {
        switch self {
        case .noIndex(let path):
            "\(path): no such index; build it with `undoc index PATH... --db \(path)`"
        case .notADatabase(let path):
            "\(path) is not an undoc index: it is not an SQLite database; give the file `undoc index` wrote, or a new file name"
        case .foreignDatabase(let path):
            "\(path) is an SQLite database but not an undoc index (it has tables of its own); give another --db"
        case .newerSchema(let path, let version):
            "\(path) was written by a newer undoc (schema \(version)); upgrade undoc"
        case .olderSchema(let path, let version, let current, let reason):
            "\(path) has schema \(version), older than this undoc's \(current), and cannot be upgraded here (\(reason)); run `undoc index` on it where it can be written"
        case .busy(let path):
            "another undoc index is writing \(path); try again (or wait longer with --wait SECONDS)"
        case .readOnly(let path, let reason):
            "\(path): cannot write the index: \(reason); nothing was changed (give a --db in a writable folder)"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the index: \(reason)"
        case .diskFull(let path):
            "\(path): the disk is full; the index run was rolled back and nothing was changed (free some space and run it again)"
        case .io(let path, let reason):
            "\(path): input/output error (\(reason)); the index run was rolled back and nothing was changed"
        case .corrupt(let path, let reason):
            "\(path) is damaged (\(reason)); delete it and index again"
        case .noFullTextSearch(let reason):
            "the SQLite undoc runs with has no full-text search (FTS5): \(reason); install an SQLite built with FTS5 (Debian's libsqlite3 has it)"
        case .malformedQuery(let query, let reason):
            "cannot search for \(query): \(reason); put phrases and words with punctuation in double quotes (\"decision 3/2\"), and use AND, OR, NOT, NEAR(…) and prefix* as FTS5 does"
        case .notFound(let message):
            message
        case .sqlite(let path, let reason):
            "\(path): \(reason)"
        }
    }
}
