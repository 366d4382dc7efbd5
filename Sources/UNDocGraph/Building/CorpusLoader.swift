import Foundation
import UNDocIngest
import UNDocModel
import UNDocParser

/// Builds the graph of a set of files and folders: folders are searched recursively, files
/// are parsed in parallel, and each parsed document is reduced to its facts at once, so
/// memory grows with the graph, not with the text read.
public struct CorpusLoader: Sendable {
    public var parser: DocumentParser
    public var reader: InputReader
    public var manifest: Manifest
    public var jobs: Int
    /// The library catalogue (`--catalog`): metadata the documents do not print, titles and
    /// dates for the documents they cite.
    public var catalog: Catalog?

    /// File endings read when a folder is searched, in order of preference: a document found
    /// in several formats under one name (report.txt, pdf/report.pdf) is read once, from the
    /// first. Text comes first (someone made it on purpose), then Word and HTML, which keep
    /// list numbers and notes as data, then PDF.
    public static let extensions: [String] = ["txt", "text", "md", "docx", "html", "htm", "pdf"]

    public init(parser: DocumentParser, reader: InputReader, manifest: Manifest = Manifest(), jobs: Int,
                catalog: Catalog? = nil) {
        self.parser = parser
        self.reader = reader
        self.manifest = manifest
        self.jobs = jobs
        self.catalog = catalog
    }

    /// The files named, with folders expanded (sorted, hidden files skipped). In a folder, a
    /// document found in several formats under one name is listed once, in its preferred
    /// format (`extensions`); files of the same format are all listed. Files named one by one
    /// are always listed.
    public static func files(in paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                out.append(path)
                continue
            }
            let base = URL(fileURLWithPath: path)
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { relative in
                    !relative.split(separator: "/").contains { $0.hasPrefix(".") }
                        && extensions.contains((relative as NSString).pathExtension.lowercased())
                }
            out += preferredFormats(found).sorted().map { path == "." ? $0 : base.appendingPathComponent($0).relativePath }
        }
        return out
    }

    /// Of files sharing a name but not a format, the one in the preferred format.
    static func preferredFormats(_ relativePaths: [String]) -> [String] {
        func rank(_ path: String) -> Int {
            extensions.firstIndex(of: (path as NSString).pathExtension.lowercased()) ?? extensions.count
        }
        func stem(_ path: String) -> String {
            ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
        }
        var best: [String: Int] = [:]
        for path in relativePaths { best[stem(path)] = min(best[stem(path)] ?? .max, rank(path)) }
        return relativePaths.filter { rank($0) == best[stem($0)] }
    }

    /// Parses every file and builds the graph. Unreadable files are reported in the graph's
    /// diagnostics (and to `failure`) and skipped.
    public func graph(of files: [String], progress: (@Sendable (Int, Int) -> Void)? = nil,
                      failure: ((FileError) -> Void)? = nil) -> Graph {
        var builder = GraphBuilder(catalog: catalog)
        let chunk = max(jobs * 16, 32)
        var done = 0
        var start = 0
        while start < files.count {
            let slice = Array(files[start..<min(start + chunk, files.count)])
            let results = parallelMap(slice, jobs: jobs) { file in self.facts(file) }
            for result in results {
                switch result {
                case .success(let facts): builder.add(facts)
                case .failure(let error):
                    builder.addFailure(file: error.file, message: error.description)
                    failure?(error)
                }
            }
            done += slice.count
            progress?(done, files.count)
            start += chunk
        }
        return builder.finish()
    }

    private func facts(_ file: String) -> Result<DocumentFacts, FileError> {
        do throws(FileError) {
            let source = try reader.read(path: file)
            let entry = manifest.entry(for: file)
            var document = parser.parse(source, symbol: entry?.symbol)
            if let date = entry?.date { document.metadata.issueDate = date }
            if let catalog { CatalogEnricher.enrich(&document, from: catalog) }
            return .success(FactExtractor.facts(of: document, file: file))
        } catch {
            return .failure(error)
        }
    }
}

/// Symbols and dates for files whose text does not print them: a tab-separated file of
/// `path<TAB>symbol[<TAB>issue date]` lines, paths relative to the manifest's folder;
/// `#` starts a comment.
public struct Manifest: Sendable {
    public struct Entry: Sendable, Hashable {
        public var symbol: String
        public var date: String?
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    public init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2 else {
                throw ManifestError(path: path, line: index + 1, message: "expected path<TAB>symbol[<TAB>date]")
            }
            let file = directory.appendingPathComponent(fields[0]).standardizedFileURL.path
            entries[file] = Entry(symbol: fields[1], date: fields.count > 2 ? fields[2] : nil)
        }
    }

    public func entry(for file: String) -> Entry? {
        entries[URL(fileURLWithPath: file).standardizedFileURL.path]
    }

    public var isEmpty: Bool { entries.isEmpty }
}

public struct ManifestError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String
    public var description: String { "\(path):\(line): \(message)" }
}
