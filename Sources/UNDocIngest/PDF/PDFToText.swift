import Dispatch
import Foundation

/// Runs poppler's `pdftotext -layout` on a PDF and returns its text: one page per form
/// feed, each line laid out with spaces so that indentation and table columns survive.
public struct PDFToText: Sendable {
    /// The pdftotext executable: a path, or a name looked up on PATH.
    public var executable: String
    /// Seconds before a pdftotext that has not finished is killed.
    public var timeout: Double

    public static let defaultTimeout: Double = 120

    public init(executable: String = "pdftotext", timeout: Double = PDFToText.defaultTimeout) {
        self.executable = executable
        self.timeout = timeout
    }

    /// PDFs of at least this many pages are converted in page ranges on several cores.
    static let pagesPerChunk = 120
    /// PDFs up to this size are converted in one run without asking pdfinfo for their pages.
    static let splitThreshold = 256 * 1024

    /// The text of the PDF at `path`, or why there is none.
    func extract(path: String) throws(InputError) -> [UInt8] {
        guard let tool = resolve() else { throw .toolMissing(executable) }
        let ranges = chunks(path: path, tool: tool)
        guard ranges.count > 1 else { return try run(tool, path: path, pages: nil) }
        // pdftotext ends every page with a form feed, so the ranges' texts simply follow each other.
        let results = ChunkResults(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            results.set(index, Result { () throws(InputError) in try run(tool, path: path, pages: ranges[index]) })
        }
        var output: [UInt8] = []
        for result in results.values {
            switch result {
            case .success(let text): output += text
            case .failure(let error): throw error
            case nil: throw .toolFailed("pdftotext gave no result")
            }
        }
        return output
    }

    /// Page ranges to convert at once: one range for short PDFs or a single core; for long
    /// ones (found with pdfinfo, next to pdftotext) one range per core.
    private func chunks(path: String, tool: String) -> [ClosedRange<Int>] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard cores > 1, size > Self.splitThreshold else { return [] }
        let pdfinfo = URL(fileURLWithPath: tool).deletingLastPathComponent().appendingPathComponent("pdfinfo").path
        guard FileManager.default.isExecutableFile(atPath: pdfinfo),
              let info = try? ProcessRunner.run(pdfinfo, arguments: [path], timeout: min(timeout, 30)),
              info.ending == .exit(0)
        else { return [] }
        let text = String(decoding: info.stdout, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let pages = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)), pages >= 2 * Self.pagesPerChunk
        else { return [] }
        let count = min(cores, pages / Self.pagesPerChunk)
        let step = (pages + count - 1) / count
        return stride(from: 1, through: pages, by: step).map { $0...min($0 + step - 1, pages) }
    }

    /// pdftotext's arguments for the pages of `path` (all when nil), text to standard output.
    static func arguments(path: String, pages: ClosedRange<Int>?) -> [String] {
        var arguments = ["-layout", "-enc", "UTF-8", "-eol", "unix"]
        if let pages { arguments += ["-f", String(pages.lowerBound), "-l", String(pages.upperBound)] }
        return arguments + [path, "-"]
    }

    private func run(_ tool: String, path: String, pages: ClosedRange<Int>?) throws(InputError) -> [UInt8] {
        let arguments = Self.arguments(path: path, pages: pages)
        let result: ProcessResult
        if let started = PDFPrelaunch.claim(tool: tool, arguments: arguments, timeout: timeout) {
            result = started.wait()
        } else {
            do {
                result = try ProcessRunner.run(tool, arguments: arguments, timeout: timeout)
            } catch {
                throw .unreadable("pdftotext could not be started (\(error.localizedDescription))")
            }
        }
        switch result.ending {
        case .timedOut:
            throw .toolTimedOut(seconds: timeout)
        case .signal(let number):
            throw .toolFailed("pdftotext was killed by signal \(number)")
        case .exit(let status) where status != 0:
            throw Self.failure(status: status, stderr: result.stderr)
        case .exit:
            return result.stdout
        }
    }

    /// The executable that would run, or nil when it is missing.
    public func resolvedExecutable() -> String? { resolve() }

    /// The executable to run: an explicit path as given, a bare name from PATH.
    func resolve() -> String? {
        let fm = FileManager.default
        if executable.contains("/") {
            return fm.isExecutableFile(atPath: executable) ? executable : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(executable)"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// pdftotext's exit status and messages as an input error a user can act on.
    static func failure(status: Int32, stderr: [UInt8]) -> InputError {
        let message = String(decoding: stderr, as: UTF8.self)
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        if message.contains("Incorrect password") || message.contains("encrypted") {
            return .encrypted
        }
        if message.contains("page count 0") || message.contains("Wrong page range") {
            return .noPages
        }
        let detail = lines.last { !$0.isEmpty } ?? "no message"
        if status == 1 { return .damagedPDF(detail) }
        return .toolFailed("pdftotext failed with status \(status): \(detail)")
    }
}

/// The results of the page ranges converted at once, each written by its own worker.
private final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<[UInt8], InputError>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<[UInt8], InputError>) {
        lock.withLock { values[index] = result }
    }
}
