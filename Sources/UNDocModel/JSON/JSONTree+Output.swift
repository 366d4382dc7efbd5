import Foundation

/// Thrown when containers nest deeper than Foundation's JSONWriter allows (512 levels).
struct JSONNestingTooDeep: Error {}

/// An object's value in the order it is written: the first eight bytes of its key as a
/// big-endian number (they decide most comparisons), the node whose key is written and
/// the node whose value is.
struct JSONSortEntry {
    var prefix: UInt64
    var keyNode: Int32
    var valueNode: Int32
}

extension JSONTree {
    /// Foundation's JSONWriter refuses the 512th nested container.
    static let maximumDepth = 512

    /// Call once the tree is complete, before `write`: sort prefixes read eight bytes from
    /// the start of each key.
    mutating func prepareForOutput() {
        bytes.reserve(8)
    }

    /// Writes `node` pretty-printed the way Foundation's JSONEncoder does with
    /// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two spaces a level,
    /// `"key" : value`, an empty array or object as `[`, a blank line and the indented `]`,
    /// and object keys in the byte order of their UTF-8 (`"B"` before `"a"`, `"L.10"` before
    /// `"L.9"`). `level` is the number of containers around `node`.
    func write(_ node: Int32, level: Int, into out: inout JSONRawBuffer<UInt8>,
               sorting: inout JSONRawBuffer<JSONSortEntry>) throws {
        let value = nodes[Int(node)]
        switch value.kind {
        case .scalar:
            out.append(bytes.base + value.start + Int(value.keyLength), count: Int(value.payload))
        case .null:
            out.append("null")
        case .true:
            out.append("true")
        case .false:
            out.append("false")
        case .array:
            guard level + 1 < Self.maximumDepth else { throw JSONNestingTooDeep() }
            let container = containers[Int(value.payload)]
            out.append(0x5B)  // [
            let indent = 2 * (level + 1)
            var child = container.first
            var separator: UInt8 = 0x0A  // the first element: just a newline
            while child >= 0 {
                out.reserve(2 + indent + 8)
                var target = out.base + out.count
                if separator == 0x2C {
                    target[0] = 0x2C
                    target += 1
                }
                target[0] = 0x0A
                JSONRawBuffer<UInt8>.writeSpaces(target + 1, indent)
                out.count = target + 1 + indent - out.base
                separator = 0x2C
                let element = nodes[Int(child)]
                if element.kind == .scalar {
                    out.append(bytes.base + element.start + Int(element.keyLength), count: Int(element.payload))
                } else {
                    try write(child, level: level + 1, into: &out, sorting: &sorting)
                }
                child = element.next
            }
            if separator == 0x0A { out.append(0x0A) }
            closeContainer(0x5D, level: level, into: &out)
        case .object:
            guard level + 1 < Self.maximumDepth else { throw JSONNestingTooDeep() }
            try writeObject(containers[Int(value.payload)], level: level, into: &out, sorting: &sorting)
        case .pending:
            // Encoded nothing: Foundation writes an empty object.
            guard level + 1 < Self.maximumDepth else { throw JSONNestingTooDeep() }
            out.append("{\n")
            closeContainer(0x7D, level: level, into: &out)
        }
    }

    /// A newline, the indentation of `level` and `bracket`.
    @inline(__always)
    private func closeContainer(_ bracket: UInt8, level: Int, into out: inout JSONRawBuffer<UInt8>) {
        let indent = 2 * level
        out.reserve(2 + indent + 8)
        let target = out.base + out.count
        target[0] = 0x0A
        JSONRawBuffer<UInt8>.writeSpaces(target + 1, indent)
        target[1 + indent] = bracket
        out.count += 2 + indent
    }

    private func writeObject(_ container: Container, level: Int, into out: inout JSONRawBuffer<UInt8>,
                             sorting: inout JSONRawBuffer<JSONSortEntry>) throws {
        let base = sorting.count
        if container.hasNonASCIIKey || container.hasLateValue {
            gatherMerged(container, into: &sorting)
        } else {
            var child = container.first
            while child >= 0 {
                let value = nodes[Int(child)]
                sorting.append(JSONSortEntry(prefix: prefix(of: value), keyNode: child, valueNode: child))
                child = value.next
            }
        }
        let end = base + sort(sorting.base + base, count: sorting.count - base)
        out.append(0x7B)  // {
        let indent = 2 * (level + 1)
        var index = base
        while index < end {
            let entry = sorting[index]
            let key = nodes[Int(entry.keyNode)]
            let keyLength = Int(key.keyLength)
            // ",\n", the indentation, the quoted key (when it needs no escape) and " : ".
            out.reserve(2 + indent + 8 + keyLength + 5)
            var target = out.base + out.count
            if index > base {
                target[0] = 0x2C
                target += 1
            }
            target[0] = 0x0A
            JSONRawBuffer<UInt8>.writeSpaces(target + 1, indent)
            target += 1 + indent
            if key.keyNeedsEscape {
                out.count = target - out.base
                out.appendQuoted(bytes.base + key.start, count: keyLength)
                out.append(" : ")
            } else {
                target[0] = 0x22
                (target + 1).update(from: bytes.base + key.start, count: keyLength)
                target += keyLength + 1
                target[0] = 0x22
                target[1] = 0x20
                target[2] = 0x3A
                target[3] = 0x20
                out.count = target + 4 - out.base
            }
            let value = entry.valueNode == entry.keyNode ? key : nodes[Int(entry.valueNode)]
            if value.kind == .scalar {
                out.append(bytes.base + value.start + Int(value.keyLength), count: Int(value.payload))
            } else {
                try write(entry.valueNode, level: level + 1, into: &out, sorting: &sorting)
            }
            index += 1
        }
        if end == base { out.append(0x0A) }
        closeContainer(0x7D, level: level, into: &out)
        sorting.count = base
    }

    /// The first eight bytes of a node's key, big-endian, zero-padded. The bytes buffer has
    /// room for eight bytes past any key (`prepareForOutput`).
    @inline(__always)
    private func prefix(of value: Node) -> UInt64 {
        let word = UnsafeRawPointer(bytes.base + value.start).loadUnaligned(as: UInt64.self).bigEndian
        // A smart shift: by 64 or more it gives 0, so keys of eight bytes or more keep all.
        return word & ~(UInt64.max >> (8 &* Int(value.keyLength)))
    }

    /// An object with a non-ASCII key: keys Swift considers equal (canonically equivalent,
    /// "é" and "e\u{301}") are one key, as in the Dictionary Foundation keeps: the bytes
    /// of the first, the value of the last. Also for an object whose values were not added
    /// in the order of their nodes. Leaves no two entries with the same key.
    private func gatherMerged(_ container: Container, into sorting: inout JSONRawBuffer<JSONSortEntry>) {
        var seen: [String: Int] = [:]
        var child = container.first
        while child >= 0 {
            let value = nodes[Int(child)]
            let key = key(of: child)
            if let index = seen[key] {
                sorting[index].valueNode = child
            } else {
                seen[key] = sorting.count
                sorting.append(JSONSortEntry(prefix: prefix(of: value), keyNode: child, valueNode: child))
            }
            child = value.next
        }
    }

    /// Whether entry `a` goes before `b`: by key bytes, then (equal keys, only possible
    /// when nodes are in the order they were set) by node.
    @inline(__always)
    private func precedes(_ a: JSONSortEntry, _ b: JSONSortEntry) -> Bool {
        if a.prefix != b.prefix { return a.prefix < b.prefix }
        return precedesSlowly(a, b)
    }

    @inline(never)
    private func precedesSlowly(_ a: JSONSortEntry, _ b: JSONSortEntry) -> Bool {
        // Equal first eight bytes (or a key shorter than eight that is a prefix of the other).
        let keyA = nodes[Int(a.keyNode)]
        let keyB = nodes[Int(b.keyNode)]
        let lengthA = Int(keyA.keyLength)
        let lengthB = Int(keyB.keyLength)
        let common = Swift.min(lengthA, lengthB)
        if common > 8 {
            let order = memcmp(bytes.base + keyA.start + 8, bytes.base + keyB.start + 8, common - 8)
            if order != 0 { return order < 0 }
        }
        if lengthA != lengthB { return lengthA < lengthB }
        return a.valueNode < b.valueNode
    }

    /// Whether two entries have the same key.
    private func sameKey(_ a: JSONSortEntry, _ b: JSONSortEntry) -> Bool {
        guard a.prefix == b.prefix else { return false }
        let keyA = nodes[Int(a.keyNode)]
        let keyB = nodes[Int(b.keyNode)]
        guard keyA.keyLength == keyB.keyLength else { return false }
        return keyA.keyLength <= 8
            || memcmp(bytes.base + keyA.start + 8, bytes.base + keyB.start + 8, Int(keyA.keyLength) - 8) == 0
    }

    /// Sorts `count` entries by key bytes, and keeps only the last of entries with the same
    /// key. Returns how many remain.
    private func sort(_ entries: UnsafeMutablePointer<JSONSortEntry>, count: Int) -> Int {
        guard count > 1 else { return count }
        if count <= 16 {
            // Insertion sort: objects are small.
            for index in 1..<count {
                let entry = entries[index]
                if !precedes(entry, entries[index - 1]) { continue }
                var hole = index
                repeat {
                    entries[hole] = entries[hole - 1]
                    hole -= 1
                } while hole > 0 && precedes(entry, entries[hole - 1])
                entries[hole] = entry
            }
        } else {
            var buffer = UnsafeMutableBufferPointer(start: entries, count: count)
            buffer.sort { precedes($0, $1) }
        }
        // Equal keys are adjacent, in the order they were set: keep the last.
        var kept = 0
        for index in 0..<count {
            if index + 1 < count, sameKey(entries[index], entries[index + 1]) { continue }
            if kept != index { entries[kept] = entries[index] }
            kept += 1
        }
        return kept
    }
}
