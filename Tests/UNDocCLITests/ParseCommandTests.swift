import Foundation
import Testing

@Suite("undoc parse")
struct ParseCommandTests {
    @Test("JSON on stdout, nothing on stderr, exit 0")
    func parsesCorpusDocument() throws {
        let result = try CLI.run(["parse", "Corpus/001_caccf940e690384d.txt"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "undoc.document/1")
        #expect((json?["paragraphs"] as? [Any])?.count == 10)
    }

    @Test("the text outline lists paragraphs, decisions and references")
    func textOutline() throws {
        let result = try CLI.run(["parse", "--format", "text", "Corpus/002_02cf9ff3ef13c05f.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("paragraphs: 134 (1-134)"))
        #expect(result.stdout.contains("decisions: 3/1, 3/2, 3/3, 3/4"))
        #expect(result.stdout.contains("see → decision 3/2 (chap. I) = dec-3/2"))
    }

    @Test("several inputs give an array; an unreadable one is reported, the rest written, exit 1")
    func partialFailure() throws {
        let directory = try CLI.temporaryDirectory()
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let result = try CLI.run(["parse", "Corpus/001_caccf940e690384d.txt", empty.path, "missing.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty.txt: is empty"))
        #expect(result.stderr.contains("missing.txt: no such file"))
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
        #expect(array?.count == 1)
    }

    @Test("bad inputs get a one-line message naming the file", arguments: [
        ("binary.dat", Data([0x41, 0x00, 0x42]), "is a binary file"),
        ("report.pdf", Data("%PDF-1.7\n".utf8), "is a truncated PDF"),
        ("page.txt", Data("<!DOCTYPE html><html></html>".utf8), "is an HTML page with no text"),
        ("report.docx", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), "is a ZIP archive"),
    ])
    func badInput(name: String, content: Data, message: String) throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent(name)
        try content.write(to: file)
        let result = try CLI.run(["parse", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(file.path) == true)
        #expect(lines.first?.contains(message) == true)
    }

    @Test("a directory given as a file is refused")
    func directoryInput() throws {
        let result = try CLI.run(["parse", "Corpus"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Corpus: is a directory"))
    }

    @Test("invalid UTF-8 is a diagnostic, not a failure")
    func invalidUTF8() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("latin1.txt")
        try Data([0x31, 0x2E, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6B, 0x2E, 0x0A]).write(to: file)
        let result = try CLI.run(["parse", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("input.invalidUTF8"))
    }

    @Test("-o writes the file atomically and leaves an existing file alone when nothing parses")
    func atomicOutput() throws {
        let directory = try CLI.temporaryDirectory()
        let output = directory.appendingPathComponent("out.json")
        try Data("previous".utf8).write(to: output)
        let failed = try CLI.run(["parse", "missing.txt", "-o", output.path])
        #expect(failed.status == 1)
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
        let written = try CLI.run(["parse", "Corpus/003_d14f16574e34a7cb.txt", "-o", output.path])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOf: output, encoding: .utf8).contains("\"undoc.document/1\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("--output-dir writes one file per input")
    func outputDirectory() throws {
        let directory = try CLI.temporaryDirectory()
        let result = try CLI.run(["parse", "Corpus/001_caccf940e690384d.txt", "Corpus/003_d14f16574e34a7cb.txt",
                                  "--output-dir", directory.path])
        #expect(result.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["001_caccf940e690384d.json", "003_d14f16574e34a7cb.json"])
    }

    @Test("--symbol must be a UN symbol and goes with one input: exit 2")
    func symbolValidation() throws {
        let unknown = try CLI.run(["parse", "--symbol", "NOT-A-SYMBOL", "Corpus/001_caccf940e690384d.txt"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("not a UN document symbol"))
        let twoFiles = try CLI.run(["parse", "--symbol", "CTOC/COP/2006/14", "Corpus/001_caccf940e690384d.txt",
                                    "Corpus/003_d14f16574e34a7cb.txt"])
        #expect(twoFiles.status == 2)
        let good = try CLI.run(["parse", "--symbol", "CTOC/COP/WG.4/2010/L.1/Add.1", "Corpus/001_caccf940e690384d.txt"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("\"symbol\" : \"CTOC/COP/WG.4/2010/L.1/Add.1\""))
    }

    @Test("an unknown option is a usage error: exit 2")
    func usageError() throws {
        let result = try CLI.run(["parse", "--no-such-option", "x.txt"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }

    @Test("a subcommand read by its own parser first still gives the root's help, usage lines and messages")
    func subcommandParsedAlone() throws {
        let help = try CLI.run(["parse", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: undoc parse"))
        let invalid = try CLI.run(["parse", "--jobs", "0", "Corpus/001_caccf940e690384d.txt"])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("--jobs must be at least 1"))
        #expect(invalid.stderr.contains("Usage: undoc parse"))
        let unknown = try CLI.run(["graph", "--no-such-option", "Corpus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Usage: undoc graph"))
        // Parsed alone or through the root, the same command does the same thing.
        let text = "Corpus/001_caccf940e690384d.txt"
        let alone = try CLI.run(["symbols", "--unique", text])
        let viaRoot = try CLI.run(["symbols", "--unique", "--no-such-option", text])
        #expect(alone.status == 0)
        #expect(!alone.stdout.isEmpty)
        #expect(viaRoot.status == 2)
        #expect(try CLI.run(["symbols", text, "--unique"]).stdout == alone.stdout)
    }

    @Test("a malformed grammar names the file, line and rule: exit 2")
    func malformedGrammar() throws {
        let directory = try CLI.temporaryDirectory()
        try Data("symbolGroup <- \"A\" (\n".utf8).write(to: directory.appendingPathComponent("symbols.peg"))
        let result = try CLI.run(["parse", "--grammars", directory.path, "Corpus/001_caccf940e690384d.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("symbols.peg:1: rule 'symbolGroup'"))
    }

    @Test("a grammar override changes what is recognised without recompiling")
    func grammarOverride() throws {
        let directory = try CLI.temporaryDirectory()
        let builtIn = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("Grammars/symbols.peg"), encoding: .utf8)
        // Add a made-up series prefix "ZZ" to the organ list.
        let extended = builtIn.replacingOccurrences(of: "organ         <- \"CTOC/COP\"", with: "organ         <- \"ZZ\" / \"CTOC/COP\"")
        #expect(extended != builtIn)
        try Data(extended.utf8).write(to: directory.appendingPathComponent("symbols.peg"))
        let before = try CLI.run(["symbols"], stdin: "See ZZ/2026/7.\n")
        let after = try CLI.run(["symbols", "--grammars", directory.path], stdin: "See ZZ/2026/7.\n")
        #expect(!before.stdout.contains("ZZ/2026/7"))
        #expect(after.stdout.contains("ZZ/2026/7"))
    }

    @Test("--help works for every command", arguments: [["--help"], ["parse", "--help"], ["symbols", "--help"]])
    func help(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }
}
