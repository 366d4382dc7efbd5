/// Joins the laid-out lines of one paragraph into one line: runs of spaces (justified text)
/// become one space, and a word hyphenated at a line end is put back together.
enum LineJoiner {
    /// `dropHyphen(left, right)` decides a line-end hyphen between "recom-" and "mendations":
    /// true joins "recommendations", false keeps "money-laundering".
    static func join(_ lines: [String], dropHyphen: (Substring, Substring) -> Bool = { _, _ in false }) -> String {
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            let piece = collapse(line)
            if piece.isEmpty { continue }
            if out.isEmpty {
                out = piece
                continue
            }
            if endsWithWordHyphen(out), let first = piece.first, first.isLowercase {
                let left = lastWord(of: out)
                let right = piece.prefix { $0.isLetter }
                if dropHyphen(left.dropLast(), right) { out.removeLast() }
                out += piece
            } else {
                out += " "
                out += piece
            }
        }
        return out
    }

    /// The text with every run of spaces and tabs as one space (bytewise: this runs on
    /// every line of a long PDF).
    static func collapse(_ line: String) -> String {
        var line = line
        return line.withUTF8 { bytes -> String in
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
            if clean { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pending = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 {
                    pending = true
                    continue
                }
                if pending, !out.isEmpty { out.append(0x20) }
                pending = false
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func endsWithWordHyphen(_ text: String) -> Bool {
        guard text.hasSuffix("-") else { return false }
        let before = text.dropLast().last
        return before?.isLetter ?? false
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
