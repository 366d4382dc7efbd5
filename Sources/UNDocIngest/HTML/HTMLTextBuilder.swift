import CLibXML2
import Foundation

/// Walks libxml2's HTML tree and writes the normalised text: one line per block element,
/// `#` marks for `<h1>`–`<h6>`, `**…**` around paragraphs set wholly in bold (UN exports
/// mark headings that way), `<sup>N</sup>` for footnote markers, tabs between table cells,
/// "N." before the items of ordered lists, and `---` for `<hr>`.
struct HTMLTextBuilder {
    private var output: [UInt8] = []
    private var line = ""
    /// Characters of the current line set in bold and not, to tell a bold heading.
    private var boldCount = 0
    private var plainCount = 0
    private var boldDepth = 0
    private var preformatted = 0

    private static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "footer", "svg", "iframe", "button", "select",
        "object", "canvas",
    ]
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "aside", "blockquote", "address", "center", "dl", "dt",
        "dd", "ul", "ol", "figure", "figcaption", "caption", "body", "html", "form", "fieldset", "hgroup",
    ]

    mutating func visit(_ node: UnsafeMutablePointer<xmlNode>) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { text(String(cString: content)) }
        case XML_ELEMENT_NODE:
            element(node)
        default:
            break
        }
    }

    mutating func finish() -> [UInt8] {
        endLine()
        return output
    }

    private mutating func element(_ node: UnsafeMutablePointer<xmlNode>) {
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        if Self.skipped.contains(name) { return }
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            endLine()
            let level = Int(String(name.dropFirst())) ?? 1
            line = String(repeating: "#", count: level) + " "
            children(node)
            endLine(heading: true)
        case "br":
            endLine()
        case "hr":
            endLine()
            write("---")
        case "sup":
            let marker = Self.plain(node).trimmingCharacters(in: CharacterSet(charactersIn: " []()\u{A0}"))
            if !marker.isEmpty, marker.count <= 4, marker.allSatisfy(\.isNumber) {
                line += "<sup>\(marker)</sup>"
            } else if !marker.isEmpty, marker.allSatisfy({ $0 == "*" }) {
                line += marker
            } else {
                children(node)
            }
        case "tr":
            endLine()
            var cells: [String] = []
            var cell = node.pointee.children
            while let current = cell {
                let cellName = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if current.pointee.type == XML_ELEMENT_NODE, cellName == "td" || cellName == "th" {
                    var inner = HTMLTextBuilder()
                    inner.children(current)
                    cells.append(String(decoding: inner.finish(), as: UTF8.self)
                        .split(whereSeparator: \.isNewline).joined(separator: " ")
                        .trimmingCharacters(in: .whitespaces))
                }
                cell = current.pointee.next
            }
            if cells.contains(where: { !$0.isEmpty }) { write(cells.joined(separator: "\t")) }
        case "li":
            endLine()
            if let parent = node.pointee.parent, parent.pointee.name.map({ String(cString: $0).lowercased() }) == "ol" {
                line = "\(Self.itemNumber(node)). "
            }
            children(node)
            endLine()
        case "b", "strong":
            boldDepth += 1
            children(node)
            boldDepth -= 1
        case "pre":
            endLine()
            preformatted += 1
            children(node)
            preformatted -= 1
            endLine()
        case "td", "th":
            children(node)
            line += " "
        default:
            if Self.blocks.contains(name) || name == "table" || name == "tbody" || name == "thead" {
                endLine()
                children(node)
                endLine()
            } else {
                children(node)
            }
        }
    }

    private mutating func children(_ node: UnsafeMutablePointer<xmlNode>) {
        var child = node.pointee.children
        while let current = child {
            visit(current)
            child = current.pointee.next
        }
    }

    /// Text as HTML renders it: runs of white space are one space (except in `<pre>`).
    private mutating func text(_ content: String) {
        if preformatted > 0 {
            for (index, piece) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { endLine() }
                line += piece
            }
            return
        }
        var lastWasSpace = line.isEmpty || line.last == " "
        for character in content {
            if character.isWhitespace || character == "\u{A0}" {
                if !lastWasSpace { line.append(" ") }
                lastWasSpace = true
            } else {
                line.append(character)
                lastWasSpace = false
                if boldDepth > 0 { boldCount += 1 } else { plainCount += 1 }
            }
        }
    }

    private mutating func endLine(heading: Bool = false) {
        var text = line.trimmingCharacters(in: .whitespaces)
        line = ""
        defer {
            boldCount = 0
            plainCount = 0
        }
        if heading {
            if text.hasSuffix("#") || text.isEmpty { return }  // an empty heading
        } else if text.isEmpty {
            return
        } else if boldCount > 0, plainCount == 0, !text.contains("**") {
            text = "**\(text)**"
        }
        write(text)
    }

    private mutating func write(_ text: String) {
        output.append(contentsOf: text.utf8)
        output.append(contentsOf: [0x0A, 0x0A])
    }

    /// The number an `<li>` shows: its `value`, or its parent's `start` plus its position.
    private static func itemNumber(_ node: UnsafeMutablePointer<xmlNode>) -> Int {
        if let value = attribute(node, "value").flatMap(Int.init) { return value }
        var number = node.pointee.parent.flatMap { attribute($0, "start") }.flatMap(Int.init) ?? 1
        var sibling = node.pointee.prev
        while let current = sibling {
            if current.pointee.type == XML_ELEMENT_NODE,
               current.pointee.name.map({ String(cString: $0).lowercased() }) == "li" {
                number += 1
            }
            sibling = current.pointee.prev
        }
        return number
    }

    private static func attribute(_ node: UnsafeMutablePointer<xmlNode>, _ name: String) -> String? {
        let value = name.withCString { xmlGetProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let value else { return nil }
        defer { undoc_xml_free(value) }
        return String(cString: value)
    }

    /// The text content of a subtree.
    private static func plain(_ node: UnsafeMutablePointer<xmlNode>) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { undoc_xml_free(content) }
        return String(cString: content)
    }
}
