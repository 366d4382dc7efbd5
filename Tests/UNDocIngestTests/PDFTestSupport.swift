import Foundation
import UNDocIngest

/// Shared helpers for tests that run pdftotext.
enum PDFTestSupport {
    struct MissingTool: Error, CustomStringConvertible {
        var description: String {
            "pdftotext is not installed: these tests need it (apt-get install poppler-utils; CI installs it)"
        }
    }

    /// Fails the calling test, with the reason, when pdftotext is missing (never skips silently).
    static func requirePdftotext() throws {
        if PDFToText().resolvedExecutable() == nil { throw MissingTool() }
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("undoc-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes an executable shell script.
    static func script(_ body: String, in directory: URL, name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }
}
