import Foundation
import UNDocIngest
import UNDocParser

/// Parses files in chunks on worker threads while the writer stores the previous chunk, so
/// the single database thread and the parsing cores work at the same time. At most `ahead`
/// parsed chunks wait, which bounds memory whatever the number of files.
final class ParsePipeline: @unchecked Sendable {
    typealias Parsed = Result<IndexedDocument, FileError>

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var ready: [[Parsed]] = []
    private var producing = true
    private var cancelled = false

    /// Starts parsing `files` in chunks of `chunk` on `jobs` threads.
    init(files: [ScannedFile], chunk: Int, jobs: Int, ahead: Int = 2,
         parse: @escaping @Sendable (ScannedFile) -> Parsed) {
        let chunks = stride(from: 0, to: files.count, by: chunk).map { Array(files[$0..<min($0 + chunk, files.count)]) }
        let thread = Thread { [self] in
            for slice in chunks {
                condition.lock()
                while ready.count >= ahead && !cancelled { condition.wait() }
                let stop = cancelled
                condition.unlock()
                if stop { break }
                let parsed = parallelMap(slice, jobs: jobs, parse)
                condition.lock()
                ready.append(parsed)
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            producing = false
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "undoc.index.parse"
        thread.start()
    }

    /// The next parsed chunk, in file order; nil when all are done.
    func next() -> [Parsed]? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && producing { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let chunk = ready.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Stops after the chunk being parsed and waits for the worker to finish, so that no
    /// parsing outlives a failed run.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while producing { condition.wait() }
        ready.removeAll()
        condition.unlock()
    }
}
