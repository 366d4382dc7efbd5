import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// pdftotext started for short PDFs before undoc has finished starting up.
///
/// A 5-page PDF takes pdftotext 15–20 ms; reading undoc's command line and compiling its
/// grammars take about as long. Started from `main`, before the command line is parsed,
/// pdftotext runs while undoc starts. `PDFToText` later takes the runs started for the same
/// file with the same executable and time limit (in whatever page ranges: their texts joined
/// are the whole text), and runs pdftotext itself otherwise; runs nobody took are killed
/// when undoc exits.
public enum PDFPrelaunch {
    /// More inputs than this are converted in parallel anyway (`--jobs`), so none is started early.
    static let maximumInputs = 64

    /// Starts pdftotext, as `PDFToText()` would run it (found on PATH, the default time
    /// limit, in page ranges on the cores), for every path that is a PDF file short enough to
    /// be read whole; the PDFs share the cores. Starts nothing when more than `limit` paths
    /// qualify, or more than `maximumInputs` are given. The paths may include option names
    /// and values: only PDF files count. Returns whether a run was started.
    @discardableResult
    /// (`limit` is asked for only when two PDFs or more qualify, and the number of cores only
    /// when a PDF is long enough to split: reading them costs Foundation's start-up, which
    /// would delay pdftotext.)
    public static func start(paths: [String], limit: @autoclosure () -> Int) -> Bool {
        start(paths: paths, limit: limit(), converter: PDFToText())
    }

    @discardableResult
    static func start(paths: [String], limit: @autoclosure () -> Int, converter: PDFToText) -> Bool {
        guard paths.count <= maximumInputs else { return false }
        var candidates: [(path: String, contents: [UInt8])] = []
        for path in paths where !candidates.contains(where: { $0.path == path }) {
            if let contents = shortPDF(path) { candidates.append((path, contents)) }
        }
        guard !candidates.isEmpty, candidates.count == 1 || candidates.count <= limit() else { return false }
        guard let tool = converter.resolvedExecutable() else { return false }
        var startedAny = false
        var converter = converter
        if candidates.count > 1 { converter.rangesPerPDF = max(1, converter.rangesPerPDF / candidates.count) }
        for (path, contents) in candidates {
            var runs: [StartedProcess] = []
            for pages in converter.pageRanges(path: path, contents: contents, tool: tool) {
                guard let started = try? ProcessRunner.start(tool, arguments: PDFToText.arguments(path: path, pages: pages),
                                                             timeout: converter.timeout)
                else {
                    runs.forEach { $0.cancel() }
                    runs = []
                    break
                }
                runs.append(started)
            }
            if !runs.isEmpty {
                registry.add(runs, for: Key(tool: tool, path: path, timeout: converter.timeout))
                startedAny = true
            }
        }
        return startedAny
    }

    /// The runs started for the PDF at `path` with this pdftotext and time limit, one per page
    /// range in page order, if there are any; they are taken once.
    static func claim(tool: String, path: String, timeout: Double) -> [StartedProcess]? {
        registry.take(Key(tool: tool, path: path, timeout: timeout))
    }

    /// Kills the runs nobody took (also done when undoc exits).
    static func cancelUnclaimed() {
        registry.cancelAll()
    }

    /// A regular file that starts with "%PDF-" and is small enough to read whole in `main`.
    static func isShortPDF(_ path: String) -> Bool {
        shortPDF(path) != nil
    }

    /// The bytes of `path` when it is a short PDF (see `isShortPDF`), read with POSIX calls.
    private static func shortPDF(_ path: String) -> [UInt8]? {
        guard path != "-" else { return nil }
        // O_NONBLOCK: opening a FIFO would otherwise wait for a writer (it is refused below).
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              info.st_size > 5, Int(info.st_size) <= PDFToText.shortPDFLimit
        else { return nil }
        guard let bytes = try? FileDescriptorReader.readToEnd(descriptor, expectedSize: Int(info.st_size),
                                                              limit: PDFToText.shortPDFLimit),
              bytes.count <= PDFToText.shortPDFLimit
        else { return nil }
        return bytes.starts(with: Array("%PDF-".utf8)) ? bytes : nil
    }

    struct Key: Hashable {
        var tool: String
        var path: String
        var timeout: Double
    }

    private static let registry = Registry()

    /// The runs started and not yet taken.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var started: [Key: [StartedProcess]] = [:]
        private var cleanupRegistered = false

        func add(_ runs: [StartedProcess], for key: Key) {
            lock.withLock {
                started[key] = runs
                if !cleanupRegistered {
                    cleanupRegistered = true
                    atexit { PDFPrelaunch.cancelUnclaimed() }
                }
            }
        }

        func take(_ key: Key) -> [StartedProcess]? {
            lock.withLock { started.removeValue(forKey: key) }
        }

        /// Kills what nobody took: `--help`, a usage error, or an input that turned out not to be converted.
        func cancelAll() {
            // Never wait at exit on a thread that exit interrupted while it held the lock: a
            // run left alone then ends when its next write finds undoc's end of the pipe closed.
            guard lock.try() else { return }
            let left = started.values.flatMap { $0 }
            started = [:]
            lock.unlock()
            for process in left { process.cancel() }
        }
    }
}
