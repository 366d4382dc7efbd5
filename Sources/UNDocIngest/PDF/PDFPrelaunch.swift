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
/// pdftotext runs while undoc starts. `PDFToText` later takes a started run whose
/// executable, arguments and time limit are exactly the ones it would use, and runs
/// pdftotext itself otherwise; runs nobody took are killed when undoc exits.
public enum PDFPrelaunch {
    /// More inputs than this are converted in parallel anyway (`--jobs`), so none is started early.
    static let maximumInputs = 64

    /// Starts pdftotext, as `PDFToText()` would run it (found on PATH, the default time
    /// limit, the page ranges it would split the PDF into), for every path that is a PDF file
    /// short enough to be read whole. Starts nothing when more than `limit` paths qualify, or
    /// more than `maximumInputs` are given. The paths may include option names and values:
    /// only existing files count, and each input takes its share of the cores, as `parse`
    /// gives it.
    public static func start(paths: [String], limit: Int) {
        start(paths: paths, limit: limit, converter: PDFToText())
    }

    static func start(paths: [String], limit: Int, converter: PDFToText) {
        guard paths.count <= maximumInputs else { return }
        let files = paths.filter(isRegularFile)
        let candidates = Array(Set(files.filter(isShortPDF)))
        guard !candidates.isEmpty, candidates.count <= limit else { return }
        guard let tool = converter.resolvedExecutable() else { return }
        var converter = converter
        converter.rangesPerPDF = max(1, converter.rangesPerPDF / files.count)
        for path in candidates {
            guard let contents = FileManager.default.contents(atPath: path) else { continue }
            for pages in converter.pageRanges(path: path, contents: [UInt8](contents), tool: tool) {
                let arguments = PDFToText.arguments(path: path, pages: pages)
                guard let started = try? ProcessRunner.start(tool, arguments: arguments, timeout: converter.timeout) else { return }
                registry.add(started, for: Key(tool: tool, arguments: arguments, timeout: converter.timeout))
            }
        }
    }

    /// The run started for exactly this conversion, if there is one; each run is taken once.
    static func claim(tool: String, arguments: [String], timeout: Double) -> StartedProcess? {
        registry.take(Key(tool: tool, arguments: arguments, timeout: timeout))
    }

    /// Kills the runs nobody took (also done when undoc exits).
    static func cancelUnclaimed() {
        registry.cancelAll()
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// A regular file that starts with "%PDF-" and is small enough to read whole in `main`.
    static func isShortPDF(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              info.st_size > 0, Int(info.st_size) <= PDFToText.splitThreshold
        else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 5)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 5) }
        return count == 5 && header == Array("%PDF-".utf8)
    }

    struct Key: Hashable {
        var tool: String
        var arguments: [String]
        var timeout: Double
    }

    private static let registry = Registry()

    /// The runs started and not yet taken.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var started: [Key: StartedProcess] = [:]
        private var cleanupRegistered = false

        func add(_ process: StartedProcess, for key: Key) {
            lock.withLock {
                started[key] = process
                if !cleanupRegistered {
                    cleanupRegistered = true
                    atexit { PDFPrelaunch.cancelUnclaimed() }
                }
            }
        }

        func take(_ key: Key) -> StartedProcess? {
            lock.withLock { started.removeValue(forKey: key) }
        }

        /// Kills what nobody took: `--help`, a usage error, or an input that turned out not to be converted.
        func cancelAll() {
            // Never wait at exit on a thread that exit interrupted while it held the lock: a
            // run left alone then ends when its next write finds undoc's end of the pipe closed.
            guard lock.try() else { return }
            let left = Array(started.values)
            started = [:]
            lock.unlock()
            for process in left { process.cancel() }
        }
    }
}
