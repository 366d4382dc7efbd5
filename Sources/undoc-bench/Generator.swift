// undoc-bench generate --count N --out DIR [--seed S] [--corpus DIR] [--start-year Y]
//
// Design. The generator writes a corpus of N documents derived from the three corpus texts,
// for measuring `undoc graph` at scale. It never holds more than one document in memory:
// each is rendered, written to DIR/<body>/<year>/<symbol>.txt and forgotten, and its line
// path<TAB>symbol<TAB>ISO date is appended to DIR/manifest.tsv (the format of
// `undoc graph --manifest`).
//
// - Templates. Each corpus text is cut once (CorpusTemplates) into numbered paragraphs
//   with their headings, decisions, recommendation groups, the annex list and the notes,
//   each a `Template` with holes for the year (years that belong to the session move,
//   history such as the Convention's adoption in 2000 stays), session ordinals ("third
//   session"), decision numbers ("3/2" → "N/2", "2/6" → "(N-1)/4"), footnote numbers and
//   named sentences (the previous report, "further to recommendation 19 …"). A document is
//   rendered by concatenating pieces, so the generator runs at disk speed.
// - Bodies and sessions. Five bodies meet in a world that starts in --start-year (2006,
//   the year of 002): two conferences of States parties on the 002 template, the
//   Conference of the Parties (CTOC/COP, even years, third session in the start year) and
//   the Conference of the States Parties against Corruption (CAC/COSP, odd years), 40
//   documents a session: annotated agenda and corrigendum, analytical reports 2-13,
//   draft report L.1 and Add.1-3, draft decisions L.2-L.11 with revisions, INF and CRP
//   papers, and the report /14 whose annex I lists exactly these symbols; two commissions
//   of the Economic and Social Council on the 003 template, yearly, the Commission on Crime
//   Prevention and Criminal Justice (E/CN.15, session = year - 1991) and the Commission on
//   the Status of Women (E/CN.6, session = year - 1956): agenda, 10-17 reports of the
//   Secretary-General with addenda, list of participants, CRPs, 6-16 draft resolutions L.x
//   with revisions; and the Working Group on Trafficking in Persons on the 001 template
//   (CTOC/COP/WG.4, yearly from the year after the Conference's fourth session, which
//   established it by decision 4/4): agenda, background paper, draft report L.1 and addenda
//   Add.1-4 carrying recommendations, CRP, and the report /2. About 110 documents a year,
//   so 100,000 documents run to about 2900; the parser reads four-digit masthead years
//   (Grammars/structure.peg), so the generator stops at 9999 and says so (an earlier
//   --start-year makes room for more). Dates follow the templates' calendar (January
//   meeting, March and May commissions, October conference) and symbols are numbered in
//   date order within a session.
// - Cross-references. Decisions N/1-N/4 are adopted from drafts L.x ("(For the text, see
//   chap. I, decision N/k.)"), decision N/4 recalls (N-1)/4 (a chain through every
//   session), paragraph 59 cites (N-1)/2. Each Working Group report and addendum numbers
//   its recommendations 1..G (groups with lettered items) and cites those of the previous
//   report: "further to recommendation 6 (c) contained in the previous report", resolved
//   by a footnote that names the previous report's symbol (about 1 in 12 addenda omit it,
//   leaving the body's previous report by date to resolve it; 1 in 5 reports also cite
//   their own session's background paper, as real reports do). Each commission's yearly
//   report cites the previous year's and the latest Conference report; documents cite
//   earlier generated documents by symbol (E/CN.15 reports cite E/CN.6/Y/2, as 003 does)
//   and documents outside the set (CEB, E/CN.4, General Assembly and Council resolutions,
//   the conferences' documents of the year before a session).
// - Sizes. From 300-byte corrigenda through 3-20 KB drafts and addenda (like 001) and
//   10-60 KB reports (003 cut after a random paragraph) to the 120 KB Conference report (002).
// - Determinism. Each session draws from its own generator seeded by (seed, body, year),
//   so the same seed gives the same bytes, and a smaller corpus is a prefix (year by year,
//   body by body) of a larger one.
import Foundation

enum Generator {
    static func run(_ arguments: [String]) {
        func value(_ flag: String) -> String? {
            guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
            return arguments[index + 1]
        }
        guard let count = value("--count").flatMap(Int.init), count > 0, let out = value("--out") else {
            stop("usage: undoc-bench generate --count N --out DIR [--seed S] [--corpus DIR] [--start-year Y]")
        }
        let seed = value("--seed").flatMap(UInt64.init) ?? 1
        let corpus = value("--corpus") ?? "Corpus"
        let startYear = value("--start-year").flatMap(Int.init) ?? 2006
        guard (1000...9900).contains(startYear) else { stop("--start-year must be between 1000 and 9900") }
        let templates: CorpusTemplates
        do { templates = try CorpusTemplates(directory: corpus) } catch { stop("\(error)") }
        let writer: CorpusWriter
        do { writer = try CorpusWriter(root: out, limit: count) } catch { stop("\(error)") }
        let start = Date()
        var world = World(templates: templates, writer: writer, seed: seed, startYear: startYear)
        world.run()
        do { try writer.finish() } catch { stop("\(error)") }
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data(String(
            format: "generated %d documents, %.1f MB, years %d-%d, in %.1f s; manifest: %@\n",
            writer.written, Double(writer.bytes) / 1_048_576, startYear, world.lastYear, seconds,
            (out as NSString).appendingPathComponent("manifest.tsv")).utf8))
    }

    static func stop(_ message: String) -> Never {
        FileHandle.standardError.write(Data("undoc-bench: \(message)\n".utf8))
        exit(2)
    }
}

/// Writes documents and the manifest as they come.
final class CorpusWriter {
    let root: String
    let limit: Int
    private(set) var written = 0
    private(set) var bytes = 0
    private let manifest: FileHandle
    private var buffer = ""
    private var folders: Set<String> = []

    init(root: String, limit: Int) throws {
        self.root = root
        self.limit = limit
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let path = (root as NSString).appendingPathComponent("manifest.tsv")
        guard FileManager.default.createFile(atPath: path, contents: Data(
            "# Generated by undoc-bench generate: path<TAB>symbol<TAB>issue date\n".utf8)) else {
            throw GeneratorError(description: "cannot write \(path)")
        }
        manifest = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        manifest.seekToEndOfFile()
    }

    var isFull: Bool { written >= limit }

    /// Writes one document unless the corpus is complete.
    func write(_ text: String, symbol: String, date: Day, folder: String) {
        guard !isFull else { return }
        let directory = "\(folder)/\(date.year)"
        if !folders.contains(directory) {
            try? FileManager.default.createDirectory(atPath: (root as NSString).appendingPathComponent(directory),
                                                     withIntermediateDirectories: true)
            folders.insert(directory)
        }
        let relative = "\(directory)/\(symbol.replacingOccurrences(of: "/", with: "_")).txt"
        let path = (root as NSString).appendingPathComponent(relative)
        var text = text
        let count = text.withUTF8 { bytes -> Int in
            let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard file >= 0 else { return -1 }
            defer { close(file) }
            var done = 0
            while done < bytes.count {
                let wrote = Foundation.write(file, bytes.baseAddress! + done, bytes.count - done)
                guard wrote > 0 else { return -1 }
                done += wrote
            }
            return done
        }
        guard count >= 0 else { Generator.stop("cannot write \(relative) in \(root)") }
        written += 1
        bytes += count
        buffer += "\(relative)\t\(symbol)\t\(date.iso)\n"
        if buffer.utf8.count > 1 << 16 { flush() }
        if written % 10_000 == 0 {
            FileHandle.standardError.write(Data("generated \(written)/\(limit) documents\n".utf8))
        }
    }

    private func flush() {
        manifest.write(Data(buffer.utf8))
        buffer = ""
    }

    func finish() throws {
        flush()
        try manifest.close()
    }
}

/// SplitMix64: small, fast and the same on every platform.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64, _ parts: Int...) {
        state = seed &* 0x9E37_79B9_7F4A_7C15
        for part in parts { state = (state ^ UInt64(bitPattern: Int64(part))) &* 0xBF58_476D_1CE4_E5B9 &+ 0x94D0_49BB_1331_11EB }
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

/// A calendar day (proleptic Gregorian), as days since 1970-01-01.
struct Day: Comparable, Sendable {
    var number: Int

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    init(_ year: Int, _ month: Int, _ day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    private init(number: Int) { self.number = number }

    var civil: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    var year: Int { civil.year }
    var iso: String {
        let (y, m, d) = civil
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
    /// "22 December 2006".
    var text: String {
        let (y, m, d) = civil
        return "\(d) \(Day.months[m - 1]) \(y)"
    }

    func adding(_ days: Int) -> Day { Day(number: number + days) }
    static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }
}
