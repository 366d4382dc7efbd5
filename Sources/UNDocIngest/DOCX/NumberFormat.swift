/// How a list level prints its counter (`w:numFmt`), as Word prints it.
enum NumberFormat: Equatable {
    case decimal
    case decimalZero
    case lowerLetter
    case upperLetter
    case lowerRoman
    case upperRoman
    case ordinal
    case bullet
    case none

    /// Word's format name; formats this reader does not print (Chinese counting, Hebrew
    /// letters, …) print as decimal numbers.
    init(_ name: String?) {
        switch name {
        case "decimalZero": self = .decimalZero
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        case "ordinal": self = .ordinal
        case "bullet": self = .bullet
        case "none": self = .none
        default: self = .decimal
        }
    }

    func format(_ value: Int) -> String {
        switch self {
        case .decimal, .bullet: String(value)
        case .decimalZero: value < 10 && value >= 0 ? "0\(value)" : String(value)
        case .lowerLetter: Self.letters(value)
        case .upperLetter: Self.letters(value).uppercased()
        case .lowerRoman: Self.roman(value).lowercased()
        case .upperRoman: Self.roman(value)
        case .ordinal: String(value) + Self.ordinalSuffix(value)
        case .none: ""
        }
    }

    /// Word's letters: a…z, then aa…zz, aaa… (the letter repeated, not base 26).
    static func letters(_ value: Int) -> String {
        // Past 780 (zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz) the letters would be unreadable: print the number.
        guard value > 0, value <= 780 else { return String(value) }
        let letter = Character(Unicode.Scalar(UInt8(0x61 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var out = ""
        for (amount, symbol) in table {
            while rest >= amount {
                out += symbol
                rest -= amount
            }
        }
        return out
    }

    private static func ordinalSuffix(_ value: Int) -> String {
        if (11...13).contains(value % 100) { return "th" }
        switch value % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
