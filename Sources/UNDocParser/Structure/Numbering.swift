/// UN numbering conventions: roman chapters, capital-letter sections, lettered clauses
/// and roman sub-clauses. The same label can be read two ways ("I" is chapter one or
/// the section after H; "(i)" is a roman one or the letter after (h)); callers resolve
/// that by asking which reading continues the sequence they are in.
enum Numbering {
    /// The value of a roman numeral written with I, V, X, L, C (case-insensitive), or nil.
    static func romanValue(_ text: String) -> Int? {
        var total = 0
        var previous = 0
        guard !text.isEmpty else { return nil }
        for character in text.lowercased().reversed() {
            let value: Int
            switch character {
            case "i": value = 1
            case "v": value = 5
            case "x": value = 10
            case "l": value = 50
            case "c": value = 100
            default: return nil
            }
            if value < previous { total -= value } else { total += value; previous = value }
        }
        // Reject non-canonical spellings such as "iiii" or "vx".
        return roman(total, lowercase: text.first?.isLowercase ?? false) == text ? total : nil
    }

    /// Spells `value` as a roman numeral.
    static func roman(_ value: Int, lowercase: Bool = false) -> String {
        let table: [(Int, String)] = [
            (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var out = ""
        for (amount, symbol) in table {
            while rest >= amount {
                out += symbol
                rest -= amount
            }
        }
        return lowercase ? out.lowercased() : out
    }

    /// The position of a single letter label in the alphabet (a = 1), or nil.
    static func letterValue(_ text: String) -> Int? {
        guard text.count == 1, let scalar = text.unicodeScalars.first, scalar.isASCII else { return nil }
        let value = scalar.value
        if (97...122).contains(value) { return Int(value) - 96 }
        if (65...90).contains(value) { return Int(value) - 64 }
        return nil
    }

    /// The letter at `position` (1 = a).
    static func letter(_ position: Int, uppercase: Bool = false) -> String {
        let base: UInt32 = uppercase ? 64 : 96
        guard (1...26).contains(position), let scalar = Unicode.Scalar(base + UInt32(position)) else { return "?" }
        return String(Character(scalar))
    }
}
