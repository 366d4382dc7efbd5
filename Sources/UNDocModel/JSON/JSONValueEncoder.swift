import Foundation

/// The `Encoder` a value encodes itself into, and its single-value container: a node of
/// the tree. A struct of three words, so passing it as `any Encoder` allocates nothing.
/// `owner` keeps a `superEncoder()` alive as long as anything made from it, as
/// Foundation's encoders do (its value is stored when it goes away).
struct JSONValueEncoder: Encoder, SingleValueEncodingContainer {
    let storage: JSONEncodingStorage
    let node: Int32
    let parent: Int32
    let owner: AnyObject?

    var codingPath: [any CodingKey] { storage.encoderPath(node: node, parent: parent) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let container = storage.objectContainer(for: node, parent: parent)
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(storage: storage, container: container, owner: owner))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(storage: storage, container: storage.arrayContainer(for: node, parent: parent), owner: owner)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    // MARK: SingleValueEncodingContainer

    func encodeNil() throws { storage.tree.pointee.setLiteral(node, .null) }
    func encode(_ value: Bool) throws { storage.tree.pointee.setLiteral(node, value ? .true : .false) }
    func encode(_ value: String) throws { storage.tree.pointee.setString(node, value) }
    func encode(_ value: Double) throws { try storage.setFloat(node, parent: parent, value) }
    func encode(_ value: Float) throws { try storage.setFloat(node, parent: parent, value) }
    func encode(_ value: Int) throws { storage.tree.pointee.setInteger(node, Int64(value)) }
    func encode(_ value: Int8) throws { storage.tree.pointee.setInteger(node, Int64(value)) }
    func encode(_ value: Int16) throws { storage.tree.pointee.setInteger(node, Int64(value)) }
    func encode(_ value: Int32) throws { storage.tree.pointee.setInteger(node, Int64(value)) }
    func encode(_ value: Int64) throws { storage.tree.pointee.setInteger(node, value) }
    func encode(_ value: UInt) throws { storage.tree.pointee.setInteger(node, UInt64(value)) }
    func encode(_ value: UInt8) throws { storage.tree.pointee.setInteger(node, UInt64(value)) }
    func encode(_ value: UInt16) throws { storage.tree.pointee.setInteger(node, UInt64(value)) }
    func encode(_ value: UInt32) throws { storage.tree.pointee.setInteger(node, UInt64(value)) }
    func encode(_ value: UInt64) throws { storage.tree.pointee.setInteger(node, value) }

    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func encode(_ value: Int128) throws { storage.tree.pointee.setNumber(node, text: value.description) }

    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func encode(_ value: UInt128) throws { storage.tree.pointee.setNumber(node, text: value.description) }

    func encode<T: Encodable>(_ value: T) throws {
        try storage.encode(value, into: node, parent: parent, owner: owner)
    }
}

/// A keyed container: an object of the tree. Values are added in order; a later value for
/// a key replaces an earlier one when the object is written (as Foundation's dictionary).
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: JSONEncodingStorage
    let container: Int32
    let owner: AnyObject?

    var codingPath: [any CodingKey] { storage.containerPath(container) }

    @inline(__always)
    private func add(_ key: Key) -> Int32 {
        let tree = storage.tree
        let node = tree.pointee.newNode(key: key.stringValue, for: container)
        tree.pointee.link(node, to: container)
        return node
    }

    mutating func encodeNil(forKey key: Key) throws { storage.tree.pointee.setLiteral(add(key), .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        storage.tree.pointee.setLiteral(add(key), value ? .true : .false)
    }
    mutating func encode(_ value: String, forKey key: Key) throws { storage.tree.pointee.setString(add(key), value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try storage.setFloat(add(key), parent: container, value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try storage.setFloat(add(key), parent: container, value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        storage.tree.pointee.setInteger(add(key), Int64(value))
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        storage.tree.pointee.setInteger(add(key), Int64(value))
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        storage.tree.pointee.setInteger(add(key), Int64(value))
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        storage.tree.pointee.setInteger(add(key), Int64(value))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws { storage.tree.pointee.setInteger(add(key), value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        storage.tree.pointee.setInteger(add(key), UInt64(value))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        storage.tree.pointee.setInteger(add(key), UInt64(value))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        storage.tree.pointee.setInteger(add(key), UInt64(value))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        storage.tree.pointee.setInteger(add(key), UInt64(value))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { storage.tree.pointee.setInteger(add(key), value) }

    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws {
        storage.tree.pointee.setNumber(add(key), text: value.description)
    }

    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws {
        storage.tree.pointee.setNumber(add(key), text: value.description)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try storage.encode(value, into: add(key), parent: container, owner: owner)
    }

    // The most common optionals, without the protocol's default implementations' detour.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { storage.tree.pointee.setString(add(key), value) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { storage.tree.pointee.setInteger(add(key), Int64(value)) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { storage.tree.pointee.setLiteral(add(key), value ? .true : .false) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try storage.setFloat(add(key), parent: container, value) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try storage.encode(value, into: add(key), parent: container, owner: owner) }
    }

    /// As Foundation: asking again for a key that holds an object gives that object.
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let tree = storage.tree
        let nested: Int32
        if let existing = tree.pointee.lastValue(in: container, key: key.stringValue),
           tree.pointee.nodes[Int(existing)].kind == .object {
            nested = tree.pointee.nodes[Int(existing)].payload
        } else {
            nested = tree.pointee.makeContainer(
                add(key), parent: container,
                encoderNode: tree.pointee.containers[Int(container)].encoderNode, isObject: true)
        }
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(storage: storage, container: nested, owner: owner))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let tree = storage.tree
        let nested: Int32
        if let existing = tree.pointee.lastValue(in: container, key: key.stringValue),
           tree.pointee.nodes[Int(existing)].kind == .array {
            nested = tree.pointee.nodes[Int(existing)].payload
        } else {
            nested = tree.pointee.makeContainer(
                add(key), parent: container,
                encoderNode: tree.pointee.containers[Int(container)].encoderNode, isObject: false)
        }
        return JSONUnkeyedContainer(storage: storage, container: nested, owner: owner)
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(named: "super")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key.stringValue)
    }

    private func superEncoder(named key: String) -> any Encoder {
        let node = storage.tree.pointee.newNode(key: key, for: container)
        return JSONReferencingEncoder(storage: storage, node: node, parent: container, index: nil, owner: owner)
    }
}

/// An unkeyed container: an array of the tree.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let storage: JSONEncodingStorage
    let container: Int32
    let owner: AnyObject?

    var codingPath: [any CodingKey] { storage.containerPath(container) }
    var count: Int { Int(storage.tree.pointee.containers[Int(container)].count) }

    @inline(__always)
    private func add() -> Int32 {
        let tree = storage.tree
        let node = tree.pointee.newNode()
        tree.pointee.link(node, to: container)
        return node
    }

    mutating func encodeNil() throws { storage.tree.pointee.setLiteral(add(), .null) }
    mutating func encode(_ value: Bool) throws { storage.tree.pointee.setLiteral(add(), value ? .true : .false) }
    mutating func encode(_ value: String) throws { storage.tree.pointee.setString(add(), value) }
    mutating func encode(_ value: Double) throws { try storage.setFloat(add(), parent: container, value) }
    mutating func encode(_ value: Float) throws { try storage.setFloat(add(), parent: container, value) }
    mutating func encode(_ value: Int) throws { storage.tree.pointee.setInteger(add(), Int64(value)) }
    mutating func encode(_ value: Int8) throws { storage.tree.pointee.setInteger(add(), Int64(value)) }
    mutating func encode(_ value: Int16) throws { storage.tree.pointee.setInteger(add(), Int64(value)) }
    mutating func encode(_ value: Int32) throws { storage.tree.pointee.setInteger(add(), Int64(value)) }
    mutating func encode(_ value: Int64) throws { storage.tree.pointee.setInteger(add(), value) }
    mutating func encode(_ value: UInt) throws { storage.tree.pointee.setInteger(add(), UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { storage.tree.pointee.setInteger(add(), UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { storage.tree.pointee.setInteger(add(), UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { storage.tree.pointee.setInteger(add(), UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { storage.tree.pointee.setInteger(add(), value) }

    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws { storage.tree.pointee.setNumber(add(), text: value.description) }

    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws { storage.tree.pointee.setNumber(add(), text: value.description) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try storage.encode(value, into: add(), parent: container, owner: owner)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let tree = storage.tree
        let nested = tree.pointee.makeContainer(
            add(), parent: container, encoderNode: tree.pointee.containers[Int(container)].encoderNode, isObject: true)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(storage: storage, container: nested, owner: owner))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let tree = storage.tree
        let nested = tree.pointee.makeContainer(
            add(), parent: container, encoderNode: tree.pointee.containers[Int(container)].encoderNode, isObject: false)
        return JSONUnkeyedContainer(storage: storage, container: nested, owner: owner)
    }

    /// As Foundation: the value goes in at the index the array had when this was called.
    mutating func superEncoder() -> any Encoder {
        let tree = storage.tree
        let node = tree.pointee.newNode()
        let index = count
        tree.pointee.detachedIndices[node] = index
        return JSONReferencingEncoder(storage: storage, node: node, parent: container, index: index, owner: owner)
    }
}

/// The encoder of `superEncoder()`: its value is stored in the container it came from when
/// it (and everything made from it) goes away, under its key or at its index, as
/// Foundation's `__JSONReferencingEncoder` does; `{}` if nothing was encoded.
final class JSONReferencingEncoder: Encoder {
    let storage: JSONEncodingStorage
    let node: Int32
    let parent: Int32
    let index: Int?
    let owner: AnyObject?

    init(storage: JSONEncodingStorage, node: Int32, parent: Int32, index: Int?, owner: AnyObject?) {
        self.storage = storage
        self.node = node
        self.parent = parent
        self.index = index
        self.owner = owner
    }

    private var encoder: JSONValueEncoder {
        JSONValueEncoder(storage: storage, node: node, parent: parent, owner: self)
    }

    var codingPath: [any CodingKey] { storage.encoderPath(node: node, parent: parent) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        encoder.container(keyedBy: type)
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { encoder.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { encoder }

    deinit {
        let tree = storage.tree
        if tree.pointee.nodes[Int(node)].kind == .pending {
            tree.pointee.makeContainer(node, parent: parent, encoderNode: node, isObject: true)
        }
        if let index {
            tree.pointee.detachedIndices[node] = nil
            tree.pointee.insert(node, into: parent, at: index)
        } else {
            tree.pointee.link(node, to: parent)
            tree.pointee.containers[Int(parent)].hasLateValue = true
        }
    }
}
