import UNDocGrammar

/// UN bodies, the names UN text uses for them, and the symbol prefixes of their
/// documents and resolutions, read from Grammars/bodies.tsv.
struct BodyDirectory: Sendable {
    struct Body: Sendable, Hashable {
        var name: String
        var aliases: [String]
        var documentPrefix: String?
        var resolutionPrefix: String?
        /// False for bodies outside the UN (the Council of the European Union).
        var isUN: Bool
    }

    private(set) var bodies: [Body] = []
    /// Per body, its name and aliases in lower case, made once: `lookup` runs for every
    /// reference that names a body, and lower-casing twenty names each time cost more than
    /// the rest of the reference.
    private var lowered: [(name: String, nameBytes: Int, aliases: [(alias: String, bytes: Int)])] = []

    init(tsv: String, fileName: String) throws {
        for (index, rawLine) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: " \r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: " ")
            }
            guard fields.count >= 3, !fields[0].isEmpty else {
                throw GrammarError(fileName: fileName, line: index + 1, rule: nil,
                                   message: "expected at least 3 tab-separated fields: name, aliases, document prefix")
            }
            let aliases = fields[1].split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
            bodies.append(Body(
                name: fields[0], aliases: aliases,
                documentPrefix: fields[2].isEmpty ? nil : fields[2],
                resolutionPrefix: fields.count > 3 && !fields[3].isEmpty ? fields[3] : nil,
                isUN: fields.count > 4 ? fields[4] != "external" : true))
            lowered.append((fields[0].lowercased(), fields[0].utf8.count,
                            aliases.map { ($0.lowercased(), $0.utf8.count) }))
        }
    }

    /// The body a name denotes: its full name first, then a name that starts with it
    /// ("Conference of the Parties to the United Nations Convention against Transnational
    /// Organized Crime at its third session"), then an alias. `preferring` breaks ties
    /// between aliases (the document's own body).
    func lookup(_ text: String, preferring preferred: Body? = nil) -> Body? {
        let name = text.trimmingCharacters(in: " ,.;")
        let lower = name.lowercased()
        let bytes = name.utf8.count
        // As `caseInsensitiveEquals`: the same length in UTF-8, and equal in lower case.
        func same(_ other: String, _ otherBytes: Int) -> Bool { otherBytes == bytes && other == lower }
        if let exact = lowered.firstIndex(where: { same($0.name, $0.nameBytes) }) { return bodies[exact] }
        var longest: Int?
        for i in lowered.indices where lower.hasPrefix(lowered[i].name) {
            // The first of the longest names, as `max(by:)` keeps it.
            if let best = longest, bodies[best].name.count >= bodies[i].name.count { continue }
            longest = i
        }
        if let longest { return bodies[longest] }
        if let preferred, let index = bodies.firstIndex(of: preferred),
           lowered[index].aliases.contains(where: { same($0.alias, $0.bytes) }) {
            return preferred
        }
        if let preferred, !bodies.contains(preferred), preferred.aliases.contains(where: { $0.caseInsensitiveEquals(name) }) {
            return preferred
        }
        return lowered.firstIndex { $0.aliases.contains(where: { same($0.alias, $0.bytes) }) }.map { bodies[$0] }
    }

    /// The body whose document prefix is `prefix`.
    func body(prefix: String) -> Body? {
        bodies.first { $0.documentPrefix == prefix }
    }
}

extension StringProtocol {
    /// Trims the ASCII characters of `set` from both ends (a byte loop: this runs for
    /// every captured reference part).
    func trimmingCharacters(in set: String) -> String {
        // Most texts have nothing to trim: no index walk then.
        let whole = Substring(self)
        if let first = whole.utf8.first, let last = whole.utf8.last, !set.utf8.contains(first), !set.utf8.contains(last) {
            return String(whole)
        }
        let utf8 = whole.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, set.utf8.contains(utf8[start]) { start = utf8.index(after: start) }
        while end > start {
            let last = utf8.index(before: end)
            if !set.utf8.contains(utf8[last]) { break }
            end = last
        }
        return String(whole[start..<end])
    }

    func caseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
        utf8.count == other.utf8.count && lowercased() == other.lowercased()
    }
}
