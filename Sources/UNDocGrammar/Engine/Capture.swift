/// What a `CaptureTree` holds besides its records: how many there are, and the capture infos
/// their `info` indexes.
struct CaptureTreeHeader {
    /// Set again when a scan reuses the storage for its next match (see `CaptureTree.make`).
    var count: Int
    /// How many records the storage has room for.
    let capacity: Int
    /// Held so that `infoBase` stays valid: the array is never mutated, so its storage stays put.
    let infos: [CaptureInfo]
    /// Where `infos` keeps its elements, read through a pointer: reading the array out of the
    /// header would retain and release it at every capture's type or label.
    let infoBase: UnsafePointer<CaptureInfo>?

    init(count: Int, capacity: Int, infos: [CaptureInfo]) {
        self.count = count
        self.capacity = capacity
        self.infos = infos
        infoBase = infos.withUnsafeBufferPointer { $0.baseAddress }
    }
}

/// The storage of a `CaptureTree`: the header, then the records, in one allocation.
final class CaptureTreeStorage: ManagedBuffer<CaptureTreeHeader, CaptureTree.Record> {}

/// The captures of one match, flat and in pre-order, shared by every `Capture` of the match:
/// a match costs one object, its records stored in it (a `ManagedBuffer`: one allocation, not
/// an object and an array), however many nodes it has, and walking the tree allocates nothing.
///
/// The storage is never written after it is made, hence `@unchecked Sendable` (a
/// `ManagedBuffer` cannot be `Sendable`).
struct CaptureTree: @unchecked Sendable {
    /// A capture; its children are the records after it, up to `next`.
    struct Record: Hashable, Sendable {
        var start: Int
        var end: Int
        var info: Int32
        var next: Int32
    }

    private let storage: CaptureTreeStorage

    /// A tree of `count` records, each made by `record(i)`, in `spare` when it has room (a
    /// storage no tree holds any more, with the same infos), else in a new storage.
    static func make(count: Int, infos: [CaptureInfo], reusing spare: CaptureTreeStorage? = nil,
                     _ record: (Int) -> Record) -> CaptureTree {
        let storage: CaptureTreeStorage
        if let spare, spare.withUnsafeMutablePointerToHeader({ $0.pointee.capacity >= count }) {
            storage = spare
            storage.withUnsafeMutablePointerToHeader { $0.pointee.count = count }
        } else {
            // Room for a few more records than this match needs, for the next ones.
            let capacity = spare == nil ? count : max(count, 16)
            storage = unsafeDowncast(
                CaptureTreeStorage.create(minimumCapacity: capacity) { _ in
                    CaptureTreeHeader(count: count, capacity: capacity, infos: infos)
                },
                to: CaptureTreeStorage.self)
        }
        storage.withUnsafeMutablePointerToElements { elements in
            // Records are plain values: writing over a reused storage's old ones is fine.
            for i in 0 ..< count { (elements + i).initialize(to: record(i)) }
        }
        return CaptureTree(storage: storage)
    }

    /// The storage of `tree` once `tree` is gone, when no other tree, capture or match holds
    /// it (then the next match of a scan may reuse it).
    static func reclaim(_ tree: consuming CaptureTree) -> CaptureTreeStorage? {
        var storage = tree.storage
        _ = consume tree
        return isKnownUniquelyReferenced(&storage) ? storage : nil
    }

    static func make(records: [Record], infos: [CaptureInfo]) -> CaptureTree {
        make(count: records.count, infos: infos) { records[$0] }
    }

    /// The records, valid while the tree lives (its storage never moves).
    var records: UnsafeBufferPointer<Record> {
        let count = storage.withUnsafeMutablePointerToHeader { $0.pointee.count }
        return storage.withUnsafeMutablePointerToElements { UnsafeBufferPointer(start: $0, count: count) }
    }

    /// The capture infos the records index, valid while the tree lives.
    var infos: UnsafeBufferPointer<CaptureInfo> {
        storage.withUnsafeMutablePointerToHeader { UnsafeBufferPointer(start: $0.pointee.infoBase, count: $0.pointee.infos.count) }
    }

    static let empty = CaptureTree.make(records: [], infos: [])

    /// A tree for captures made by hand (`Capture.init`, `Match.init`): `nodes` are copied in.
    static func flattening(_ nodes: [Capture]) -> CaptureTree {
        var records: [Record] = []
        var infos: [CaptureInfo] = []
        func add(_ info: CaptureInfo, _ range: Range<Int>, _ children: [Capture]) {
            let slot = records.count
            infos.append(info)
            records.append(Record(start: range.lowerBound, end: range.upperBound, info: Int32(infos.count - 1), next: 0))
            for child in children { add(CaptureInfo(type: child.type, label: child.label, rule: child.rule), child.range, child.children) }
            records[slot].next = Int32(records.count)
        }
        for node in nodes { add(CaptureInfo(type: node.type, label: node.label, rule: node.rule), node.range, node.children) }
        return make(records: records, infos: infos)
    }

    /// A tree of one root made by hand.
    static func root(_ info: CaptureInfo, range: Range<Int>, children: [Capture]) -> CaptureTree {
        let inner = flattening(children)
        // `inner.records` points into `inner`, which must outlive the reads.
        return withExtendedLifetime(inner) {
            var records = [Record(start: range.lowerBound, end: range.upperBound, info: 0, next: Int32(inner.records.count + 1))]
            records += inner.records.map { Record(start: $0.start, end: $0.end, info: $0.info + 1, next: $0.next + 1) }
            return make(records: records, infos: [info] + Array(inner.infos))
        }
    }

    /// The captures from record `from` to record `to` whose parent is the one before `from`.
    func siblings(_ from: Int, _ to: Int) -> [Capture] {
        // Counted first, so that the array is allocated once at its size.
        var count = 0
        var i = from
        while i < to {
            count += 1
            i = Int(records[i].next)
        }
        var result: [Capture] = []
        result.reserveCapacity(count)
        i = from
        while i < to {
            result.append(Capture(tree: self, index: i))
            i = Int(records[i].next)
        }
        return result
    }

    /// The captures from record `from` to record `to` whose parent is the one before `from`
    /// and whose label is `label`.
    func siblings(_ from: Int, _ to: Int, label: String) -> [Capture] {
        var result: [Capture] = []
        var i = from
        while i < to {
            if infos[Int(records[i].info)].label == label { result.append(Capture(tree: self, index: i)) }
            i = Int(records[i].next)
        }
        return result
    }
}

/// A node of a match tree: a labelled expression (`label:e`) or a match of a typed rule
/// (`rule <- e <Type>`), or both when a label names a typed rule directly (`label:rule`).
public struct Capture: Sendable, Hashable {
    let tree: CaptureTree
    let index: Int

    init(tree: CaptureTree, index: Int) {
        self.tree = tree
        self.index = index
    }

    public init(type: String?, label: String?, rule: String?, range: Range<Int>, children: [Capture]) {
        self.init(tree: CaptureTree.root(CaptureInfo(type: type, label: label, rule: rule), range: range, children: children),
                  index: 0)
    }

    private var record: CaptureTree.Record { tree.records[index] }
    private var info: CaptureInfo { tree.infos[Int(record.info)] }

    /// The type of the typed rule that matched, if any.
    public var type: String? { info.type }
    /// The label of the labelled expression, if any.
    public var label: String? { info.label }
    /// The name of the typed rule that matched, if any.
    public var rule: String? { info.rule }
    /// The bytes matched, as offsets into the input.
    public var range: Range<Int> { record.start ..< record.end }
    /// The captures nested inside this one, in order.
    public var children: [Capture] { tree.siblings(index + 1, Int(record.next)) }

    /// The first direct child with `label`.
    public func first(_ label: String) -> Capture? {
        var i = index + 1
        let end = Int(record.next)
        while i < end {
            if tree.infos[Int(tree.records[i].info)].label == label { return Capture(tree: tree, index: i) }
            i = Int(tree.records[i].next)
        }
        return nil
    }

    /// The direct children with `label`, in order.
    public func all(_ label: String) -> [Capture] {
        tree.siblings(index + 1, Int(record.next), label: label)
    }

    /// Every capture below this one (not itself) of `type`, in document order.
    public func descendants(type: String) -> [Capture] {
        below { $0.type == type }
    }

    /// Every capture below this one (not itself) with `label`, in document order.
    public func descendants(label: String) -> [Capture] {
        below { $0.label == label }
    }

    /// The first capture below this one (not itself) with `label`, at any depth.
    public func firstDescendant(label: String) -> Capture? {
        // Records are in pre-order: the first in the subtree is the first a depth-first walk meets.
        for i in (index + 1) ..< Int(record.next) where tree.infos[Int(tree.records[i].info)].label == label {
            return Capture(tree: tree, index: i)
        }
        return nil
    }

    private func below(_ predicate: (CaptureInfo) -> Bool) -> [Capture] {
        ((index + 1) ..< Int(record.next)).compactMap { i in
            predicate(tree.infos[Int(tree.records[i].info)]) ? Capture(tree: tree, index: i) : nil
        }
    }

    // Two captures are equal when they describe the same tree, wherever it is stored.
    public static func == (lhs: Capture, rhs: Capture) -> Bool {
        lhs.type == rhs.type && lhs.label == rhs.label && lhs.rule == rhs.rule && lhs.range == rhs.range
            && lhs.children == rhs.children
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(label)
        hasher.combine(rule)
        hasher.combine(range)
        hasher.combine(children)
    }

    /// The matched text (invalid UTF-8 is repaired).
    public func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The matched text (invalid UTF-8 is repaired).
    public func text(in bytes: [UInt8]) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The matched text, where `string` is the input whose UTF-8 was matched.
    public func text(in string: String) -> String {
        let utf8 = string.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

/// One successful match of a rule.
public struct Match: Sendable, Hashable {
    /// The bytes matched, as offsets into the input.
    public let range: Range<Int>
    let tree: CaptureTree

    public init(range: Range<Int>, nodes: [Capture]) {
        self.range = range
        tree = nodes.isEmpty ? .empty : CaptureTree.flattening(nodes)
    }

    init(range: Range<Int>, tree: CaptureTree) {
        self.range = range
        self.tree = tree
    }

    /// The top-level captures. When the matched rule is typed, this is its single node.
    public var nodes: [Capture] { tree.siblings(0, tree.records.count) }

    /// The single top-level node, when there is exactly one (as for a typed rule).
    public var root: Capture? {
        tree.records.first.map { Int($0.next) == tree.records.count } == true ? Capture(tree: tree, index: 0) : nil
    }

    public static func == (lhs: Match, rhs: Match) -> Bool {
        lhs.range == rhs.range && lhs.nodes == rhs.nodes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(nodes)
    }

    /// The first top-level node with `label`.
    public func first(_ label: String) -> Capture? {
        nodes.first { $0.label == label }
    }

    /// The top-level nodes with `label`.
    public func all(_ label: String) -> [Capture] {
        nodes.filter { $0.label == label }
    }

    /// Every node of `type` in the tree, top-level ones included, in document order.
    public func descendants(type: String) -> [Capture] {
        tree.records.indices.compactMap { i in
            tree.infos[Int(tree.records[i].info)].type == type ? Capture(tree: tree, index: i) : nil
        }
    }

    /// The matched text (invalid UTF-8 is repaired).
    public func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The matched text (invalid UTF-8 is repaired).
    public func text(in bytes: [UInt8]) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The matched text, where `string` is the input whose UTF-8 was matched.
    public func text(in string: String) -> String {
        let utf8 = string.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
