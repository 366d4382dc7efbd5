import Foundation

/// The value tree the JSON writer builds while a value encodes itself, kept flat: nodes
/// and containers are plain structs in two arrays, linked by index, and every key and
/// every scalar is bytes in one scratch buffer (a string already quoted and escaped, a
/// number already formatted). Serialising it (JSONTree+Output.swift) sorts each object's
/// keys and copies those bytes out.
struct JSONTree {
    enum Kind: UInt8 {
        /// Created for a value that has not been encoded yet.
        case pending
        case null, `true`, `false`
        /// A string or number: `payload` bytes after the key in `bytes`.
        case scalar
        case array, object
    }

    /// One value, and in an object the key it is stored under. The key's raw UTF-8 bytes
    /// are at `bytes[start..<start + keyLength]`, a scalar's JSON right after them.
    struct Node {
        var start: Int
        var keyLength: Int32
        /// A scalar's length in bytes; a container's index in `containers`.
        var payload: Int32
        /// The next value in the same container, -1 after the last.
        var next: Int32
        var kind: Kind
        /// The key has a byte that must be escaped (below 0x20, a quote, a backslash).
        var keyNeedsEscape = false
    }

    /// An array or object: its values in the order they were added (in an object a later
    /// value for the same key replaces an earlier one when it is written out).
    struct Container {
        var first: Int32 = -1
        var last: Int32 = -1
        var count: Int32 = 0
        /// The node that holds this container.
        var node: Int32
        /// The container that holds `node`, -1 at the top.
        var parent: Int32
        /// The node of the `Encoder` this container was asked of (for a nested container,
        /// that of the container it is nested in): coding paths are built as Foundation's are.
        var encoderNode: Int32
        var isObject: Bool
        /// Some key is not ASCII: keys Swift considers equal may differ in bytes.
        var hasNonASCIIKey = false
        /// A value was added after values made later than it (a `superEncoder`'s): the
        /// order of node indices is not the order values were set.
        var hasLateValue = false
    }

    var bytes: JSONRawBuffer<UInt8>
    var nodes: JSONRawBuffer<Node>
    var containers: JSONRawBuffer<Container>
    /// Nodes of an unkeyed container's `superEncoder()` not yet inserted: their index.
    var detachedIndices: [Int32: Int] = [:]

    init() {
        bytes = JSONRawBuffer(capacity: 16 * 1024)
        nodes = JSONRawBuffer(capacity: 1024)
        containers = JSONRawBuffer(capacity: 256)
    }

    func deallocate() {
        bytes.deallocate()
        nodes.deallocate()
        containers.deallocate()
    }

    // MARK: Building

    /// A new pending value without a key (the top level, or an array element).
    @inline(__always)
    mutating func newNode() -> Int32 {
        let index = Int32(truncatingIfNeeded: nodes.count)
        nodes.append(Node(start: bytes.count, keyLength: 0, payload: 0, next: -1, kind: .pending))
        return index
    }

    /// A new pending value stored under `key`; `container` learns whether the key is ASCII.
    @inline(__always)
    mutating func newNode(key: String, for container: Int32) -> Int32 {
        let start = bytes.count
        var key = key
        let (ascii, needsEscape) = key.withUTF8 { key -> (Bool, Bool) in
            guard let source = key.baseAddress else { return (true, false) }
            let length = key.count
            bytes.reserve(length)
            let target = bytes.base + start
            var combined: UInt8 = 0
            var escape = false
            for index in 0..<length {
                let byte = source[index]
                target[index] = byte
                combined |= byte
                escape = escape || JSONRawBuffer<UInt8>.needsEscape(byte)
            }
            bytes.count = start + length
            return (combined < 0x80, escape)
        }
        if !ascii { containers[Int(container)].hasNonASCIIKey = true }
        let index = Int32(truncatingIfNeeded: nodes.count)
        nodes.append(Node(start: start, keyLength: Int32(truncatingIfNeeded: bytes.count - start),
                          payload: 0, next: -1, kind: .pending, keyNeedsEscape: needsEscape))
        return index
    }

    /// Adds `node` after the last value of `container`.
    @inline(__always)
    mutating func link(_ node: Int32, to container: Int32) {
        let c = Int(container)
        if containers[c].last < 0 {
            containers[c].first = node
        } else {
            nodes[Int(containers[c].last)].next = node
        }
        containers[c].last = node
        containers[c].count &+= 1
    }

    /// Inserts `node` before the value at `index` of an array (at the end past its last).
    mutating func insert(_ node: Int32, into container: Int32, at index: Int) {
        let c = Int(container)
        if index <= 0 || containers[c].first < 0 {
            if containers[c].first < 0 {
                link(node, to: container)
                return
            }
            nodes[Int(node)].next = containers[c].first
            containers[c].first = node
            containers[c].count &+= 1
            return
        }
        var previous = containers[c].first
        var position = 1
        while position < index, nodes[Int(previous)].next >= 0 {
            previous = nodes[Int(previous)].next
            position += 1
        }
        let following = nodes[Int(previous)].next
        if following < 0 {
            link(node, to: container)
            return
        }
        nodes[Int(node)].next = following
        nodes[Int(previous)].next = node
        containers[c].count &+= 1
    }

    /// Turns pending `node` into an empty container.
    @discardableResult
    mutating func makeContainer(_ node: Int32, parent: Int32, encoderNode: Int32, isObject: Bool) -> Int32 {
        let index = Int32(truncatingIfNeeded: containers.count)
        containers.append(Container(node: node, parent: parent, encoderNode: encoderNode, isObject: isObject))
        nodes[Int(node)].kind = isObject ? .object : .array
        nodes[Int(node)].payload = index
        return index
    }

    /// The container of `node` if it is an array or object.
    @inline(__always)
    func container(of node: Int32) -> Int32? {
        let value = nodes[Int(node)]
        return value.kind == .array || value.kind == .object ? value.payload : nil
    }

    /// The last value of object `container` stored under `key`, if any.
    func lastValue(in container: Int32, key: String) -> Int32? {
        let c = containers[Int(container)]
        var found: Int32?
        var node = c.first
        if c.hasNonASCIIKey {
            // Keys equal as Swift strings (canonically equivalent) share a slot, as in the
            // Dictionary Foundation keeps.
            while node >= 0 {
                if self.key(of: node) == key { found = node }
                node = nodes[Int(node)].next
            }
            return found
        }
        var key = key
        key.withUTF8 { key in
            while node >= 0 {
                let value = nodes[Int(node)]
                if Int(value.keyLength) == key.count,
                   key.count == 0 || memcmp(bytes.base + value.start, key.baseAddress!, key.count) == 0 {
                    found = node
                }
                node = value.next
            }
        }
        return found
    }

    /// The key `node` is stored under, as a String.
    func key(of node: Int32) -> String {
        let value = nodes[Int(node)]
        return String(decoding: UnsafeBufferPointer(start: bytes.base + value.start, count: Int(value.keyLength)),
                      as: UTF8.self)
    }

    // MARK: Scalars

    /// Prepares pending `node` for a scalar: its key (if any) must end the byte buffer, the
    /// scalar's bytes follow. False when the node already holds a container (Foundation then
    /// ignores a single value encoded into it).
    @inline(__always)
    mutating func beginScalar(_ node: Int32) -> Bool {
        let n = Int(node)
        let value = nodes[n]
        guard value.kind == .pending else {
            if value.kind == .array || value.kind == .object { return false }
            preconditionFailure("Attempt to encode value through single value container when previously value already encoded.")
        }
        let keyEnd = value.start + Int(value.keyLength)
        if keyEnd != bytes.count {
            // Something else was written since the key (a superEncoder's value): copy the key.
            let length = Int(value.keyLength)
            bytes.reserve(length)
            let start = bytes.count
            if length > 0 { (bytes.base + start).update(from: bytes.base + value.start, count: length) }
            bytes.count += length
            nodes[n].start = start
        }
        return true
    }

    @inline(__always)
    mutating func endScalar(_ node: Int32) {
        let n = Int(node)
        nodes[n].kind = .scalar
        nodes[n].payload = Int32(truncatingIfNeeded: bytes.count - nodes[n].start - Int(nodes[n].keyLength))
    }

    @inline(__always)
    mutating func setLiteral(_ node: Int32, _ kind: Kind) {
        let n = Int(node)
        guard nodes[n].kind == .pending else {
            if nodes[n].kind == .array || nodes[n].kind == .object { return }
            preconditionFailure("Attempt to encode value through single value container when previously value already encoded.")
        }
        nodes[n].kind = kind
    }

    @inline(__always)
    mutating func setString(_ node: Int32, _ value: String) {
        guard beginScalar(node) else { return }
        bytes.appendQuoted(value)
        endScalar(node)
    }

    @inline(__always)
    mutating func setInteger(_ node: Int32, _ value: Int64) {
        guard beginScalar(node) else { return }
        bytes.appendDecimal(value)
        endScalar(node)
    }

    @inline(__always)
    mutating func setInteger(_ node: Int32, _ value: UInt64) {
        guard beginScalar(node) else { return }
        bytes.appendDecimal(value)
        endScalar(node)
    }

    /// A number written as `text` (Int128, Decimal…).
    mutating func setNumber(_ node: Int32, text: String) {
        guard beginScalar(node) else { return }
        bytes.appendRaw(text)
        endScalar(node)
    }

    /// A finite Double or Float as Foundation writes it: its `description` without a
    /// trailing ".0" (1, 0.1, 1e-07, 1e+16, -0).
    mutating func setFloat(_ node: Int32, description: String) {
        guard beginScalar(node) else { return }
        var text = description
        text.withUTF8 { text in
            var length = text.count
            if length >= 2, text[length - 2] == UInt8(ascii: "."), text[length - 1] == UInt8(ascii: "0") {
                length -= 2
            }
            if let start = text.baseAddress { bytes.append(start, count: length) }
        }
        endScalar(node)
    }
}
