import Foundation
import UNDocGraph
import UNDocIngest
import UNDocParser

/// A file found under the paths given to `undoc index`, with what decides whether it must
/// be parsed again: its content hash and the symbol and date a manifest gives it.
struct ScannedFile: Sendable {
    /// The path as found (relative to the working directory or absolute): what is read.
    var path: String
    /// The path as the index stores it (see `StoredPaths`).
    var stored: String
    var hash: String
    var bytes: Int
    var givenSymbol: String?
    var givenDate: String?
}

/// Lists and hashes the files under the given paths, in parallel.
enum FileScan {
    /// Every file under `paths` (folders recurse, as `undoc graph` reads them), hashed.
    /// Files that cannot be read come back as failures.
    static func scan(_ paths: [String], storedPaths: StoredPaths, manifest: Manifest, jobs: Int,
                     progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Result<ScannedFile, FileError>] {
        var seen = Set<String>()
        let files = CorpusLoader.files(in: paths).filter { seen.insert(storedPaths.stored($0)).inserted }
        let total = files.count
        let perFile: (@Sendable (Int) -> Void)? = progress.map { report in { @Sendable done in report(done, total) } }
        return parallelMap(files, jobs: jobs, progress: perFile) { path in
            hash(path).map { hash, bytes in
                let entry = manifest.entry(for: path)
                return ScannedFile(path: path, stored: storedPaths.stored(path), hash: hash, bytes: bytes,
                                   givenSymbol: entry?.symbol, givenDate: entry?.date)
            }
        }
    }

    /// The FNV-1a hash and size of a file's bytes.
    static func hash(_ path: String) -> Result<(String, Int), FileError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(FileError(file: path, error: .notFound))
        }
        if isDirectory.boolValue { return .failure(FileError(file: path, error: .isDirectory)) }
        do {
            // Mapped, not copied: the hash reads each page once.
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
            return .success((ContentHash.fnv1a(data), data.count))
        } catch {
            let reason = (error as NSError).localizedDescription
            return .failure(FileError(file: path, error: .unreadable(reason.isEmpty ? "\(error)" : reason)))
        }
    }
}
