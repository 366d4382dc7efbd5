/// Joins the laid-out lines of one paragraph into one line: runs of spaces (justified text)
/// become one space, and a word hyphenated at a line end is put back together.
enum LineJoiner {
    /// `dropHyphen(left, right)` decides a line-end hyphen between "recom-" and "mendations":
    /// true joins "recommendations", false keeps "money-laundering".
    /// (Joined as bytes; Characters are read only at a line-end hyphen, and only where the
    /// bytes around it are not ASCII.)
    static func join(_ lines: [String], dropHyphen: (Substring, Substring) -> Bool = { _, _ in false }) -> String {
        if lines.count == 1 { return collapse(lines[0]) }
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            let piece = collapse(line)
            if piece.isEmpty { continue }
            if out.isEmpty {
                out.append(contentsOf: piece.utf8)
                continue
            }
            if endsWithWordHyphen(out), startsLowercase(piece) {
                let left = lastWord(of: String(decoding: out, as: UTF8.self))
                let right = piece.prefix { $0.isLetter }
                if dropHyphen(left.dropLast(), right) { out.removeLast() }
            } else {
                out.append(0x20)
            }
            out.append(contentsOf: piece.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text with every run of spaces and tabs as one space (bytewise: this runs on
    /// every line of a long PDF).
    static func collapse(_ line: String) -> String {
        var line = line
        let collapsed = line.withUTF8 { bytes -> String? in
            var previousSpace = false
            var clean = true
            for byte in bytes {
                let space = byte == 0x20 || byte == 0x09
                if space, previousSpace || byte == 0x09 {
                    clean = false
                    break
                }
                previousSpace = space
            }
            // Most lines have nothing to collapse: the line itself, not a copy.
            if clean { return nil }
            // Only ASCII spaces are dropped, so what is left is as valid UTF-8 as the line.
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pending = false
                for byte in bytes {
                    if byte == 0x20 || byte == 0x09 {
                        pending = true
                        continue
                    }
                    if pending, count > 0 {
                        out[count] = 0x20
                        count += 1
                    }
                    pending = false
                    out[count] = byte
                    count += 1
                }
                return count
            }
        }
        return collapsed ?? line
    }

    /// Ends in a hyphen after a letter: "recom-" but not "1990-" or "-".
    private static func endsWithWordHyphen(_ text: [UInt8]) -> Bool {
        guard text.count >= 2, text[text.count - 1] == 0x2D else { return false }
        let before = text[text.count - 2]
        if before < 0x80, text.count < 3 || text[text.count - 3] < 0x80 {
            return (before | 0x20) >= 0x61 && (before | 0x20) <= 0x7A
        }
        // A letter of another script, or one with a combining accent.
        let string = String(decoding: text, as: UTF8.self)
        return string.hasSuffix("-") && (string.dropLast().last?.isLetter ?? false)
    }

    /// Starts with a lowercase letter (the rest of a word broken at a hyphen).
    private static func startsLowercase(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first < 0x80, (bytes.next() ?? 0) < 0x80 { return first >= 0x61 && first <= 0x7A }
        return text.first?.isLowercase ?? false
    }

    private static func lastWord(of text: String) -> Substring {
        let start = text.lastIndex(of: " ").map { text.index(after: $0) } ?? text.startIndex
        return text[start...]
    }
}

/// Decides line-end hyphens from the document's own words: "recom-" + "mendations" loses
/// its hyphen when "recommendations" occurs elsewhere and "recom-mendations" does not.
/// Otherwise the hyphen stays, as UN documents are set without automatic hyphenation and
/// a hyphen at a line end is most often a compound's ("money-laundering").
struct HyphenVocabulary {
    private var words: Set<Substring> = []

    init(_ lines: [LayoutLine]) {
        for line in lines {
            for word in line.text.split(separator: " ") {
                let trimmed = word.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }
                if trimmed.isEmpty { continue }
                words.insert(Substring(String(trimmed.reversed()).lowercased()))
            }
        }
    }

    func dropHyphen(_ left: Substring, _ right: Substring) -> Bool {
        let leftWord = left.drop { !$0.isLetter }
        let joined = Substring((leftWord + right).lowercased())
        let compound = Substring((leftWord + "-" + right).lowercased())
        return words.contains(joined) && !words.contains(compound)
    }
}
