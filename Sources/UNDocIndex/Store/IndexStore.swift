import Foundation
import GRDB

/// An open session index: one SQLite file (plus its `-wal` and `-shm` companions while in
/// use) in WAL mode, so readers keep reading the last committed index while a writer
/// works, and a second writer waits for the lock or fails with `IndexError.busy`.
public final class IndexStore: Sendable {
    /// How the index is opened.
    public enum Access: Sendable {
        /// Read only; the file must exist. An older schema is upgraded when the file can be
        /// written, else refused.
        case read
        /// Read and write; the file is created when missing. `wait` is how many seconds to
        /// wait for another writer before giving up.
        case write(wait: Double)
    }

    /// The path as given.
    public let path: String
    /// Maps file paths to the form stored in the index and back.
    public let paths: StoredPaths
    let queue: DatabaseQueue

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
        paths = StoredPaths(databasePath: path)
    }

    /// Opens (or, for writing, creates) the index at `path`, checking that it is an undoc
    /// index of a schema this binary knows and upgrading an older one.
    public static func open(path: String, access: Access) throws(IndexError) -> IndexStore {
        try open(path: path, access: access, prepare: nil)
    }

    /// `prepare` runs on every new connection (tests use it to cap the file's size).
    static func open(path: String, access: Access, prepare: (@Sendable (Database) throws -> Void)?) throws(IndexError) -> IndexStore {
        switch access {
        case .read:
            return try openForReading(path)
        case .write(let wait):
            return try openForWriting(path, wait: wait, prepare: prepare)
        }
    }

    private static func openForWriting(_ path: String, wait: Double,
                                       prepare: (@Sendable (Database) throws -> Void)? = nil) throws(IndexError) -> IndexStore {
        try createIfMissing(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(max(wait, 0))
        configuration.label = "undoc.index"
        if let prepare { configuration.prepareDatabase(prepare) }
        let store = try attempt(path) { IndexStore(path: path, queue: try DatabaseQueue(path: path, configuration: configuration)) }
        let state = try store.checkSchema()
        let deadline = Date().addingTimeInterval(max(wait, 0))
        try store.retryingWhileBusy(until: deadline) { () throws(IndexError) in
            try store.attempt {
                try store.queue.inDatabase { db in
                    // WAL: readers see the last commit while a writer works. NORMAL sync is
                    // what SQLite recommends with WAL (a power cut may lose the last commit,
                    // never corrupt the file).
                    _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                }
            }
        }
        // Only when needed: migrating takes the write lock, which another writer may hold.
        if state.version < IndexSchema.version {
            try store.retryingWhileBusy(until: deadline) { () throws(IndexError) in try store.migrate() }
        }
        return store
    }

    /// Runs `body` again while another writer holds the lock, until `deadline`. SQLite's busy
    /// timeout does not cover every case: a connection that must turn a read lock into a
    /// write lock (as a migration that first reads what is applied does) gets SQLITE_BUSY at
    /// once, since waiting could deadlock. Two writers opening a new file meet exactly there.
    private func retryingWhileBusy(until deadline: Date, _ body: () throws(IndexError) -> Void) throws(IndexError) {
        while true {
            do {
                return try body()
            } catch {
                guard case .busy = error, Date() < deadline else { throw error }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    private static func openForReading(_ path: String) throws(IndexError) -> IndexStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .noIndex(path: path) }
        if isDirectory.boolValue { throw .cannotOpen(path: path, reason: "is a directory") }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        configuration.label = "undoc.index.read"
        let store = try attempt(path) { IndexStore(path: path, queue: try DatabaseQueue(path: path, configuration: configuration)) }
        let state = try store.checkSchema()
        if state.version < IndexSchema.version {
            // An older index: upgrade it if the file can be written, then read on.
            do {
                _ = try openForWriting(path, wait: 5)
            } catch {
                throw .olderSchema(path: path, version: state.version, current: IndexSchema.version, reason: error.description)
            }
        }
        return store
    }

    /// Creates a missing database file with open(2), so that a folder that cannot be
    /// written is reported with the system's reason rather than SQLite's "unable to open".
    private static func createIfMissing(_ path: String) throws(IndexError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .cannotOpen(path: path, reason: "is a directory") }
            return
        }
        let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        let code = errno
        if code == EEXIST { return }
        let reason = String(cString: strerror(code))
        let folder = (path as NSString).deletingLastPathComponent
        switch code {
        case EACCES, EPERM, EROFS:
            throw .readOnly(path: path, reason: "\(reason) (cannot create a file in \(folder.isEmpty ? "." : folder))")
        case ENOSPC, EDQUOT:
            throw .diskFull(path: path)
        case ENOENT:
            throw .cannotOpen(path: path, reason: "the folder \(folder) does not exist")
        default:
            throw .cannotOpen(path: path, reason: reason)
        }
    }

    // MARK: - Schema

    struct SchemaState {
        /// Version of the newest migration applied (0 for a new, empty database).
        var version: Int
    }

    /// Refuses what is not an undoc index or was written by a newer undoc.
    @discardableResult
    func checkSchema() throws(IndexError) -> SchemaState {
        let path = self.path
        let (tables, applied) = try attempt {
            try queue.inDatabase { db -> (Set<String>, Set<String>) in
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                let applied = tables.contains("grdb_migrations")
                    ? try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") : []
                return (tables, applied)
            }
        }
        if !tables.isEmpty, tables.isDisjoint(with: IndexSchema.ownTables) { throw .foreignDatabase(path: path) }
        let known = Set(IndexSchema.migrations.map(\.identifier))
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty {
            let version = unknown.compactMap(IndexSchema.version(of:)).max() ?? IndexSchema.version + 1
            throw .newerSchema(path: path, version: max(version, IndexSchema.version + 1))
        }
        let version = IndexSchema.migrations.enumerated().last { applied.contains($0.element.identifier) }.map { $0.offset + 1 } ?? 0
        return SchemaState(version: version)
    }

    /// Applies missing migrations. Two writers opening a new file at once may both try;
    /// the one that loses finds the work done.
    private func migrate() throws(IndexError) {
        let migrator = IndexSchema.migrator
        do {
            try migrator.migrate(queue)
        } catch {
            let done = (try? queue.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
            if done { return }
            if let database = error as? DatabaseError, database.message?.contains("fts5") == true {
                throw .noFullTextSearch(reason: database.message ?? "\(database)")
            }
            throw IndexError(error, path: path)
        }
    }

    // MARK: - Access

    /// Runs `body` with a connection, mapping SQLite's errors to `IndexError`.
    func attempt<T>(_ body: () throws -> T) throws(IndexError) -> T {
        try Self.attempt(path, body)
    }

    static func attempt<T>(_ path: String, _ body: () throws -> T) throws(IndexError) -> T {
        do {
            return try body()
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError(error, path: path)
        }
    }

    /// Reads in one transaction: a consistent view even while a writer commits.
    public func read<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        try attempt { try queue.read { db in try body(db) } }
    }

    /// Runs `body` on the connection without opening a transaction (the index writer
    /// opens its own).
    func withConnection<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        try attempt { try queue.inDatabase { db in try body(db) } }
    }
}

extension IndexError {
    /// Maps an SQLite error to what the user should be told.
    init(_ error: any Error, path: String) {
        guard let database = error as? DatabaseError else {
            if let own = error as? IndexError {
                self = own
            } else {
                self = .sqlite(path: path, reason: "\(error)")
            }
            return
        }
        let reason = database.message ?? "SQLite error \(database.resultCode.rawValue)"
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_NOTADB: self = .notADatabase(path: path)
        case .SQLITE_FULL: self = .diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: self = .readOnly(path: path, reason: reason)
        case .SQLITE_CANTOPEN: self = .cannotOpen(path: path, reason: reason)
        case .SQLITE_IOERR: self = .io(path: path, reason: reason)
        case .SQLITE_CORRUPT: self = .corrupt(path: path, reason: reason)
        default: self = .sqlite(path: path, reason: reason)
        }
    }
}
