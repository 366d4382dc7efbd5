import Foundation
import XCTest
@testable import UNDocIngest

/// With UNDOC_DUMP_PDF=DIR set, writes the normalised text of each corpus PDF to DIR, to
/// inspect what the parser is given: `UNDOC_DUMP_PDF=/tmp swift test --filter Dump`.
final class DumpNormalizedText: XCTestCase {
    func testDumpNormalizedText() throws {
        guard let directory = ProcessInfo.processInfo.environment["UNDOC_DUMP_PDF"] else { return }
        for pdf in try CorpusPDF.all() {
            let source = try InputReader().read(path: pdf.path)
            let out = URL(fileURLWithPath: directory).appendingPathComponent(pdf.lastPathComponent + ".normalized.txt")
            try Data(source.bytes).write(to: out)
        }
    }
}

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
