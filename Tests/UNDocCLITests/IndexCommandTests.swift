import Foundation
import GRDB
import Testing
import UNDocIndex

/// `undoc index`, `search`, `show` and `session` run as a document officer would.
@Suite("undoc index, search, show and session")
struct IndexCommandTests {
    /// A new index of the corpus with its manifest.
    func corpusIndex() throws -> String {
        let db = try CLI.temporaryDirectory().appendingPathComponent("session.db").path
        let result = try CLI.run(["index", "Corpus", "--manifest", "Corpus/manifest.tsv", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    @Test("index the corpus, then again: the second run parses nothing")
    func indexTwice() throws {
        let db = try CLI.temporaryDirectory().appendingPathComponent("session.db").path
        let first = try CLI.run(["index", "Corpus", "--manifest", "Corpus/manifest.tsv", "--db", db])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("\(db): 3 documents (3 added, 0 updated, 0 unchanged, 0 removed); graph "))
        // Piped: no progress bar on standard error.
        #expect(first.stderr.isEmpty)
        let second = try CLI.run(["index", "Corpus", "--manifest", "Corpus/manifest.tsv", "--db", db, "--format", "json"])
        #expect(second.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any]
        #expect(report?["unchanged"] as? Int == 3 && report?["added"] as? Int == 0 && report?["graphRebuilt"] as? Bool == false)
    }

    @Test("search: text with the symbol, element and highlighted snippet; JSON; filters; a malformed query is exit 2")
    func search() throws {
        let db = try corpusIndex()
        let text = try CLI.run(["search", "extradition", "--db", db, "--kind", "decision", "--symbol-prefix", "CTOC/COP",
                                "--year", "2006", "--limit", "3"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("CTOC/COP/2006/14#dec-3/2."))
        #expect(text.stdout.contains("**extradition**"))
        #expect(text.stderr.contains("more results than --limit 3 shows"))
        let json = try CLI.run(["search", "extradition", "--db", db, "--format", "json", "--year", "2006"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "undoc.search/1")
        let hits = object?["hits"] as? [[String: Any]] ?? []
        #expect(!hits.isEmpty && hits.allSatisfy { ($0["snippet"] as? String)?.contains("**") == true })
        #expect(hits.allSatisfy { $0["symbol"] as? String == "CTOC/COP/2006/14" })
        let malformed = try CLI.run(["search", "\"decision 3/2", "--db", db])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("cannot search for \"decision 3/2"))
        let badKind = try CLI.run(["search", "x", "--db", db, "--kind", "chapter"])
        #expect(badKind.status == 2)
    }

    @Test("show a document and an element, text and JSON")
    func show() throws {
        let db = try corpusIndex()
        let document = try CLI.run(["show", "CTOC/COP/2006/14", "--db", db])
        #expect(document.status == 0)
        #expect(document.stdout.contains("session: Third session"))
        #expect(document.stdout.contains("3/2  [dec-3/2]  Implementation of the provisions on international cooperation"))
        #expect(document.stdout.contains("← adoptedAs  CTOC/COP/2006/L.4  (to decision 3/2 (CTOC/COP)"))
        let element = try CLI.run(["show", "CTOC/COP/2006/14#dec-3/2", "--db", db, "--format", "json"])
        #expect(element.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(element.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "undoc.show/1")
        #expect((object?["element"] as? [String: Any])?["kind"] as? String == "decision")
        let incoming = object?["referencesIn"] as? [[String: Any]] ?? []
        #expect(incoming.contains { $0["relation"] as? String == "adoptedAs" && $0["source"] as? String == "doc:CTOC/COP/2006/L.4" })
        let missing = try CLI.run(["show", "CTOC/COP/1999/1", "--db", db])
        #expect(missing.status == 1 && missing.stderr.contains("CTOC/COP/1999/1 is not in the index"))
    }

    @Test("session catalogue: Markdown, HTML and JSON; -o writes the file")
    func session() throws {
        let db = try corpusIndex()
        let markdown = try CLI.run(["session", "--db", db, "--body-prefix", "CTOC/COP", "--year", "2006"])
        #expect(markdown.status == 0)
        for draft in ["CTOC/COP/2006/L.6/Rev.1", "CTOC/COP/2006/L.4", "CTOC/COP/2006/L.10", "CTOC/COP/2006/L.9/Rev.1"] {
            #expect(markdown.stdout.contains("- Adopted from **\(draft)**"))
        }
        #expect(markdown.stdout.contains("### Decision 3/4. Recommendations of the open-ended interim working group"))
        #expect(markdown.stdout.contains("Listed in CTOC/COP/2006/14, annex-I: List of documents before the Conference"))
        let file = try CLI.temporaryDirectory().appendingPathComponent("cop3.html")
        let html = try CLI.run(["session", "--db", db, "--session", "third session", "--format", "html", "-o", file.path])
        #expect(html.status == 0 && html.stdout.isEmpty)
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("Decision 3/2"))
        let json = try CLI.run(["session", "--db", db, "--symbol-prefix", "CTOC/COP/2006", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "undoc.session/1")
        let none = try CLI.run(["session", "--db", db])
        #expect(none.status == 2 && none.stderr.contains("choose the documents"))
        let empty = try CLI.run(["session", "--db", db, "--year", "1990"])
        #expect(empty.status == 1 && empty.stderr.contains("no indexed document matches --year 1990"))
    }

    // MARK: - Bad input

    @Test("a text file given as --db: clear message, exit 1, the file untouched")
    func textFileAsDatabase() throws {
        let file = try CLI.temporaryDirectory().appendingPathComponent("notes.txt")
        try "my notes\n".write(to: file, atomically: true, encoding: .utf8)
        for arguments in [["index", "Corpus", "--db", file.path], ["search", "x", "--db", file.path]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(file.path) is not an undoc index: it is not an SQLite database"))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "my notes\n")
        let missing = try CLI.run(["search", "x", "--db", file.path + ".db"])
        #expect(missing.status == 1 && missing.stderr.contains("no such index"))
        #expect(!FileManager.default.fileExists(atPath: file.path + ".db"))
    }

    @Test("an index written by a newer undoc: clear message, exit 1")
    func newerSchema() throws {
        let db = try corpusIndex()
        try DatabaseQueue(path: db).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v7')") }
        for arguments in [["index", "Corpus", "--db", db], ["show", "CTOC/COP/2006/14", "--db", db]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(db) was written by a newer undoc (schema 7); upgrade undoc"))
        }
    }

    @Test("a read-only location: clear message, exit 1")
    func readOnlyLocation() throws {
        let db: String
        if geteuid() == 0 {
            db = "/sys/undoc-cli-\(UUID().uuidString).db"
        } else {
            let folder = try CLI.temporaryDirectory()
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
            db = folder.appendingPathComponent("index.db").path
        }
        let result = try CLI.run(["index", "Corpus", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(db): cannot write the index:"))
    }

    @Test("a write error mid-run (file size limit): rolled back, the message says so, the previous index intact")
    func writeErrorRollsBack() throws {
        let db = try corpusIndex()
        let folder = try copies(of: "002_02cf9ff3ef13c05f.txt", count: 12)
        // The WAL may not grow past 2 MB: its writes fail as on a full disk (EFBIG; SIGXFSZ ignored).
        let command = "trap '' XFSZ; ulimit -f 2048; exec '\(CLI.binary.path)' index '\(folder.path)' --db '\(db)' --jobs 1"
        let result = try Background(["-c", command], executable: URL(fileURLWithPath: "/bin/bash")).finish()
        #expect(result.status == 1)
        #expect(result.stderr.contains("the index run was rolled back and nothing was changed"))
        let store = try IndexStore.open(path: db, access: .write(wait: 5))
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") } == 3)
        #expect(try store.verify().isEmpty)
    }

    // MARK: - Concurrency and interruption

    @Test("two undoc index on one file: the second fails cleanly or waits; the file stays sound")
    func twoWriters() throws {
        let db = try corpusIndex()
        let folder = try copies(of: "002_02cf9ff3ef13c05f.txt", count: 24)
        let first = try Background(["index", folder.path, "--db", db, "--jobs", "1"])
        try first.waitUntilWriting(db)
        let impatient = try CLI.run(["index", "Corpus", "--db", db, "--wait", "0"])
        #expect(impatient.status == 1)
        #expect(impatient.stderr.contains("another undoc index is writing \(db); try again"))
        // Readers keep working meanwhile.
        let reader = try CLI.run(["show", "CTOC/COP/2006/14", "--db", db])
        #expect(reader.status == 0)
        let patient = try CLI.run(["index", "Corpus", "--manifest", "Corpus/manifest.tsv", "--db", db, "--wait", "600"])
        #expect(patient.status == 0, "\(patient.stderr)")
        let firstResult = first.finish()
        #expect(firstResult.status == 0, "\(firstResult.stderr)")
        let store = try IndexStore.open(path: db, access: .write(wait: 5))
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") } == 27)
        #expect(try store.verify().isEmpty)
    }

    @Test("an index run killed in the middle leaves the previous index intact; the next run completes")
    func killedMidRun() throws {
        let db = try corpusIndex()
        // Enough files that the run is still going when it is killed, however fast parsing gets.
        let folder = try copies(of: "002_02cf9ff3ef13c05f.txt", count: 80)
        let run = try Background(["index", folder.path, "--db", db, "--jobs", "1"])
        try run.waitUntilWriting(db)
        // Into the transaction: files parsed and their rows written, nothing committed.
        Thread.sleep(forTimeInterval: 0.5)
        try #require(run.process.isRunning, "the index run ended before it could be killed")
        run.kill()
        let store = try IndexStore.open(path: db, access: .write(wait: 5))
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") } == 3)
        #expect(try store.verify().isEmpty)
        let search = try CLI.run(["search", "extradition", "--db", db, "--limit", "1"])
        #expect(search.status == 0 && search.stdout.contains("CTOC/COP/2006/14#"))
        let again = try CLI.run(["index", folder.path, "--db", db])
        #expect(again.status == 0 && again.stdout.contains("83 documents (80 added"))
    }

    /// `count` copies of a corpus file in a new folder: a run long enough to catch in the act.
    func copies(of name: String, count: Int) throws -> URL {
        let folder = try CLI.temporaryDirectory().appendingPathComponent("copies")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = CLI.repositoryRoot.appendingPathComponent("Corpus").appendingPathComponent(name)
        for index in 1...count {
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("copy-\(index).txt"))
        }
        return folder
    }
}

/// An `undoc` process running while the test does something else.
final class Background {
    let process = Process()
    let output: URL

    init(_ arguments: [String], executable: URL = CLI.binary) throws {
        output = try CLI.temporaryDirectory()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.repositoryRoot
        process.standardOutput = try FileHandle(forWritingTo: touch("stdout"))
        process.standardError = try FileHandle(forWritingTo: touch("stderr"))
        try process.run()
    }

    private func touch(_ name: String) -> URL {
        let url = output.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }

    /// Waits until the run holds the write lock: a probe that tries to take it, and does
    /// not wait, finds it taken.
    func waitUntilWriting(_ db: String, timeout: TimeInterval = 300) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let probe = try DatabaseQueue(path: db, configuration: configuration)
        while Date() < deadline, process.isRunning {
            do {
                try probe.inDatabase { db in try db.inTransaction(.immediate) { .rollback } }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the index run never took the write lock"])
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func finish() -> CLIResult {
        process.waitUntilExit()
        let read = { (name: String) in (try? String(contentsOf: self.output.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        return CLIResult(status: process.terminationStatus, stdout: read("stdout"), stderr: read("stderr"))
    }
}
