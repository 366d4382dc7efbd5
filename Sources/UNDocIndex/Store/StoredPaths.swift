import Foundation

/// How file paths are kept in an index: relative to the folder that holds the database
/// when the file lies under it (`Corpus/002.txt` for an index beside `Corpus/`), absolute
/// otherwise. So the same file has the same stored path whatever folder `undoc index` runs
/// from, and an index kept with its corpus can be moved together with it.
public struct StoredPaths: Sendable {
    /// The database's folder, absolute, without a trailing slash.
    public let base: String

    /// The stored paths of the index at `databasePath`.
    public init(databasePath: String) {
        base = StoredPaths.absolute(URL(fileURLWithPath: databasePath).deletingLastPathComponent().path)
    }

    /// The stored form of `path` (relative to the working directory or absolute).
    public func stored(_ path: String) -> String {
        let full = Self.absolute(path)
        if base == "/" { return String(full.dropFirst()) }
        if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
        return full
    }

    /// The absolute path of a stored path.
    public func absolute(_ stored: String) -> String {
        stored.hasPrefix("/") ? stored : base == "/" ? "/" + stored : base + "/" + stored
    }

    /// `path` made absolute and standardised ("a/./b/../c" → "/cwd/a/c").
    public static func absolute(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        return standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }

    /// Whether `file` (absolute) is `root` or lies under it.
    static func file(_ file: String, isUnder root: String) -> Bool {
        file == root || root == "/" || file.hasPrefix(root + "/")
    }
}
