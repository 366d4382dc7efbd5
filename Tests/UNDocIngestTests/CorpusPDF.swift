import Foundation

// To see the text the parser is given for a PDF, HTML or Word file:
// `undoc-bench normalize IN OUT` (Sources/undoc-bench/main.swift).

/// The corpus PDFs and their texts.
enum CorpusPDF {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func all() throws -> [URL] {
        let directory = root.appendingPathComponent("Corpus/pdf")
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }.sorted { $0.path < $1.path }
    }
}
