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
    /// Each body's name and aliases in lower case, for `lookup` (which runs for every
    /// reference that names an organ).
    private var lowercasedNames: [String] = []
    private var lowercasedAliases: [[String]] = []

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
        }
        lowercasedNames = bodies.map { $0.name.lowercased() }
        lowercasedAliases = bodies.map { $0.aliases.map { $0.lowercased() } }
    }

    /// The body a name denotes: its full name first, then a name that starts with it
    /// ("Conference of the Parties to the United Nations Convention against Transnational
    /// Organized Crime at its third session"), then an alias. `preferring` breaks ties
    /// between aliases (the document's own body).
    func lookup(_ text: String, preferring preferred: Body? = nil) -> Body? {
        let name = text.trimmingCharacters(in: " ,.;")
        let lowerName = name.lowercased()
        let length = name.utf8.count
        // `caseInsensitiveEquals`, with both sides lowered once.
        func equals(_ candidate: String, lowered: String) -> Bool {
            candidate.utf8.count == length && lowered == lowerName
        }
        if let exact = bodies.indices.first(where: { equals(bodies[$0].name, lowered: lowercasedNames[$0]) }) {
            return bodies[exact]
        }
        if let longest = bodies.indices.filter({ lowerName.hasPrefix(lowercasedNames[$0]) })
            .max(by: { bodies[$0].name.count < bodies[$1].name.count }) {
            return bodies[longest]
        }
        if let preferred, preferred.aliases.contains(where: { $0.caseInsensitiveEquals(name) }) { return preferred }
        let alias = bodies.indices.first { index in
            bodies[index].aliases.indices.contains { equals(bodies[index].aliases[$0], lowered: lowercasedAliases[index][$0]) }
        }
        return alias.map { bodies[$0] }
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
