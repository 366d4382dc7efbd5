// undoc-bench: measures parsing throughput and memory in release mode.
//
//   swift run -c release undoc-bench corpus [DIR] [--seconds N | --rounds N]   MB/s per core on the corpus
//   swift run -c release undoc-bench large [--mb N]               one N MB document: MB/s and peak memory
//   swift run -c release undoc-bench generate --count N --out DIR [--seed S] [--corpus DIR] [--start-year Y]
//                                                                 a corpus of N documents derived from Corpus/
//                                                                 and its manifest.tsv, for `undoc graph` at scale
//                                                                 (Generator.swift describes the design)
//   swift run -c release undoc-bench normalize IN OUT             the text undoc parses for IN (a PDF, HTML or
//                                                                 Word file after conversion), written to OUT, so
//                                                                 that parsing it can be timed against reading IN
//   swift run -c release undoc-bench json [FILE] [--rounds N] [--writer-only]
//                                                                 DocumentJSON.encode of one parsed document
//                                                                 (default Corpus/002_02cf9ff3ef13c05f.txt) N times:
//                                                                 ms per encode and MB/s of JSON, against
//                                                                 Foundation's JSONEncoder with the same options
//   swift run -c release undoc-bench pdf-text FILE... [--rounds N] the PDF normaliser alone on `pdftotext -layout`
//                                                                 output saved in FILE (pdftotext -layout -enc UTF-8
//                                                                 -eol unix X.pdf FILE): ms per file and MB/s
//
// Figures and how they were taken are recorded in BENCHMARKS.md.
import Foundation
import UNDocIngest
import UNDocModel
import UNDocParser

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("undoc-bench: \(message)\n".utf8))
    exit(2)
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident memory of this process, in bytes.
func peakMemory() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024
}

func value(of flag: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func corpusTexts(_ directory: String) -> [SourceText] {
    let reader = InputReader()
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasSuffix(".txt") }.sorted()
    if names.isEmpty { fail("no .txt files in \(directory)") }
    return names.map { name in
        do {
            return try reader.read(path: (directory as NSString).appendingPathComponent(name))
        } catch {
            fail("\(error)")
        }
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "generate" {
    Generator.run(Array(arguments.dropFirst()))
    exit(0)
}
if arguments.first == "normalize" {
    guard arguments.count == 3 else { fail("usage: undoc-bench normalize IN OUT") }
    do {
        let source = try InputReader().read(path: arguments[1])
        try Data(source.bytes).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
    } catch {
        fail("\(error)")
    }
    exit(0)
}
let grammars: ParserGrammars
do { grammars = try ParserGrammars.builtIn() } catch { fail("\(error)") }
let parser = DocumentParser(grammars: grammars)
let mode = arguments.first ?? "corpus"

switch mode {
case "corpus":
    let directory = arguments.dropFirst().first { !$0.hasPrefix("--") && Double($0) == nil } ?? "Corpus"
    let seconds = value(of: "--seconds", in: arguments).flatMap(Double.init) ?? 3
    let texts = corpusTexts(directory)
    let bytesPerRound = texts.reduce(0) { $0 + $1.bytes.count }
    // Warm up once (grammar compilation is done; this pages in code and data).
    var checksum = 0
    for text in texts { checksum &+= parser.parse(text).paragraphs.count }
    // `--rounds N` runs a fixed number of rounds (for instruction counts under callgrind).
    let fixedRounds = value(of: "--rounds", in: arguments).flatMap(Int.init)
    var rounds = 0
    let start = now()
    while fixedRounds.map({ rounds < $0 }) ?? (now() - start < seconds) {
        for text in texts { checksum &+= parser.parse(text).references.count }
        rounds += 1
    }
    let elapsed = now() - start
    let megabytes = Double(bytesPerRound * rounds) / 1_048_576
    print("corpus: \(texts.count) files, \(bytesPerRound) bytes, \(rounds) rounds in \(String(format: "%.2f", elapsed)) s")
    print(String(format: "single core: %.1f MB/s (%.2f ms per round)", megabytes / elapsed, elapsed / Double(rounds) * 1000))
    print("peak memory: \(peakMemory() / 1_048_576) MB  (checksum \(checksum))")

case "large":
    let megabytes = value(of: "--mb", in: arguments).flatMap(Int.init) ?? 50
    let directory = value(of: "--corpus", in: arguments) ?? "Corpus"
    let texts = corpusTexts(directory)
    // One long report: the corpus documents one after another until the size is reached.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(megabytes * 1_048_576 + 200_000)
    while bytes.count < megabytes * 1_048_576 {
        for text in texts { bytes += text.bytes; bytes.append(0x0A) }
    }
    let source = SourceText(name: "large.txt", format: "text", bytes: bytes)
    let before = peakMemory()
    let start = now()
    let document = parser.parse(source)
    let elapsed = now() - start
    let size = Double(bytes.count) / 1_048_576
    print(String(format: "large: %.1f MB parsed in %.2f s: %.1f MB/s", size, elapsed, size / elapsed))
    print("elements: \(document.paragraphs.count) paragraphs, \(document.references.count) references, \(document.footnotes.count) footnotes")
    print(String(format: "peak memory: %d MB (%.1f× the input; %d MB before parsing)",
                 peakMemory() / 1_048_576, Double(peakMemory()) / Double(bytes.count), before / 1_048_576))

case "json":
    let file = arguments.dropFirst().first { !$0.hasPrefix("--") && Int($0) == nil }
        ?? "Corpus/002_02cf9ff3ef13c05f.txt"
    let rounds = value(of: "--rounds", in: arguments).flatMap(Int.init) ?? 200
    let document: Document
    do { document = parser.parse(try InputReader().read(path: file)) } catch { fail("\(error)") }
    /// Encodes `rounds` times; the output size and seconds per encode.
    func time(_ encode: () throws -> Data) -> (bytes: Int, seconds: Double) {
        func once() -> Int {
            switch Result(catching: encode) {
            case .success(let data): return data.count
            case .failure(let error): fail("\(error)")
            }
        }
        var bytes = once()  // warm-up
        let start = now()
        for _ in 0..<rounds { bytes = once() }
        return (bytes, (now() - start) / Double(rounds))
    }
    func report(_ name: String, _ result: (bytes: Int, seconds: Double)) {
        print(String(format: "%@: %.3f ms per encode, %.1f MB/s (%d bytes of JSON)", name, result.seconds * 1000,
                     Double(result.bytes) / 1_048_576 / result.seconds, result.bytes))
    }
    print("json: \(file), \(rounds) rounds")
    report("DocumentJSON.encode (JSONWriter)", time { try DocumentJSON.encode(document) })
    if !arguments.contains("--writer-only") {
        // What DocumentJSON.encode did before JSONWriter.
        func foundation() throws -> Data {
            var data = try DocumentJSON.encoder().encode(document)
            data.append(0x0A)
            return data
        }
        report("Foundation JSONEncoder          ", time(foundation))
        do {
            print(try DocumentJSON.encode(document) == foundation() ? "same bytes" : "DIFFERENT BYTES")
        } catch {
            fail("\(error)")
        }
    }
    print("peak memory: \(peakMemory() / 1_048_576) MB")

case "pdf-text":
    let files = arguments.dropFirst().filter { !$0.hasPrefix("--") && Int($0) == nil }
    if files.isEmpty { fail("usage: undoc-bench pdf-text FILE... [--rounds N]") }
    let rounds = value(of: "--rounds", in: arguments).flatMap(Int.init) ?? 300
    for file in files {
        guard let output = FileManager.default.contents(atPath: file).map(Array.init) else { fail("cannot read \(file)") }
        // The first normalisation in a process, then `rounds` more (under callgrind, run with
        // a few rounds and divide).
        var start = now()
        var checksum = PDFReader.normalize(pdftotextOutput: output, name: file).bytes.count
        let first = now() - start
        start = now()
        for _ in 0..<rounds { checksum &+= PDFReader.normalize(pdftotextOutput: output, name: file).bytes.count }
        let each = (now() - start) / Double(rounds)
        print(String(format: "%@: %d bytes, first %.3f ms, then %.3f ms per normalisation, %.1f MB/s (checksum %d)",
                     file, output.count, first * 1000, each * 1000, Double(output.count) / 1_048_576 / each, checksum))
    }

default:
    fail("unknown mode '\(mode)': use corpus, large, json, pdf-text, normalize or generate")
}
