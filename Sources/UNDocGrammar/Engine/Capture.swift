/// A node of a match tree: a labelled expression (`label:e`) or a match of a typed rule
/// (`rule <- e <Type>`), or both when a label names a typed rule directly (`label:rule`).
public struct Capture: Sendable, Hashable {
    /// The type of the typed rule that matched, if any.
    public let type: String?
    /// The label of the labelled expression, if any.
    public let label: String?
    /// The name of the typed rule that matched, if any.
    public let rule: String?
    /// The bytes matched, as offsets into the input.
    public let range: Range<Int>
    /// The captures nested inside this one, in order.
    public let children: [Capture]

    public init(type: String?, label: String?, rule: String?, range: Range<Int>, children: [Capture]) {
        self.type = type
        self.label = label
        self.rule = rule
        self.range = range
        self.children = children
    }

    /// The first direct child with `label`.
    public func first(_ label: String) -> Capture? {
        children.first { $0.label == label }
    }

    /// The direct children with `label`, in order.
    public func all(_ label: String) -> [Capture] {
        children.filter { $0.label == label }
    }

    /// Every capture below this one (not itself) of `type`, in document order.
    public func descendants(type: String) -> [Capture] {
        var found: [Capture] = []
        for child in children { child.collect(into: &found) { $0.type == type } }
        return found
    }

    /// Every capture below this one (not itself) with `label`, in document order.
    public func descendants(label: String) -> [Capture] {
        var found: [Capture] = []
        for child in children { child.collect(into: &found) { $0.label == label } }
        return found
    }

    /// The first capture below this one (not itself) with `label`, at any depth.
    public func firstDescendant(label: String) -> Capture? {
        for child in children {
            if child.label == label { return child }
            if let found = child.firstDescendant(label: label) { return found }
        }
        return nil
    }

    func collect(into found: inout [Capture], where predicate: (Capture) -> Bool) {
        if predicate(self) { found.append(self) }
        for child in children { child.collect(into: &found, where: predicate) }
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
    /// The top-level captures. When the matched rule is typed, this is its single node.
    public let nodes: [Capture]

    public init(range: Range<Int>, nodes: [Capture]) {
        self.range = range
        self.nodes = nodes
    }

    /// The single top-level node, when there is exactly one (as for a typed rule).
    public var root: Capture? {
        nodes.count == 1 ? nodes[0] : nil
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
        var found: [Capture] = []
        for node in nodes { node.collect(into: &found) { $0.type == type } }
        return found
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
