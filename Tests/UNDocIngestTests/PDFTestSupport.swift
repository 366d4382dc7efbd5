import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    /// Writes an executable shell script. Opened close-on-exec: tests run in parallel, and a
    /// child another test spawns while the file is open for writing would inherit the
    /// descriptor and make running the script fail with "Text file busy".
    static func script(_ body: String, in directory: URL, name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let bytes = Array(("#!/bin/sh\n" + body + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        return url.path
    }
}
