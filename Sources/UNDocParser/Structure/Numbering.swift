/// UN numbering conventions: roman chapters, capital-letter sections, lettered clauses
/// and roman sub-clauses. The same label can be read two ways ("I" is chapter one or
/// the section after H; "(i)" is a roman one or the letter after (h)); callers resolve
/// that by asking which reading continues the sequence they are in.
enum Numbering {
    /// The value of a roman numeral written with I, V, X, L, C (all in one case), or nil.
    /// Read from the UTF-8 bytes: labels are tested this way for every numbered line.
    static func romanValue(_ text: String) -> Int? {
        let utf8 = text.utf8
        guard let first = utf8.first else { return nil }
        var total = 0
        var previous = 0
        for byte in utf8.reversed() {
            let value: Int
            switch byte | 0x20 {
            case 0x69: value = 1    // i
            case 0x76: value = 5    // v
            case 0x78: value = 10   // x
            case 0x6C: value = 50   // l
            case 0x63: value = 100  // c
            default: return nil
            }
            if value < previous { total -= value } else { total += value; previous = value }
        }
        // Reject non-canonical spellings such as "iiii" or "vx", and mixed case: the text must
        // be `roman(total)` in the case of its first letter.
        let caseBit: UInt8 = first >= 0x61 ? 0x20 : 0
        var rest = total
        var position = utf8.startIndex
        for (amount, symbol) in romanTable {
            while rest >= amount {
                for byte in symbol.utf8 {
                    guard position != utf8.endIndex, utf8[position] == byte | caseBit else { return nil }
                    position = utf8.index(after: position)
                }
                rest -= amount
            }
        }
        return position == utf8.endIndex ? total : nil
    }

    private static let romanTable: [(Int, String)] = [
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    /// Spells `value` as a roman numeral.
    static func roman(_ value: Int, lowercase: Bool = false) -> String {
        var rest = value
        var out = ""
        for (amount, symbol) in romanTable {
            while rest >= amount {
                out += symbol
                rest -= amount
            }
        }
        return lowercase ? out.lowercased() : out
    }

    /// The position of a single letter label in the alphabet (a = 1), or nil.
    static func letterValue(_ text: String) -> Int? {
        // One ASCII byte is the usual label; other ASCII text is never one character
        // ("\r\n" aside, which is no letter). `count` would walk grapheme breaks.
        if text.utf8.count == 1 || text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard text.utf8.count == 1, let byte = text.utf8.first else { return nil }
            if byte &- 0x61 < 26 { return Int(byte) - 96 }
            if byte &- 0x41 < 26 { return Int(byte) - 64 }
            return nil
        }
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
