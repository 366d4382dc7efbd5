#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled grammar as bytes, and back: what `GrammarCache` keeps between runs, so that a
/// run reads the tables instead of computing them again (the start-pattern analyses and the
/// prefilters are most of the 29 M instructions the built-in grammars take to compile).
///
/// The layout is this build's own: fixed-width integers in the machine's byte order, arrays
/// as a count and their elements, the large tables copied whole. It is read back only by the
/// same build (`GrammarCache` keys entries by the executable), never exchanged.
extension CompiledGrammar {
    /// Bumped whenever the layout below, or the meaning of a compiled field, changes.
    static let archiveFormat: UInt32 = 1

    func archived() -> [UInt8] {
        var out = ArchiveWriter()
        out.u32(Self.archiveFormat)
        out.array(nodes) { out, node in
            out.u8(node.op.rawValue)
            out.u8(node.nullable ? 1 : 0)
            out.i32(node.a)
            out.i32(node.b)
            out.i32(node.c)
            out.byteSet(node.first)
        }
        out.raw(kids)
        out.raw(pool)
        out.array(infos) { out, info in
            out.optionalString(info.type)
            out.optionalString(info.label)
            out.optionalString(info.rule)
        }
        out.array(ruleNames) { $0.string($1) }
        out.array(ruleTypes) { $0.optionalString($1) }
        out.raw(ContiguousArray(ruleEntries))
        out.array(ruleIndex.sorted { $0.value < $1.value }) { out, entry in
            out.string(entry.key)
            out.i64(Int64(entry.value))
        }
        out.raw(startTables)
        out.array(ruleStarts) { $0.byteSet($1) }
        out.array(rulePrefixes) { out, patterns in
            out.array(patterns) { out, pattern in
                out.i64(Int64(pattern.length))
                out.byteSet(pattern.s0)
                out.byteSet(pattern.s1)
                out.byteSet(pattern.s2)
            }
        }
        out.array(filters) { out, filter in
            out.i32(filter.rows)
            out.i32(filter.triples)
            out.u32(filter.shift)
        }
        out.raw(filterTables.rows)
        out.raw(filterTables.bits)
        out.raw(filterTables.triples)
        out.raw(ContiguousArray(ruleFilters))
        out.array(wideTables.checks) { out, check in
            out.u64(check.value0)
            out.u64(check.mask0)
            out.u64(check.value1)
            out.u64(check.mask1)
            out.i64(Int64(check.length))
        }
        out.raw(wideTables.buckets)
        out.raw(ContiguousArray(ruleWideFilters))
        out.raw(trigrams.words)
        out.raw(ContiguousArray(ruleTrigrams))
        out.array(ruleRequired) { out, set in
            out.u8(set == nil ? 0 : 1)
            if let set { out.byteSet(set) }
        }
        out.array(ruleRequiredPairs) { out, pair in
            out.u8(pair == nil ? 0 : 1)
            if let pair {
                out.byteSet(pair.before)
                out.u8(pair.byte)
            }
        }
        return out.bytes
    }

    /// The grammar `archived()` gave these bytes for, or nil when they are not such an archive
    /// (another format, cut short, or with bytes left over).
    init?(archive: UnsafeRawBufferPointer) {
        var input = ArchiveReader(archive)
        guard input.u32() == Self.archiveFormat else { return nil }
        var program = CompiledGrammar()
        guard let nodes: ContiguousArray<Node> = input.array({ input in
            guard let rawOp = input.u8(), let op = Op(rawValue: rawOp), let nullable = input.u8(),
                  let a = input.i32(), let b = input.i32(), let c = input.i32(), let first = input.byteSet()
            else { return nil }
            return Node(op: op, nullable: nullable != 0, a: a, b: b, c: c, first: first)
        }) else { return nil }
        program.nodes = nodes
        guard let kids: ContiguousArray<Int32> = input.raw(), let pool: ContiguousArray<UInt8> = input.raw(),
              let infos: ContiguousArray<CaptureInfo> = input.array({ input in
                  guard let type = input.optionalString(), let label = input.optionalString(),
                        let rule = input.optionalString() else { return nil }
                  return CaptureInfo(type: type, label: label, rule: rule)
              }),
              let ruleNames: ContiguousArray<String> = input.array({ $0.string() }),
              let ruleTypes: ContiguousArray<String?> = input.array({ $0.optionalString() }),
              let ruleEntries: ContiguousArray<Int32> = input.raw(),
              let ruleIndex: ContiguousArray<(String, Int)> = input.array({ input in
                  guard let name = input.string(), let index = input.i64() else { return nil }
                  return (name, Int(index))
              }),
              let startTables: ContiguousArray<UInt8> = input.raw(),
              let ruleStarts: ContiguousArray<ByteSet> = input.array({ $0.byteSet() }),
              let rulePrefixes: ContiguousArray<[PrefixPattern]> = input.array({ input in
                  input.array({ input -> PrefixPattern? in
                      guard let length = input.i64(), let s0 = input.byteSet(), let s1 = input.byteSet(),
                            let s2 = input.byteSet() else { return nil }
                      return PrefixPattern(archivedLength: Int(length), s0: s0, s1: s1, s2: s2)
                  }).map(Array.init)
              }),
              let filters: ContiguousArray<Prefilter> = input.array({ input in
                  guard let rows = input.i32(), let triples = input.i32(), let shift = input.u32() else { return nil }
                  return Prefilter(archivedRows: rows, triples: triples, shift: shift)
              }),
              let filterRows: ContiguousArray<UInt32> = input.raw(),
              let filterBits: ContiguousArray<UInt64> = input.raw(),
              let filterTriples: ContiguousArray<UInt64> = input.raw(),
              let ruleFilters: ContiguousArray<Int32> = input.raw(),
              let wideChecks: ContiguousArray<WideCheck> = input.array({ input in
                  guard let value0 = input.u64(), let mask0 = input.u64(), let value1 = input.u64(),
                        let mask1 = input.u64(), let length = input.i64() else { return nil }
                  return WideCheck(value0: value0, mask0: mask0, value1: value1, mask1: mask1, length: Int(length))
              }),
              let wideBuckets: ContiguousArray<Int32> = input.raw(),
              let ruleWideFilters: ContiguousArray<Int32> = input.raw(),
              let trigramWords: ContiguousArray<UInt64> = input.raw(),
              let ruleTrigrams: ContiguousArray<Int32> = input.raw(),
              let ruleRequired: ContiguousArray<ByteSet?> = input.array({ input -> ByteSet?? in
                  switch input.u8() {
                  case 0: return .some(nil)
                  case 1: return input.byteSet().map { .some($0) }
                  default: return nil
                  }
              }),
              let ruleRequiredPairs: ContiguousArray<RequiredPair?> = input.array({ input -> RequiredPair?? in
                  switch input.u8() {
                  case 0: return .some(nil)
                  case 1:
                      guard let before = input.byteSet(), let byte = input.u8() else { return nil }
                      return .some(RequiredPair(before: before, byte: byte))
                  default: return nil
                  }
              }),
              input.isAtEnd
        else { return nil }
        program.kids = kids
        program.pool = pool
        program.infos = Array(infos)
        program.ruleNames = Array(ruleNames)
        program.ruleTypes = Array(ruleTypes)
        program.ruleEntries = Array(ruleEntries)
        program.ruleIndex = Dictionary(ruleIndex.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        program.startTables = startTables
        program.ruleStarts = Array(ruleStarts)
        program.rulePrefixes = Array(rulePrefixes)
        program.filters = filters
        program.filterTables = PrefilterTables(rows: filterRows, bits: filterBits, triples: filterTriples)
        program.ruleFilters = Array(ruleFilters)
        program.wideTables = WideFilterTables(checks: wideChecks, buckets: wideBuckets)
        program.ruleWideFilters = Array(ruleWideFilters)
        program.trigrams = FoldedTrigrams(words: trigramWords)
        program.ruleTrigrams = Array(ruleTrigrams)
        program.ruleRequired = Array(ruleRequired)
        program.ruleRequiredPairs = Array(ruleRequiredPairs)
        guard program.isConsistent else { return nil }
        self = program
    }

    /// The per-rule arrays agree in length and every rule entry is a node: what the matcher
    /// indexes without checking. (An archive that passes its checksum and this was written by
    /// `archived()`; the checks guard against a file damaged in a way the checksum misses.)
    private var isConsistent: Bool {
        let rules = ruleNames.count
        return rules > 0 && ruleTypes.count == rules && ruleEntries.count == rules && ruleIndex.count == rules
            && ruleStarts.count == rules && rulePrefixes.count == rules && ruleFilters.count == rules
            && ruleWideFilters.count == rules && ruleTrigrams.count == rules && ruleRequired.count == rules
            && ruleRequiredPairs.count == rules && startTables.count == rules * 256
            && ruleEntries.allSatisfy { $0 >= 0 && Int($0) < nodes.count }
            && !filterTables.rows.isEmpty && !filterTables.bits.isEmpty && !filterTables.triples.isEmpty
            && !wideTables.checks.isEmpty && !wideTables.buckets.isEmpty && !trigrams.words.isEmpty
    }
}

extension PrefixPattern {
    fileprivate init(archivedLength length: Int, s0: ByteSet, s1: ByteSet, s2: ByteSet) {
        self.length = length
        self.s0 = s0
        self.s1 = s1
        self.s2 = s2
    }
}

extension Prefilter {
    fileprivate init(archivedRows rows: Int32, triples: Int32, shift: UInt32) {
        self.rows = rows
        self.triples = triples
        self.shift = shift
    }
}

/// Appends fixed-width values to a byte array.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ value: Int32) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
    mutating func i64(_ value: Int64) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }

    mutating func byteSet(_ set: ByteSet) {
        u64(set.w0)
        u64(set.w1)
        u64(set.w2)
        u64(set.w3)
    }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        i64(Int64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func optionalString(_ value: String?) {
        u8(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    /// A count, then each element as `write` puts it.
    mutating func array<C: Collection>(_ elements: C, _ write: (inout ArchiveWriter, C.Element) -> Void) {
        i64(Int64(elements.count))
        for element in elements { write(&self, element) }
    }

    /// A count, then the elements' bytes as they lie in memory (plain integers only).
    mutating func raw<T: FixedWidthInteger>(_ elements: ContiguousArray<T>) {
        i64(Int64(elements.count))
        elements.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `ArchiveWriter` wrote; every read returns nil past the end.
struct ArchiveReader {
    private let buffer: UnsafeRawBufferPointer
    private var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { offset == buffer.count }

    private mutating func load<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard buffer.count - offset >= size else { return nil }
        let value = buffer.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return value
    }

    mutating func u8() -> UInt8? { load(UInt8.self) }
    mutating func u32() -> UInt32? { load(UInt32.self) }
    mutating func i32() -> Int32? { load(Int32.self) }
    mutating func u64() -> UInt64? { load(UInt64.self) }
    mutating func i64() -> Int64? { load(Int64.self) }

    mutating func byteSet() -> ByteSet? {
        guard let w0 = u64(), let w1 = u64(), let w2 = u64(), let w3 = u64() else { return nil }
        var set = ByteSet()
        set.w0 = w0
        set.w1 = w1
        set.w2 = w2
        set.w3 = w3
        return set
    }

    /// A count no larger than the bytes left could hold (each element takes at least one).
    private mutating func count() -> Int? {
        guard let count = i64(), count >= 0, count <= Int64(buffer.count - offset) else { return nil }
        return Int(count)
    }

    mutating func string() -> String? {
        guard let count = count() else { return nil }
        let value = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset ..< offset + count]), as: UTF8.self)
        offset += count
        return value
    }

    mutating func optionalString() -> String?? {
        switch u8() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    mutating func array<T>(_ read: (inout ArchiveReader) -> T?) -> ContiguousArray<T>? {
        guard let count = count() else { return nil }
        var elements = ContiguousArray<T>()
        elements.reserveCapacity(count)
        for _ in 0 ..< count {
            guard let element = read(&self) else { return nil }
            elements.append(element)
        }
        return elements
    }

    /// What `raw` would read as bytes, in place: valid as long as the buffer read from.
    mutating func rawBytes() -> UnsafeRawBufferPointer? {
        guard let count = count() else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset ..< offset + count])
        offset += count
        return bytes
    }

    mutating func raw<T: FixedWidthInteger>() -> ContiguousArray<T>? {
        guard let count = count(), count <= (buffer.count - offset) / MemoryLayout<T>.size else { return nil }
        let size = count * MemoryLayout<T>.size
        let source = buffer.baseAddress.map { $0 + offset }
        let elements = ContiguousArray<T>(unsafeUninitializedCapacity: count) { destination, initialized in
            if let source, size > 0 { memcpy(destination.baseAddress!, source, size) }
            initialized = count
        }
        offset += size
        return elements
    }
}
