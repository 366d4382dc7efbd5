import ArgumentParser
import Foundation
import UNDocIndex
import UNDocIngest
import UNDocModel

/// `--catalog FILE`: the library catalogue the parse, graph, trace and index commands use
/// to fill what documents do not print (title, issue date, agenda) and to name and date the
/// documents they cite.
struct CatalogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A library catalogue: a UN Digital Library MARCXML export or a JSON file written by `undoc import-marc`. Fills titles, dates and agenda items the documents do not print; repeat to merge several.",
        valueName: "file"))
    var catalog: [String] = []

    /// Problems of the catalogue files printed on standard error; the rest are counted.
    static let problemsShown = 5

    /// The catalogue, or nil without --catalog. A file that gives no catalogue at all is
    /// exit 2, like a bad --manifest; the problems met reading the files (malformed XML,
    /// conflicting records) are printed and the run goes on. A catalogue JSON's own
    /// diagnostics were printed by `undoc import-marc` and are not repeated.
    func load() throws -> Catalog? {
        guard !catalog.isEmpty else { return nil }
        let loaded: Catalog
        var found: [CatalogDiagnostic] = []
        do {
            loaded = try CatalogLoader.load(catalog, found: &found)
        } catch {
            Console.error("undoc: --catalog \(error)")
            throw ExitCode(2)
        }
        let problems = found.filter { $0.severity >= .warning }
        for problem in problems.prefix(Self.problemsShown) { Console.error("undoc: catalogue: \(problem.description)") }
        if problems.count > Self.problemsShown {
            Console.error("undoc: catalogue: \(problems.count - Self.problemsShown) more problems (undoc import-marc lists them all)")
        }
        return loaded
    }

    /// Identifies the catalogue for an index's parser key: each file's name and content
    /// hash, so that a changed catalogue has every document parsed again.
    func fingerprint() -> String? {
        guard !catalog.isEmpty else { return nil }
        return catalog.map { path in
            let data = (try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)) ?? Data()
            return "\(path)=\(ContentHash.fnv1a(data))"
        }.joined(separator: ",")
    }
}
