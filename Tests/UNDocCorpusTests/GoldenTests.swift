import Foundation
import Testing
import UNDocModel

/// Each `Corpus/NAME.txt` parses to exactly the bytes of `Corpus/NAME.expected.json`.
/// `UNDOC_UPDATE_GOLDEN=1 swift test --filter UNDocCorpusTests` rewrites the golden files.
@Suite("golden files")
struct GoldenTests {
    @Test("the corpus holds the three documents, each with a golden file")
    func inventory() throws {
        for document in CorpusDocument.allCases {
            #expect(Repo.corpusFiles.contains(document.fileName), "Corpus/\(document.fileName) is missing")
        }
        guard !Repo.updatingGolden else { return }
        for file in Repo.corpusFiles {
            #expect(
                FileManager.default.fileExists(atPath: Repo.goldenURL(for: file).path),
                "Corpus/\(Repo.goldenURL(for: file).lastPathComponent) is missing; create it with: \(Repo.updateCommand)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: Repo.corpus.path)
        for golden in names where golden.hasSuffix(".expected.json") {
            let text = String(golden.dropLast(".expected.json".count)) + ".txt"
            #expect(Repo.corpusFiles.contains(text), "Corpus/\(golden) has no Corpus/\(text)")
        }
    }

    @Test("parse output matches the golden file", arguments: Repo.corpusFiles)
    func matchesGolden(_ file: String) throws {
        let actual = try CorpusParser.json(file)
        let url = Repo.goldenURL(for: file)
        let name = "Corpus/" + url.lastPathComponent
        if Repo.updatingGolden {
            if (try? Data(contentsOf: url)) != actual {
                try actual.write(to: url, options: .atomic)
                print("undoc golden: rewrote \(name); review it with git diff Corpus/")
            }
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("\(name) is missing; create it with: \(Repo.updateCommand)")
            return
        }
        if let message = Golden.mismatch(expected: expected, actual: actual, file: name) {
            Issue.record(Comment(rawValue: message))
        }
    }

    @Test("the golden files do not depend on the machine", arguments: Repo.corpusFiles)
    func portableSourceName(_ file: String) throws {
        let document = try CorpusParser.parse(file)
        #expect(document.source.file == "Corpus/\(file)")
        #expect(document.symbol == nil)
        #expect(document.schema == Document.schemaVersion)
    }

    @Test("the mismatch message names the first differing line and the fix")
    func mismatchMessage() throws {
        let expected = Data("{\n  \"a\" : 1,\n  \"b\" : 2\n}\n".utf8)
        let actual = Data("{\n  \"a\" : 1,\n  \"b\" : 3\n}\n".utf8)
        let message = try #require(Golden.mismatch(expected: expected, actual: actual, file: "Corpus/x.expected.json"))
        #expect(message.contains("at line 3"))
        #expect(message.contains("golden:   \"b\" : 2"))
        #expect(message.contains("output:   \"b\" : 3"))
        #expect(message.contains(Repo.updateCommand))
        #expect(Golden.mismatch(expected: expected, actual: expected, file: "x") == nil)
        let shorter = try #require(Golden.mismatch(expected: expected, actual: Data("{\n".utf8), file: "x"))
        #expect(shorter.contains("output: <end of file>"))
    }
}

@Suite("determinism")
struct DeterminismTests {
    @Test("parsing the same file twice gives identical bytes", arguments: Repo.corpusFiles)
    func sameBytesTwice(_ file: String) throws {
        let first = try CorpusParser.json(file)
        let second = try CorpusParser.json(file)
        #expect(first == second)
    }

    @Test("parsing the same file concurrently gives identical bytes", arguments: Repo.corpusFiles)
    func sameBytesConcurrently(_ file: String) async throws {
        let reference = try CorpusParser.json(file)
        let outputs = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<4 { group.addTask { try CorpusParser.json(file) } }
            var all: [Data] = []
            for try await data in group { all.append(data) }
            return all
        }
        #expect(outputs.allSatisfy { $0 == reference })
    }
}
