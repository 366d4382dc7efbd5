import CLibXML2
import Foundation

/// An element of a parsed Word XML part, read by local name: WordprocessingML's
/// transitional and strict namespaces use the same names, and the prefixes vary.
/// Valid only while its `WordXMLDocument` lives.
struct XMLElement {
    let node: UnsafeMutablePointer<xmlNode>

    init(_ node: UnsafeMutablePointer<xmlNode>) {
        self.node = node
    }

    /// The local name ("p" for `<w:p>`).
    var name: String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The child elements, in order.
    var children: XMLChildren {
        XMLChildren(first: node.pointee.children)
    }

    /// Whether the local name is `name`, compared in place (no string is made).
    func isNamed(_ name: String) -> Bool {
        guard let own = node.pointee.name else { return false }
        return Self.equal(own, name)
    }

    func child(_ name: String) -> XMLElement? {
        children.first { $0.isNamed(name) }
    }

    /// The value of the attribute with this local name (`w:val` is "val"), whatever its prefix.
    func attribute(_ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, Self.equal(attributeName, name) {
                return Self.text(of: current.pointee.children)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// An integer attribute, or nil when it is missing or not a number (read in place:
    /// list levels and ids are read for every paragraph).
    func integer(_ name: String) -> Int? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, Self.equal(attributeName, name) {
                guard let text = current.pointee.children, text.pointee.next == nil, let content = text.pointee.content
                else { return self.attribute(name).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
                return Self.integer(content)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// A decimal number with optional spaces around it and a sign; nil on anything else
    /// or on overflow.
    private static func integer(_ bytes: UnsafePointer<xmlChar>) -> Int? {
        var index = 0
        while bytes[index] == 0x20 { index += 1 }
        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        var value = 0
        var digits = 0
        while bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[index] - 0x30))
            if overflow1 || overflow2 { return nil }
            value = sum
            digits += 1
            index += 1
        }
        while bytes[index] == 0x20 { index += 1 }
        guard digits > 0, bytes[index] == 0 else { return nil }
        return negative ? -value : value
    }

    /// An on/off property such as `<w:b/>`, `<w:b w:val="0"/>`: nil when the element is
    /// absent, else whether it is switched on.
    func toggle(_ name: String) -> Bool? {
        guard let element = child(name) else { return nil }
        switch element.attribute("val")?.lowercased() {
        case nil, "1", "true", "on": return true
        default: return false
        }
    }

    /// The concatenated text of the element's own text children (`<w:t>` content).
    var text: String {
        Self.text(of: node.pointee.children)
    }

    /// Calls `body` with the bytes (UTF-8) of each of the element's text children, without
    /// copying them into strings.
    func forEachText(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            child = current.pointee.next
        }
    }

    private static func text(of first: UnsafeMutablePointer<xmlNode>?) -> String {
        var out = ""
        var child = first
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                out += String(cString: content)
            }
            child = current.pointee.next
        }
        return out
    }

    private static func equal(_ cName: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var index = 0
        for byte in name.utf8 {
            if cName[index] != byte { return false }
            index += 1
        }
        return cName[index] == 0
    }
}

/// The element children of a node; text, comments and entity references are passed over.
struct XMLChildren: Sequence, IteratorProtocol {
    private var cursor: UnsafeMutablePointer<xmlNode>?

    init(first: UnsafeMutablePointer<xmlNode>?) {
        cursor = first
    }

    mutating func next() -> XMLElement? {
        while let current = cursor {
            cursor = current.pointee.next
            if current.pointee.type == XML_ELEMENT_NODE { return XMLElement(current) }
        }
        return nil
    }
}
