/// A library catalogue: the UN Digital Library records of one or more MARCXML exports,
/// looked up by document symbol. This is the `undoc.catalog/1` JSON contract
/// (`Schemas/undoc.catalog-1.schema.json`) that `undoc import-marc` writes and `--catalog`
/// reads.
///
/// Files are merged in the order given. A record met twice (same record number, as in two
/// overlapping exports) is kept once; two different records that claim one symbol are both
/// kept, the first one answers lookups, and the conflict is reported in `diagnostics`.
public struct Catalog: Sendable {
    /// The JSON contract's name and version.
    public static let schemaVersion = "undoc.catalog/1"

    /// The files the records came from, in the order they were merged.
    public private(set) var sources: [CatalogSource] = []
    /// Every record, in file order.
    public private(set) var records: [CatalogRecord] = []
    /// Problems met reading the files and merging them.
    public private(set) var diagnostics: [CatalogDiagnostic] = []

    /// Symbol key (see `CatalogSymbol.key`) → index in `records`.
    private var bySymbol: [String: Int] = [:]
    /// Record number (001) → index in `records`.
    private var byID: [String: Int] = [:]

    /// Conflicts reported one by one for each file; beyond that, only counted.
    static let conflictsListed = 100

    public init() {}

    public var isEmpty: Bool { records.isEmpty }

    /// The record catalogued under `symbol` (case and spaces ignored), if any.
    public func record(for symbol: String) -> CatalogRecord? {
        bySymbol[CatalogSymbol.key(symbol)].map { records[$0] }
    }

    /// Adds the records read from one file, with the problems met reading it.
    public mutating func add(_ newRecords: [CatalogRecord], from file: String, format: CatalogSource.Format,
                             diagnostics fileDiagnostics: [CatalogDiagnostic] = []) {
        diagnostics += fileDiagnostics
        var kept = 0
        var repeated: [String: Int] = [:]
        var conflicts = 0
        for record in newRecords {
            if let id = record.id, let first = byID[id] {
                repeated[records[first].source.file, default: 0] += 1
                continue
            }
            let index = records.count
            records.append(record)
            kept += 1
            if let id = record.id { byID[id] = index }
            for symbol in record.allSymbols {
                let key = CatalogSymbol.key(symbol)
                guard let other = bySymbol[key] else {
                    bySymbol[key] = index
                    continue
                }
                guard other != index else { continue }
                conflicts += 1
                if conflicts <= Self.conflictsListed {
                    diagnostics.append(Self.conflict(symbol, first: records[other], second: record))
                }
            }
        }
        for (firstFile, count) in repeated.sorted(by: { $0.key < $1.key }) {
            let also = firstFile == file ? "earlier in the same file" : "in \(firstFile)"
            diagnostics.append(CatalogDiagnostic(
                .info, code: "catalog.duplicate",
                message: "\(count) record\(count == 1 ? "" : "s") of \(file) \(count == 1 ? "was" : "were") already read \(also) (same record number); kept once",
                file: file))
        }
        if conflicts > Self.conflictsListed {
            diagnostics.append(CatalogDiagnostic(
                .warning, code: "catalog.conflict",
                message: "\(conflicts - Self.conflictsListed) more symbol conflicts in \(file) not listed", file: file))
        }
        sources.append(CatalogSource(file: file, format: format, records: kept))
    }

    /// Adds every record of another catalogue (a catalogue JSON given to `--catalog`).
    public mutating func merge(_ other: Catalog) {
        var remaining = other.records
        for source in other.sources {
            let records = remaining.filter { $0.source.file == source.file }
            remaining.removeAll { $0.source.file == source.file }
            add(records, from: source.file, format: source.format,
                diagnostics: other.diagnostics.filter { $0.file == source.file })
        }
        // Records of a file the catalogue does not list (a hand-edited file): added under
        // their own file names, in order.
        var files: [String] = []
        for record in remaining where !files.contains(record.source.file) { files.append(record.source.file) }
        for file in files {
            add(remaining.filter { $0.source.file == file }, from: file, format: .catalog)
        }
        diagnostics += other.diagnostics.filter { diagnostic in
            diagnostic.file.map { file in !other.sources.contains { $0.file == file } } ?? true
        }
    }

    /// Two records claim one symbol: which is used, and what differs between them.
    static func conflict(_ symbol: String, first: CatalogRecord, second: CatalogRecord) -> CatalogDiagnostic {
        func name(_ record: CatalogRecord) -> String {
            let number = record.id.map { "record \($0)" } ?? "record #\(record.source.record)"
            return "\(number) (\(record.source.file):\(record.source.line))"
        }
        var differences: [String] = []
        if first.title != second.title { differences.append("titles") }
        if first.date != second.date { differences.append("dates") }
        let same = differences.isEmpty
        return CatalogDiagnostic(
            same ? .info : .warning, code: "catalog.conflict",
            message: "\(symbol) is catalogued by \(name(first)) and by \(name(second))"
                + (same ? " with the same title and date" : ", whose \(differences.joined(separator: " and ")) differ")
                + "; the first is used",
            file: second.source.file, line: second.source.line, symbol: symbol)
    }
}

extension Catalog: Codable {
    enum CodingKeys: String, CodingKey {
        case schema, sources, records, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaVersion, forKey: .schema)
        try container.encode(sources, forKey: .sources)
        try container.encode(records, forKey: .records)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    /// Reads a catalogue written by `undoc import-marc`. The lookup tables are rebuilt the
    /// same way as when the files were merged, so lookups give the same records.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try container.decode(String.self, forKey: .schema)
        guard schema == Self.schemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container,
                debugDescription: "this is \(schema), not \(Self.schemaVersion)")
        }
        sources = try container.decodeIfPresent([CatalogSource].self, forKey: .sources) ?? []
        records = try container.decode([CatalogRecord].self, forKey: .records)
        diagnostics = try container.decodeIfPresent([CatalogDiagnostic].self, forKey: .diagnostics) ?? []
        for (index, record) in records.enumerated() {
            if let id = record.id, byID[id] == nil { byID[id] = index }
            for symbol in record.allSymbols where bySymbol[CatalogSymbol.key(symbol)] == nil {
                bySymbol[CatalogSymbol.key(symbol)] = index
            }
        }
    }
}

/// A file whose records are in the catalogue.
public struct CatalogSource: Codable, Sendable, Hashable {
    public enum Format: String, Codable, Sendable {
        /// A MARCXML export of the UN Digital Library.
        case marcxml
        /// An `undoc.catalog/1` file.
        case catalog
    }

    public var file: String
    public var format: Format
    /// Records kept from it (records already read from an earlier file are not counted).
    public var records: Int

    public init(file: String, format: Format, records: Int) {
        self.file = file
        self.format = format
        self.records = records
    }
}

/// A problem met reading a catalogue file or merging it with others.
public struct CatalogDiagnostic: Codable, Sendable, Hashable {
    public var severity: Diagnostic.Severity
    /// Dotted code: `marc.xml` (libxml2's report), `marc.entity`, `marc.incomplete`,
    /// `marc.noSymbol`, `marc.date`, `catalog.conflict`, `catalog.duplicate`.
    public var code: String
    public var message: String
    public var file: String?
    public var line: Int?
    /// The symbol concerned.
    public var symbol: String?

    public init(_ severity: Diagnostic.Severity, code: String, message: String, file: String? = nil, line: Int? = nil,
                symbol: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.symbol = symbol
    }

    /// "FILE:LINE: message", as printed on standard error.
    public var description: String {
        let place = [file, line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
