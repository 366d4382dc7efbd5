import Foundation

/// A problem loading a grammar set that is not an error inside a grammar file.
public struct GrammarSetError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The grammar and data files undoc runs with: those embedded at build time from Grammars/,
/// each replaced by the file of the same name in an override directory when there is one.
public struct GrammarSet: Sendable {
    /// Compiled `.peg` files, by name without extension.
    private var grammars: [String: Grammar] = [:]
    /// Other files (`bodies.tsv`), by file name.
    private var data: [String: String] = [:]
    /// Where each file came from, by file name: "built-in" or the path of the override.
    public private(set) var sources: [String: String] = [:]
    /// `.peg` and `.tsv` files in the override directory whose names match no built-in file,
    /// and so were not used (worth a warning: probably a misspelt name).
    public private(set) var unusedOverrideFiles: [String] = []

    /// The built-in set, compiled once per process.
    public static let builtIn: Result<GrammarSet, any Error> = Result { try GrammarSet.load(overrideDirectory: nil) }

    /// The names of the files in the set, sorted.
    public var fileNames: [String] { sources.keys.sorted() }

    /// Loads the embedded files, each replaced by `overrideDirectory/<name>` if that exists.
    ///
    /// Throws `GrammarSetError` when the directory does not exist, is not a directory or a
    /// file cannot be read, and `GrammarError` (naming the file's path) when a grammar is wrong.
    public static func load(overrideDirectory: URL?) throws -> GrammarSet {
        try load(embedded: EmbeddedGrammars.files, overrideDirectory: overrideDirectory, cache: GrammarCache.standard)
    }

    /// `load(overrideDirectory:)` over a given set of built-in files (for tests).
    static func load(embedded: [String: String], overrideDirectory: URL?, cache: GrammarCache? = nil) throws -> GrammarSet {
        var set = GrammarSet()
        var overrides: [String: URL] = [:]
        if let directory = overrideDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
                throw GrammarSetError("grammar directory \(directory.path) does not exist")
            }
            guard isDirectory.boolValue else {
                throw GrammarSetError("grammar directory \(directory.path) is not a directory")
            }
            let listing: [URL]
            do {
                listing = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            } catch {
                throw GrammarSetError("cannot list grammar directory \(directory.path): \(error.localizedDescription)")
            }
            for url in listing {
                let name = url.lastPathComponent
                if embedded[name] != nil {
                    overrides[name] = url
                } else if ["peg", "tsv"].contains(url.pathExtension) {
                    set.unusedOverrideFiles.append(name)
                }
            }
            set.unusedOverrideFiles.sort()
        }
        for name in embedded.keys.sorted() {
            var text = embedded[name]!
            var origin = "built-in"
            if let url = overrides[name] {
                do {
                    text = try String(contentsOf: url, encoding: .utf8)
                } catch {
                    throw GrammarSetError("cannot read \(url.path) as UTF-8 text: \(error.localizedDescription)")
                }
                origin = url.path
            }
            set.sources[name] = origin
            if name.hasSuffix(".peg") {
                // Errors name the override's path, or the file name for a built-in grammar.
                let fileName = origin == "built-in" ? name : origin
                set.grammars[String(name.dropLast(4))] = try Grammar(source: text, fileName: fileName, cache: cache)
            } else {
                set.data[name] = text
            }
        }
        return set
    }

    /// The grammar called `name` (without extension, like "symbols"; "symbols.peg" also works).
    public func grammar(_ name: String) throws -> Grammar {
        let key = name.hasSuffix(".peg") ? String(name.dropLast(4)) : name
        guard let grammar = grammars[key] else {
            let known = grammars.keys.sorted().joined(separator: ", ")
            throw GrammarSetError("no grammar named '\(key)' (available: \(known.isEmpty ? "none" : known))")
        }
        return grammar
    }

    /// The text of a data file such as "bodies.tsv", if the set has it.
    public func dataFile(_ name: String) -> String? {
        data[name]
    }
}
