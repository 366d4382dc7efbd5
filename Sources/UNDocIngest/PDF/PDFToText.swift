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

    /// How many page ranges a PDF is converted in at once, one pdftotext each: the number of
    /// cores by default; commands that read several files at once give each file its share.
    public var rangesPerPDF: Int {
        get { chosenRangesPerPDF ?? ProcessorCount.active }
        set { chosenRangesPerPDF = newValue }
    }

    // Read only when a PDF is long enough to split (see `PDFPrelaunch`).
    private var chosenRangesPerPDF: Int?

    /// The fewest pages worth a pdftotext run of their own. Each run costs a fixed start
    /// (loading poppler, reading the file and its fonts) of about 6.5 ms, as long as
    /// converting ten pages: a second run on a 5-page PDF saves 1.5 ms of waiting and costs
    /// 7 ms of a core that undoc's own start-up needs at that moment (BENCHMARKS.md, PDF).
    static let minimumPagesPerRange = 6
    /// A PDF up to this size is short: it may be started before the command line is parsed
    /// (`PDFPrelaunch`), and pdfinfo is never run for its page count (costing more than a
    /// range would save).
    static let shortPDFLimit = 256 * 1024

    /// A run's pages: `first` through `last`, or to the end of the document when `last` is nil.
    struct PageRange: Hashable {
        var first: Int
        var last: Int?
    }

    /// The text of the PDF at `path`, whose bytes are `contents`, or why there is none.
    func extract(path: String, contents: [UInt8]) throws(InputError) -> [UInt8] {
        guard let tool = resolve() else { throw .toolMissing(executable) }
        // Ranges started before the command line was parsed give the same text as these would.
        if let early = PDFPrelaunch.claim(tool: tool, path: path, timeout: timeout) {
            return try Self.join(early.map { started in Result { () throws(InputError) in try output(of: started.wait()) } })
        }
        let ranges = pageRanges(path: path, contents: contents, tool: tool)
        guard ranges.count > 1 else { return try run(tool, path: path, pages: ranges.first ?? nil) }
        let results = ChunkResults(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            results.set(index, Result { () throws(InputError) in try run(tool, path: path, pages: ranges[index]) })
        }
        return try Self.join(results.values.map { $0 ?? .failure(.toolFailed("pdftotext gave no result")) })
    }

    /// The ranges' texts, in order: pdftotext ends every page with a form feed, so they simply
    /// follow each other.
    private static func join(_ results: [Result<[UInt8], InputError>]) throws(InputError) -> [UInt8] {
        var output: [UInt8] = []
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let text): output += text
            // A page count read too high leaves a later range past the last page: it holds nothing.
            case .failure(.noPages) where index > 0: continue
            case .failure(let error): throw error
            }
        }
        return output
    }

    /// The page ranges to convert at once; the last one runs to the end of the document, so
    /// a page count read too low still converts every page, and one too high only leaves a
    /// range that holds nothing.
    func pageRanges(path: String, contents: [UInt8], tool: String) -> [PageRange?] {
        let declared = Self.pageCount(in: contents)
        if let declared, declared < 2 * Self.minimumPagesPerRange { return [nil] }
        guard rangesPerPDF > 1 else { return [nil] }
        // pdfinfo when the page tree is in compressed object streams, for PDFs long enough to pay for it.
        let pages = declared ?? (contents.count > Self.shortPDFLimit ? pdfinfoPages(path: path, tool: tool) : nil)
        guard let pages else { return [nil] }
        return Self.pageRanges(pages: pages, parts: rangesPerPDF)
    }

    /// `pages` split into at most `parts` ranges of at least `minimumPagesPerRange` pages.
    static func pageRanges(pages: Int, parts: Int) -> [PageRange?] {
        let count = min(parts, pages / minimumPagesPerRange)
        guard count > 1 else { return [nil] }
        let step = (pages + count - 1) / count
        return (0..<count).map { part in
            let first = 1 + part * step
            return PageRange(first: first, last: part == count - 1 ? nil : first + step - 1)
        }
    }

    /// The page count a PDF declares in its page tree ("/Count N" of the root /Pages node,
    /// the largest count in the file), when its objects are not compressed into streams.
    /// Only a hint for splitting: `extract` converts every page whatever it says.
    static func pageCount(in contents: [UInt8]) -> Int? {
        let key = Array("/Count".utf8)
        var largest: Int?
        contents.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var index = 0
            while index + key.count < bytes.count {
                // Jump to the next "/", the rarest byte of the key.
                guard let slash = memchr(base + index, 0x2F, bytes.count - index) else { return }
                index = base.distance(to: slash.assumingMemoryBound(to: UInt8.self))
                guard index + key.count < bytes.count, bytes[(index + 1)..<(index + key.count)].elementsEqual(key.dropFirst()) else {
                    index += 1
                    continue
                }
                var cursor = index + key.count
                while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x0A || bytes[cursor] == 0x0D { cursor += 1 }
                var value = 0
                var digits = 0
                while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, digits < 7 {
                    value = value * 10 + Int(bytes[cursor] - 0x30)
                    digits += 1
                    cursor += 1
                }
                if digits > 0 { largest = max(largest ?? 0, value) }
                index = cursor
            }
        }
        return largest
    }

    /// The page count pdfinfo (next to pdftotext) reports, for PDFs too large to scan.
    private func pdfinfoPages(path: String, tool: String) -> Int? {
        let pdfinfo = URL(fileURLWithPath: tool).deletingLastPathComponent().appendingPathComponent("pdfinfo").path
        guard FileManager.default.isExecutableFile(atPath: pdfinfo),
              let info = try? ProcessRunner.run(pdfinfo, arguments: [path], timeout: min(timeout, 30)),
              info.ending == .exit(0)
        else { return nil }
        let text = String(decoding: info.stdout, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }) else { return nil }
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
    }

    /// pdftotext's arguments for the pages of `path` (all when nil), text to standard output.
    static func arguments(path: String, pages: PageRange?) -> [String] {
        var arguments = ["-layout", "-enc", "UTF-8", "-eol", "unix"]
        if let pages {
            arguments += ["-f", String(pages.first)]
            if let last = pages.last { arguments += ["-l", String(last)] }
        }
        return arguments + [path, "-"]
    }

    private func run(_ tool: String, path: String, pages: PageRange?) throws(InputError) -> [UInt8] {
        let result: ProcessResult
        do {
            result = try ProcessRunner.run(tool, arguments: Self.arguments(path: path, pages: pages), timeout: timeout)
        } catch {
            throw .unreadable("pdftotext could not be started (\(error.localizedDescription))")
        }
        return try output(of: result)
    }

    /// The text a finished run gave, or why it gave none.
    private func output(of result: ProcessResult) throws(InputError) -> [UInt8] {
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
    /// (POSIX calls, not Foundation's: this runs in `main` before pdftotext is started early,
    /// where building the whole environment dictionary was a tenth of a millisecond.)
    func resolve() -> String? {
        if executable.contains("/") {
            return Self.isExecutableFile(executable) ? executable : nil
        }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(executable)"
            if Self.isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
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
