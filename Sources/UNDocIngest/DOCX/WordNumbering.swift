/// The list definitions of word/numbering.xml. Word does not store "12.", "(a)" or "(iv)"
/// in the text: a paragraph names a list (`w:numId`) and a level (`w:ilvl`), the list
/// points to an abstract definition whose levels say where counting starts, how the
/// counter prints and what text surrounds it ("%1.", "(%2)"). `ListCounter` does the
/// counting.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = NumberFormat.decimal
        /// `w:lvlText`: "%1." prints level 1's counter followed by a full stop.
        var text = ""
        /// `w:lvlRestart`: 0 never restarts; n restarts when level n (1-based) or a higher
        /// one is used; nil restarts after any higher level.
        var restart: Int?
        /// `w:isLgl`: print every level's counter as a decimal number.
        var legal = false
        /// The paragraph style linked to this level (a heading style that numbers itself).
        var paragraphStyle: String?

        init() {}

        /// Start values as Word allows them; a hostile part cannot make counting overflow.
        static func clamped(_ value: Int) -> Int {
            min(max(value, 0), 32_767)
        }

        init(_ element: XMLElement) {
            if let value = element.child("start")?.integer("val") { start = Self.clamped(value) }
            format = NumberFormat(element.child("numFmt")?.attribute("val"))
            text = element.child("lvlText")?.attribute("val") ?? ""
            restart = element.child("lvlRestart")?.integer("val")
            legal = element.toggle("isLgl") ?? false
            paragraphStyle = element.child("pStyle")?.attribute("val")
        }
    }

    struct Definition {
        var levels: [Int: Level] = [:]
        /// `w:numStyleLink`: the levels are those of the list that this numbering style names.
        var styleLink: String?
    }

    struct Instance {
        var definition: Int
        /// `w:lvlOverride/w:startOverride`: the list starts these levels again at these values.
        var startOverrides: [Int: Int] = [:]
        /// `w:lvlOverride/w:lvl`: a level redefined for this list only.
        var levelOverrides: [Int: Level] = [:]
    }

    static let levelCount = 9

    private(set) var definitions: [Int: Definition] = [:]
    private(set) var instances: [Int: Instance] = [:]

    init(root: XMLElement?) {
        guard let root else { return }
        for element in root.children {
            switch element.name {
            case "abstractNum":
                guard let id = element.integer("abstractNumId") else { continue }
                var definition = Definition(styleLink: element.child("numStyleLink")?.attribute("val"))
                for child in element.children where child.name == "lvl" {
                    guard let level = child.integer("ilvl"), (0..<Self.levelCount).contains(level) else { continue }
                    definition.levels[level] = Level(child)
                }
                definitions[id] = definition
            case "num":
                guard let id = element.integer("numId"),
                      let definition = element.child("abstractNumId")?.integer("val")
                else { continue }
                var instance = Instance(definition: definition)
                for override in element.children where override.name == "lvlOverride" {
                    guard let level = override.integer("ilvl"), (0..<Self.levelCount).contains(level) else { continue }
                    if let start = override.child("startOverride")?.integer("val") {
                        instance.startOverrides[level] = Level.clamped(start)
                    }
                    if let redefined = override.child("lvl") {
                        instance.levelOverrides[level] = Level(redefined)
                    }
                }
                instances[id] = instance
            default:
                break
            }
        }
    }

    /// The abstract definition whose levels list `numberingID` prints with, following a
    /// numbering style link (`w:numStyleLink` → the style's list → its definition).
    func definitionID(for numberingID: Int, styles: WordStyles) -> Int? {
        guard var id = instances[numberingID]?.definition else { return nil }
        var hops = 0
        while let link = definitions[id]?.styleLink, hops < 8 {
            guard let linked = styles.numbering(link)?.reference.numberingID,
                  let target = instances[linked]?.definition, target != id
            else { break }
            id = target
            hops += 1
        }
        return id
    }

    /// Level `level` as list `numberingID` prints it.
    func level(_ level: Int, of numberingID: Int, definition: Int) -> Level {
        instances[numberingID]?.levelOverrides[level] ?? definitions[definition]?.levels[level] ?? Level()
    }

    /// The level of `definition` linked to a paragraph style, for a style that numbers
    /// itself without naming a level.
    func level(linkedTo style: String, definition: Int) -> Int? {
        definitions[definition]?.levels.first { $0.value.paragraphStyle == style }?.key
    }
}
