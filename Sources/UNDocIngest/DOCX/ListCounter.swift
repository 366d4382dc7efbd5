/// Counts the numbered paragraphs of a Word document in order and prints their labels as
/// Word shows them ("12.", "(a)", "(iv)", "2.3").
///
/// Lists that share an abstract definition share their counters, as in Word: a second
/// `w:num` on the same definition continues the numbering unless it overrides a level's
/// start, which restarts that level the first time the list is used. Using a level
/// restarts the levels below it (unless their `w:lvlRestart` says otherwise).
struct ListCounter {
    private let numbering: WordNumbering
    private let styles: WordStyles
    /// Per abstract definition: the last value printed at each level (nil: not started).
    private var counters: [Int: [Int?]] = [:]
    /// Lists already used, whose start overrides have been applied.
    private var started: Set<Int> = []
    /// Lists that paragraphs name but numbering.xml does not define.
    private(set) var undefinedLists: Set<Int> = []

    init(numbering: WordNumbering, styles: WordStyles) {
        self.numbering = numbering
        self.styles = styles
    }

    /// What a numbered paragraph prints before its text.
    enum Label: Equatable {
        case text(String)
        case bullet
    }

    /// Counts a paragraph of list `numberingID` at `level` and returns its label (nil when
    /// the level prints nothing).
    mutating func next(numberingID: Int, level requested: Int) -> Label? {
        guard let definition = numbering.definitionID(for: numberingID, styles: styles) else {
            undefinedLists.insert(numberingID)
            return nil
        }
        let level = min(max(requested, 0), WordNumbering.levelCount - 1)
        var values = counters[definition] ?? Array(repeating: nil, count: WordNumbering.levelCount)
        if started.insert(numberingID).inserted, let overrides = numbering.instances[numberingID]?.startOverrides {
            for (overridden, start) in overrides {
                values[overridden] = start - 1
            }
        }
        let current = numbering.level(level, of: numberingID, definition: definition)
        values[level] = (values[level] ?? current.start - 1) + 1
        for lower in (level + 1)..<WordNumbering.levelCount {
            let restart = numbering.level(lower, of: numberingID, definition: definition).restart
            // lvlRestart n (1-based) restarts this level when level n-1 (0-based) or a higher one is used.
            if restart == 0 { continue }
            if let restart, level > restart - 1 { continue }
            values[lower] = nil
        }
        counters[definition] = values
        if current.format == .bullet { return current.text.isEmpty ? nil : .bullet }
        return label(current, values: values, numberingID: numberingID, definition: definition)
    }

    /// Fills "%1", "%2"… of the level's text with the counters of those levels.
    private func label(_ current: WordNumbering.Level, values: [Int?], numberingID: Int, definition: Int) -> Label? {
        var out = ""
        var scalars = current.text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "%" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            guard let digit = scalars.next() else { break }
            guard let placeholder = Int(String(digit)), (1...WordNumbering.levelCount).contains(placeholder) else {
                out.unicodeScalars.append(scalar)
                out.unicodeScalars.append(digit)
                continue
            }
            let referenced = numbering.level(placeholder - 1, of: numberingID, definition: definition)
            let value = values[placeholder - 1] ?? referenced.start
            let format = current.legal && referenced.format != .none ? .decimal : referenced.format
            out += format.format(value)
        }
        // A level that prints only punctuation ("()" for a format of none) prints nothing.
        guard out.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
            return nil
        }
        while out.last == " " { out.removeLast() }
        while out.first == " " { out.removeFirst() }
        return .text(out)
    }
}
