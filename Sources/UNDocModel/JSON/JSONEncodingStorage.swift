import Foundation

/// The tree one `JSONWriter.encode` call builds, shared by its encoders and containers
/// (small structs that point into it by index). The tree is behind a pointer so that the
/// hot paths mutate it without Swift's class-property exclusivity checks.
final class JSONEncodingStorage {
    let tree: UnsafeMutablePointer<JSONTree>

    init() {
        tree = .allocate(capacity: 1)
        tree.initialize(to: JSONTree())
    }

    deinit {
        tree.pointee.deallocate()
        tree.deinitialize(count: 1)
        tree.deallocate()
    }

    // MARK: Values

    /// Encodes `value` into pending `node` (held by `parent`, -1 at the top). Strings,
    /// numbers and arrays of them are written directly; Data, URL and Decimal as
    /// Foundation's JSONEncoder writes them by default (Base64 string, absolute string,
    /// number); anything else encodes itself through a `JSONValueEncoder`. A value that
    /// encodes nothing becomes `{}` (at the top level the caller reports it).
    func encode<T: Encodable>(_ value: T, into node: Int32, parent: Int32, owner: AnyObject?,
                              topLevel: Bool = false) throws {
        let tree = self.tree
        if T.self == String.self {
            tree.pointee.setString(node, unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            tree.pointee.setInteger(node, Int64(unsafeBitCast(value, to: Int.self)))
        } else if T.self == Bool.self {
            tree.pointee.setLiteral(node, unsafeBitCast(value, to: Bool.self) ? .true : .false)
        } else if T.self == Double.self {
            try setFloat(node, parent: parent, unsafeBitCast(value, to: Double.self))
        } else if T.self == [String].self {
            let container = arrayContainer(for: node, parent: parent)
            for element in unsafeBitCast(value, to: [String].self) {
                let child = tree.pointee.newNode()
                tree.pointee.link(child, to: container)
                tree.pointee.setString(child, element)
            }
        } else if T.self == [Int].self {
            let container = arrayContainer(for: node, parent: parent)
            for element in unsafeBitCast(value, to: [Int].self) {
                let child = tree.pointee.newNode()
                tree.pointee.link(child, to: container)
                tree.pointee.setInteger(child, Int64(element))
            }
        } else if T.self == [Double].self {
            try encodeFloats(unsafeBitCast(value, to: [Double].self), into: node, parent: parent)
        } else if T.self == [Float].self {
            try encodeFloats(unsafeBitCast(value, to: [Float].self), into: node, parent: parent)
        } else if T.self == Data.self {
            tree.pointee.setString(node, unsafeBitCast(value, to: Data.self).base64EncodedString())
        } else if T.self == URL.self {
            tree.pointee.setString(node, unsafeBitCast(value, to: URL.self).absoluteString)
        } else if T.self == Decimal.self {
            tree.pointee.setNumber(node, text: unsafeBitCast(value, to: Decimal.self).description)
        } else {
            try value.encode(to: JSONValueEncoder(storage: self, node: node, parent: parent, owner: owner))
            if !topLevel, tree.pointee.nodes[Int(node)].kind == .pending {
                tree.pointee.makeContainer(node, parent: parent, encoderNode: node, isObject: true)
            }
        }
    }

    private func encodeFloats<F: BinaryFloatingPoint & CustomStringConvertible>(
        _ values: [F], into node: Int32, parent: Int32
    ) throws {
        let container = arrayContainer(for: node, parent: parent)
        for element in values {
            let child = tree.pointee.newNode()
            tree.pointee.link(child, to: container)
            try setFloat(child, parent: container, element)
        }
    }

    /// A Double or Float; NaN and infinity throw as Foundation's default
    /// `nonConformingFloatEncodingStrategy` (`.throw`) does.
    @inline(__always)
    func setFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ node: Int32, parent: Int32, _ value: F) throws {
        guard value.isFinite else { throw invalidFloat(value, node: node, parent: parent) }
        tree.pointee.setFloat(node, description: value.description)
    }

    @inline(never)
    func invalidFloat<F: BinaryFloatingPoint>(_ value: F, node: Int32, parent: Int32) -> EncodingError {
        EncodingError.invalidValue(value, EncodingError.Context(
            codingPath: encoderPath(node: node, parent: parent),
            debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
    }

    // MARK: Containers

    /// The object `node` holds, made if it is pending (`Encoder.container(keyedBy:)`).
    func objectContainer(for node: Int32, parent: Int32) -> Int32 {
        let value = tree.pointee.nodes[Int(node)]
        switch value.kind {
        case .object: return value.payload
        case .pending: return tree.pointee.makeContainer(node, parent: parent, encoderNode: node, isObject: true)
        default: preconditionFailure("Attempt to push new keyed encoding container when already previously encoded at this path.")
        }
    }

    /// The array `node` holds, made if it is pending (`Encoder.unkeyedContainer()`).
    func arrayContainer(for node: Int32, parent: Int32) -> Int32 {
        let value = tree.pointee.nodes[Int(node)]
        switch value.kind {
        case .array: return value.payload
        case .pending: return tree.pointee.makeContainer(node, parent: parent, encoderNode: node, isObject: false)
        default: preconditionFailure("Attempt to push new unkeyed encoding container when already previously encoded at this path.")
        }
    }

    // MARK: Coding paths

    /// The coding path of the encoder that writes `node`: as Foundation's, the keys of the
    /// encoders it was made from (a nested container's keys are not on its values' paths).
    func encoderPath(node: Int32, parent: Int32) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = node
        var parent = parent
        let tree = self.tree
        while parent >= 0 {
            keys.append(pathKey(of: node, in: parent))
            node = tree.pointee.containers[Int(parent)].encoderNode
            guard let container = tree.pointee.container(of: node) else { break }
            parent = tree.pointee.containers[Int(container)].parent
        }
        return keys.reversed()
    }

    /// The coding path of a container: its encoder's path and the keys of the containers
    /// it is nested in.
    func containerPath(_ container: Int32) -> [any CodingKey] {
        let tree = self.tree
        let encoderNode = tree.pointee.containers[Int(container)].encoderNode
        var relative: [any CodingKey] = []
        var current = container
        while tree.pointee.containers[Int(current)].node != encoderNode {
            let info = tree.pointee.containers[Int(current)]
            guard info.parent >= 0 else { break }
            relative.append(pathKey(of: info.node, in: info.parent))
            current = info.parent
        }
        return encoderPath(node: encoderNode, parent: tree.pointee.containers[Int(current)].parent)
            + relative.reversed()
    }

    private func pathKey(of node: Int32, in container: Int32) -> any CodingKey {
        let tree = self.tree
        let info = tree.pointee.containers[Int(container)]
        if info.isObject { return JSONCodingKey(stringValue: tree.pointee.key(of: node)) }
        var index = 0
        var child = info.first
        while child >= 0, child != node {
            index += 1
            child = tree.pointee.nodes[Int(child)].next
        }
        if child < 0 { index = tree.pointee.detachedIndices[node] ?? index }
        return JSONCodingKey(index: index)
    }
}

/// The keys of rebuilt coding paths: an object's key, or an array index as Foundation
/// names it ("Index 3").
struct JSONCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }

    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
    }

    static let `super` = JSONCodingKey(stringValue: "super")
}
