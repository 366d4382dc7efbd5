/// Makes what a document officer types into an FTS5 query. FTS5 takes only letters, digits
/// and `_` in a bare word, so `decision 3/2` or `CTOC/COP/2006/L.4` would be syntax errors;
/// such words are put in double quotes and become phrases (`"3/2"` matches "3" followed by
/// "2"). Quoted phrases, AND/OR/NOT, parentheses, `prefix*`, `^first` and `column:` pass
/// through unchanged, and a query using NEAR(…) is left exactly as written.
enum FTSQuery {
    static func rewrite(_ query: String) -> String {
        if query.contains("NEAR(") { return query }
        var out = ""
        var index = query.startIndex
        while index < query.endIndex {
            let character = query[index]
            if character == "\"" {
                // A phrase: copy up to and including its closing quote (or to the end: FTS5
                // then reports the unbalanced quote).
                let close = query[query.index(after: index)...].firstIndex(of: "\"")
                let end = close.map { query.index(after: $0) } ?? query.endIndex
                out += query[index..<end]
                index = end
            } else if character.isWhitespace {
                out.append(character)
                index = query.index(after: index)
            } else {
                let end = query[index...].firstIndex { $0.isWhitespace || $0 == "\"" } ?? query.endIndex
                out += word(String(query[index..<end]))
                index = end
            }
        }
        return out
    }

    /// One bare word, quoted when it holds punctuation FTS5 does not take in a bare word.
    static func word(_ word: String) -> String {
        var core = Substring(word)
        var opening = ""
        var closing = ""
        while let first = core.first, first == "(" || first == "^" {
            opening.append(first)
            core = core.dropFirst()
        }
        while let last = core.last, last == ")" || last == "*" {
            closing.insert(last, at: closing.startIndex)
            core = core.dropLast()
        }
        guard !core.isEmpty, core.contains(where: needsQuotes) else { return word }
        // "column:word" and "a+b" are FTS5 syntax; leave them to FTS5.
        if core.contains(":") || core.contains("+") { return word }
        return opening + "\"" + core + "\"" + closing
    }

    static func needsQuotes(_ character: Character) -> Bool {
        if character == "_" || character.isLetter || character.isNumber { return false }
        return character.unicodeScalars.allSatisfy(\.isASCII)
    }
}
