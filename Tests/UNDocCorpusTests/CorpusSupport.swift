import Foundation
import JSONSchemaValidation
import Testing
import UNDocIngest
import UNDocModel
import UNDocParser

/// The repository and its corpus, located from this file so the tests run from any
/// working directory: Tests/UNDocCorpusTests/CorpusSupport.swift → two folders up.
enum Repo {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Tests/UNDocCorpusTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository

    static let corpus = root.appendingPathComponent("Corpus", isDirectory: true)
    static let schema = root.appendingPathComponent("Schemas/undoc.document-1.schema.json")

    /// The command that rewrites the golden files.
    static let updateCommand = "UNDOC_UPDATE_GOLDEN=1 swift test --filter UNDocCorpusTests"

    /// Every `Corpus/*.txt`, by file name, sorted.
    static let corpusFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    /// `Corpus/NAME.expected.json` for `Corpus/NAME.txt`.
    static func goldenURL(for textFile: String) -> URL {
        corpus.appendingPathComponent(String(textFile.dropLast(".txt".count)) + ".expected.json")
    }

    static var updatingGolden: Bool {
        ProcessInfo.processInfo.environment["UNDOC_UPDATE_GOLDEN"] == "1"
    }
}

/// The three documents of the corpus (see /work/shared/corpus/README.md).
enum CorpusDocument: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case wgTrafficking2010 = "001_caccf940e690384d.txt"
    case copThirdSession = "002_02cf9ff3ef13c05f.txt"
    case sgReport2005 = "003_d14f16574e34a7cb.txt"

    var fileName: String { rawValue }
    var testDescription: String { rawValue }
}

enum CorpusError: Error, CustomStringConvertible {
    case unreadable(String, String)

    var description: String {
        switch self {
        case .unreadable(let file, let reason): "cannot read \(file): \(reason)"
        }
    }
}

/// Parsing as the golden files do it: built-in grammars, no symbol, `source.file` set to
/// the path relative to the repository root so the output does not depend on the machine.
enum CorpusParser {
    private static let grammars = Result { try ParserGrammars.builtIn() }

    static func parse(_ fileName: String) throws -> Document {
        let url = Repo.corpus.appendingPathComponent(fileName)
        let raw: Data
        do {
            raw = try Data(contentsOf: url)
        } catch {
            throw CorpusError.unreadable("Corpus/\(fileName)", "\(error)")
        }
        let source = try InputReader().decode([UInt8](raw), name: "Corpus/\(fileName)")
        return DocumentParser(grammars: try grammars.get()).parse(source)
    }

    static func parse(_ document: CorpusDocument) throws -> Document {
        try parse(document.fileName)
    }

    /// The JSON the golden file holds.
    static func json(_ fileName: String) throws -> Data {
        try DocumentJSON.encode(parse(fileName))
    }
}

enum SchemaLoader {
    private static let loaded = Result { try JSONSchema(contentsOf: Repo.schema) }

    static func schema() throws -> JSONSchema { try loaded.get() }
}

// MARK: - Golden comparison

enum Golden {
    /// Nil when equal; otherwise a short message naming the first differing line.
    static func mismatch(expected: Data, actual: Data, file: String) -> String? {
        if expected == actual { return nil }
        let expectedLines = lines(expected)
        let actualLines = lines(actual)
        var index = 0
        while index < expectedLines.count, index < actualLines.count, expectedLines[index] == actualLines[index] {
            index += 1
        }
        func show(_ lines: [String], _ index: Int) -> String {
            guard index < lines.count else { return "<end of file>" }
            let line = lines[index]
            return line.count > 240 ? String(line.prefix(240)) + "…" : line
        }
        return """
            \(file) differs from the parser's output at line \(index + 1) \
            (golden has \(expectedLines.count) lines, output \(actualLines.count)):
              golden: \(show(expectedLines, index))
              output: \(show(actualLines, index))
            If the change is intended, regenerate the golden files and review the diff:
              \(Repo.updateCommand)
              git diff Corpus/
            """
    }

    /// The lines of the text; a final newline ends the last line rather than starting one.
    private static func lines(_ data: Data) -> [String] {
        var lines = String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

// MARK: - Walking the model

extension Document {
    /// Every section, depth first in document order.
    var allSections: [Section] {
        func walk(_ list: [Section]) -> [Section] { list.flatMap { [$0] + walk($0.children) } }
        return walk(sections)
    }

    func section(_ id: String) -> Section? { allSections.first { $0.id == id } }

    func paragraph(_ number: String) -> Paragraph? { paragraphs.first { $0.number == number } }

    func decision(_ id: String) -> Decision? { decisions.first { $0.id == id } }

    func footnote(_ marker: String) -> Footnote? { footnotes.first { $0.marker == marker } }

    func recommendation(_ id: String) -> Recommendation? { recommendations.first { $0.id == id } }

    func annex(_ number: String) -> Annex? { annexes.first { $0.number == number } }

    func references(from element: String, kind: ReferenceKind? = nil) -> [Reference] {
        references.filter { $0.from == element && (kind == nil || $0.kind == kind) }
    }
}

extension Array where Element == Clause {
    var labels: [String] { map(\.label) }

    func clause(_ label: String) -> Clause? { first { $0.label == label } }
}

/// "a" through "n" and the like.
func letters(_ first: Character, _ last: Character) -> [String] {
    let start = first.asciiValue!
    let end = last.asciiValue!
    return (start...end).map { String(UnicodeScalar($0)) }
}

func numbers(_ range: ClosedRange<Int>) -> [String] { range.map(String.init) }

/// Every report paragraph in `range` sits in `sectionID` or in one of its subsections.
func expectParagraphs(
    _ document: Document, _ range: ClosedRange<Int>, in sectionID: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    for number in range {
        guard let paragraph = document.paragraph(String(number)) else {
            Issue.record("paragraph \(number) is missing", sourceLocation: sourceLocation)
            continue
        }
        let section = paragraph.section ?? "<none>"
        #expect(
            section == sectionID || section.hasPrefix(sectionID + "."),
            "paragraph \(number) sits in \(section), expected \(sectionID)", sourceLocation: sourceLocation)
    }
}
