import Foundation

/// What the text builder needs from word/styles.xml: which paragraph styles are headings
/// (and of what level), which carry list numbering, and which set text bold or hidden.
/// Styles inherit through `w:basedOn`; every question walks that chain.
struct WordStyles {
    struct Style {
        var name: String
        var basedOn: String?
        var numbering: NumberingReference?
        /// `w:outlineLvl`: 0 is a level-1 heading; 9 is body text.
        var outlineLevel: Int?
        var bold: Bool?
        var hidden: Bool?
    }

    private var styles: [String: Style] = [:]
    /// The style of paragraphs that name none (`w:default="1"`, usually "Normal").
    private(set) var defaultParagraphStyle: String?
    /// Bold set for the whole document in `w:docDefaults`.
    private var defaultBold: Bool?

    /// Inheritance deeper than this is a loop or a damaged part.
    private static let maximumDepth = 32

    init(root: XMLElement?) {
        guard let root else { return }
        for element in root.children {
            switch element.name {
            case "docDefaults":
                defaultBold = element.child("rPrDefault")?.child("rPr")?.toggle("b")
            case "style":
                guard let id = element.attribute("styleId") else { continue }
                let paragraph = element.child("pPr")
                let run = element.child("rPr")
                styles[id] = Style(
                    name: element.child("name")?.attribute("val") ?? id,
                    basedOn: element.child("basedOn")?.attribute("val"),
                    numbering: paragraph?.child("numPr").flatMap(NumberingReference.init),
                    outlineLevel: paragraph?.child("outlineLvl")?.integer("val"),
                    bold: run?.toggle("b"),
                    hidden: run?.toggle("vanish"))
                if element.attribute("type") == "paragraph", element.attribute("default").map(Self.isOn) == true {
                    defaultParagraphStyle = id
                }
            default:
                break
            }
        }
    }

    /// The heading level (1…) of paragraphs in `styleID`, or nil for body text: from a
    /// built-in heading name ("heading 2", "Title") or the outline level.
    func headingLevel(_ styleID: String?) -> Int? {
        var level: Int?
        walk(styleID) { id, style in
            if let name = style?.name ?? (style == nil ? id : nil), let named = Self.headingLevel(named: name) {
                level = named
                return true
            }
            if let outline = style?.outlineLevel {
                level = (0...8).contains(outline) ? outline + 1 : nil
                return true
            }
            return false
        }
        return level
    }

    /// The list numbering a paragraph style carries, and the style that carries it.
    func numbering(_ styleID: String?) -> (reference: NumberingReference, style: String)? {
        var found: (NumberingReference, String)?
        walk(styleID) { id, style in
            guard let numbering = style?.numbering else { return false }
            found = (numbering, id)
            return true
        }
        return found
    }

    func bold(_ styleID: String?) -> Bool? {
        var bold: Bool?
        walk(styleID) { _, style in
            bold = style?.bold
            return bold != nil
        }
        return bold
    }

    func paragraphBold(_ styleID: String?) -> Bool {
        bold(styleID ?? defaultParagraphStyle) ?? defaultBold ?? false
    }

    func hidden(_ styleID: String?) -> Bool {
        var hidden: Bool?
        walk(styleID) { _, style in
            hidden = style?.hidden
            return hidden != nil
        }
        return hidden ?? false
    }

    /// Calls `visit` with each style from `styleID` up its `basedOn` chain until it returns
    /// true. A style the part does not define is visited once with nil (its id may still
    /// say what it is: "Heading2" without a styles part).
    private func walk(_ styleID: String?, _ visit: (String, Style?) -> Bool) {
        var current = styleID
        var depth = 0
        while let id = current, depth < Self.maximumDepth {
            let style = styles[id]
            if visit(id, style) { return }
            current = style?.basedOn
            depth += 1
        }
    }

    /// "heading 3" (the built-in name, also as an id "Heading3") is 3; "Title" is 1. Read
    /// bytewise, case and spaces ignored.
    static func headingLevel(named name: String) -> Int? {
        var letters: [UInt8] = []
        letters.reserveCapacity(12)
        for byte in name.utf8 where byte != 0x20 {
            letters.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if letters.count > 12 { return nil }
        }
        if letters.elementsEqual("title".utf8) { return 1 }
        let prefix = "heading".utf8
        guard letters.count == prefix.count + 1, letters.starts(with: prefix),
              let digit = letters.last, digit >= 0x31, digit <= 0x39
        else { return nil }
        return Int(digit - 0x30)
    }

    private static func isOn(_ value: String) -> Bool {
        value == "1" || value.lowercased() == "true" || value.lowercased() == "on"
    }
}

/// `<w:numPr>`: a list (`w:numId`) and a level in it (`w:ilvl`, 0-based). numId 0 takes
/// numbering off a paragraph whose style would number it.
struct NumberingReference: Equatable {
    var numberingID: Int
    var level: Int?

    init(numberingID: Int, level: Int?) {
        self.numberingID = numberingID
        self.level = level
    }

    init?(_ element: XMLElement) {
        guard let id = element.child("numId")?.integer("val") else {
            // A level alone refines the numbering a style gives.
            guard let level = element.child("ilvl")?.integer("val") else { return nil }
            self.init(numberingID: -1, level: level)
            return
        }
        self.init(numberingID: id, level: element.child("ilvl")?.integer("val"))
    }
}
