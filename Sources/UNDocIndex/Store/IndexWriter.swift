import Foundation
import GRDB
import UNDocGraph
import UNDocIngest
import UNDocModel
import UNDocParser

/// Brings an index up to date with a set of files and folders, in one write transaction:
/// new and changed files (by content hash, or by the symbol and date a manifest gives
/// them) are parsed in parallel and stored, files that are gone from under the paths given
/// are removed, and the graph is rebuilt from every document's stored facts. An error or an
/// interruption before the commit leaves the previous index exactly as it was.
public struct IndexWriter: Sendable {
    /// The parser (its grammars).
    public var parser: DocumentParser
    /// Reads the files (size limit, formats).
    public var reader: InputReader
    /// Symbols and dates for files that do not print them.
    public var manifest: Manifest
    /// How many files to parse at once.
    public var jobs: Int
    /// Identifies the parser (undoc's version and any grammar overrides): when it differs
    /// from the one that wrote the index, every file is parsed again.
    public var parserKey: String
    /// Parse every file again even when it has not changed.
    public var reparseAll: Bool
    /// The library catalogue (`--catalog`): fills the metadata documents do not print and
    /// names the documents they cite. Give its identity in `parserKey` too, so that a
    /// changed catalogue has every file parsed again.
    public var catalog: Catalog?

    /// A writer that parses with `parser`; see the properties.
    public init(parser: DocumentParser, reader: InputReader, manifest: Manifest = Manifest(), jobs: Int,
                parserKey: String, reparseAll: Bool = false, catalog: Catalog? = nil) {
        self.parser = parser
        self.reader = reader
        self.manifest = manifest
        self.jobs = max(1, jobs)
        self.parserKey = parserKey
        self.reparseAll = reparseAll
        self.catalog = catalog
    }

    /// What an index run is doing, for a progress display.
    public enum Progress: Sendable {
        case scanning(done: Int, total: Int)
        case waitingForLock
        case parsing(done: Int, total: Int)
        case removing(count: Int)
        case buildingGraph(documents: Int)
        case committing
    }

    /// Indexes `paths` (files and folders) into `store`. Files that cannot be read are
    /// passed to `failure` and skipped: a file indexed before keeps its previous entry,
    /// except one that no longer exists, which is removed.
    public func index(_ paths: [String], into store: IndexStore, progress: (@Sendable (Progress) -> Void)? = nil,
                      failure: ((FileError) -> Void)? = nil) throws(IndexError) -> IndexReport {
        let started = Date()
        let storedPaths = store.paths
        // Hash before taking the write lock: it needs no database, and a second writer
        // waits for less time.
        let scanned = FileScan.scan(paths, storedPaths: storedPaths, manifest: manifest, jobs: jobs) { done, all in
            if done % 64 == 0 || done == all { progress?(.scanning(done: done, total: all)) }
        }
        var report = IndexReport()
        report.files = scanned.count
        var readable: [ScannedFile] = []
        var missing = Set<String>()
        for result in scanned {
            switch result {
            case .success(let file): readable.append(file)
            case .failure(let error):
                failure?(error)
                report.failed += 1
                if error.error == .notFound { missing.insert(storedPaths.stored(error.file)) }
            }
        }
        let roots = paths.map(StoredPaths.absolute)
        var clock = Clock()
        report.timings.scan = clock.lap(since: started)
        progress?(.waitingForLock)
        try store.withConnection { db in
            // IMMEDIATE: take the write lock now (waiting up to the busy timeout), so the
            // files to parse are decided against the index as it will be written.
            try db.inTransaction(.immediate) {
                report.timings.lock = clock.lap()
                try run(db, store: store, readable: readable, missing: missing, roots: roots, report: &report,
                        progress: progress, failure: failure)
                progress?(.committing)
                clock = Clock()
                return .commit
            }
        }
        report.timings.commit = clock.lap()
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func run(_ db: Database, store: IndexStore, readable: [ScannedFile], missing: Set<String>, roots: [String],
                     report: inout IndexReport, progress: (@Sendable (Progress) -> Void)?, failure: ((FileError) -> Void)?) throws {
        // A large page cache for the run: the full-text index and the B-trees are written
        // all over; with SQLite's default 2 MB, pages would be spilled to the WAL and read
        // back many times over.
        try db.execute(sql: "PRAGMA cache_size = -262144")
        let plan = try Plan(db, readable: readable, missing: missing, roots: roots, paths: store.paths,
                            reparse: reparseAll, parserKey: parserKey)
        report.unchanged = readable.count - plan.toParse.count
        let indexedAt = ISO8601DateFormatter().string(from: Date())
        let factsChanged = try storeParsed(plan, indexedAt: indexedAt, db, report: &report, progress: progress, failure: failure)

        var clock = Clock()
        if !plan.gone.isEmpty { progress?(.removing(count: plan.gone.count)) }
        for (_, id) in plan.gone.sorted(by: { $0.key < $1.key }) { try RowWriter.delete(documentID: id, db) }
        report.removed = plan.gone.count
        report.timings.remove = clock.lap()

        let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
        let graphIsEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM nodes") == 0
        if report.added + report.removed > 0 || factsChanged || plan.parserChanged || (graphIsEmpty && documents > 0) {
            progress?(.buildingGraph(documents: documents))
            let graph = try GraphRebuild.run(db, jobs: jobs, catalog: catalog)
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('nodes', ?), ('edges', ?)",
                           arguments: [String(graph.nodes), String(graph.edges)])
            report.graphRebuilt = true
            report.timings.graphLoad = graph.load
            report.timings.graphBuild = graph.build
            report.timings.graphWrite = graph.write
        }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('parser', ?), ('indexedAt', ?)",
                       arguments: [parserKey, indexedAt])
        report.documents = documents
        report.nodes = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'nodes'").flatMap { Int($0) } ?? 0
        report.edges = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'edges'").flatMap { Int($0) } ?? 0
    }

    /// What a run must do, decided against the index as it is once the write lock is held.
    struct Plan {
        /// Stored path → row id and what decides whether the file changed.
        var existing: [String: (id: Int64, hash: String, symbol: String?, date: String?)] = [:]
        /// New and changed files.
        var toParse: [ScannedFile] = []
        /// Stored path → row id of documents whose file is gone from under the paths given.
        var gone: [String: Int64] = [:]
        /// The index was written with another parser key (another version, grammars or
        /// catalogue): the graph is rebuilt even if no document's facts changed, since the
        /// catalogue also names the documents they cite.
        var parserChanged = false

        init(_ db: Database, readable: [ScannedFile], missing: Set<String>, roots: [String], paths: StoredPaths,
             reparse: Bool, parserKey: String) throws {
            let previousKey = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'parser'")
            parserChanged = previousKey != nil && previousKey != parserKey
            let reparseAll = reparse || parserChanged
            for row in try Row.fetchAll(db, sql: "SELECT id, file, hash, givenSymbol, givenDate FROM documents") {
                existing[row["file"]] = (row["id"], row["hash"], row["givenSymbol"], row["givenDate"])
            }
            toParse = readable.filter { file in
                guard let old = existing[file.stored], !reparseAll else { return true }
                return old.hash != file.hash || old.symbol != file.givenSymbol || old.date != file.givenDate
            }
            let found = Set(readable.map(\.stored))
            for (stored, old) in existing where !found.contains(stored) {
                let absolute = paths.absolute(stored)
                let underRoots = roots.contains { StoredPaths.file(absolute, isUnder: $0) }
                if missing.contains(stored) || (underRoots && !FileManager.default.fileExists(atPath: absolute)) {
                    gone[stored] = old.id
                }
            }
        }
    }

    /// Parses the new and changed files (alongside, on worker threads) and stores them;
    /// returns whether the facts of any file indexed before changed.
    private func storeParsed(_ plan: Plan, indexedAt: String, _ db: Database, report: inout IndexReport,
                       progress: (@Sendable (Progress) -> Void)?, failure: ((FileError) -> Void)?) throws -> Bool {
        let total = plan.toParse.count
        var done = 0
        var factsChanged = false
        progress?(.parsing(done: 0, total: total))
        let pipeline = ParsePipeline(files: plan.toParse, chunk: max(jobs * 8, 16), jobs: jobs) { file in parse(file) }
        var clock = Clock()
        do {
            // Text waiting to enter the full-text index: it goes in by batches of several
            // megabytes, as each INSERT into FTS5 writes a segment that must later be merged.
            var mark: Int64?
            var pendingText = 0
            while let parsed = pipeline.next() {
                report.timings.parseWait += clock.lap()
                if mark == nil { mark = try RowWriter.lastElementID(db) }
                for result in parsed {
                    switch result {
                    case .success(var document):
                        if let old = plan.existing[document.file.stored] {
                            // The graph must be rebuilt only if what the file says changed; if
                            // not, the document keeps the node the last rebuild gave it.
                            let previous = try Row.fetchOne(db, sql: "SELECT facts, node FROM documents WHERE id = ?",
                                                            arguments: [old.id])
                            if previous?["facts"] != document.facts {
                                factsChanged = true
                            } else if let node = previous?["node"] as String? {
                                document.node = node
                            }
                            try RowWriter.delete(documentID: old.id, db)
                            report.updated += 1
                        } else {
                            report.added += 1
                        }
                        try RowWriter.insert(document, indexedAt: indexedAt, db)
                        pendingText += document.textBytes
                    case .failure(let error):
                        failure?(error)
                        report.failed += 1
                    }
                }
                report.timings.write += clock.lap()
                if let from = mark, pendingText >= 16 << 20 {
                    try RowWriter.indexText(after: from, db)
                    (mark, pendingText) = (nil, 0)
                    report.timings.fullText += clock.lap()
                }
                done += parsed.count
                progress?(.parsing(done: done, total: total))
            }
            if let from = mark {
                try RowWriter.indexText(after: from, db)
                report.timings.fullText += clock.lap()
            }
        } catch {
            pipeline.cancel()
            throw error
        }
        return factsChanged
    }

    /// Reads and parses one file into its rows (on a worker thread).
    private func parse(_ file: ScannedFile) -> Result<IndexedDocument, FileError> {
        do {
            let source = try reader.read(path: file.path)
            // A manifest's symbol, else the one a PDF prints on its masthead.
            var document = parser.parse(source, symbol: file.givenSymbol ?? source.printedSymbol)
            if let date = file.givenDate { document.metadata.issueDate = date }
            if let catalog { CatalogEnricher.enrich(&document, from: catalog) }
            return .success(try IndexedDocument(document: document, file: file))
        } catch let error as FileError {
            return .failure(error)
        } catch {
            return .failure(FileError(file: file.path, error: .unreadable("\(error)")))
        }
    }
}
