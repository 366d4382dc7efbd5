// Template text for the corpus generator: a corpus text cut into pieces once, with holes
// where a generated document puts its own year, session, decision number, footnote number
// or sentence. Rendering is concatenation, so a document costs what its text costs.
import Foundation

struct Template: Sendable {
    enum Piece: Sendable {
        case text(String)
        /// A named hole; `fallback` is the template's own text.
        case slot(String, fallback: String)
        /// A year of the template, moved by the rendering's year delta.
        case year(Int)
        /// "third session": the template's session number plus `offset`, in words.
        case session(offset: Int, capitalized: Bool)
        /// "decision 2/6": a decision of the template's session numbering.
        case decision(Int, Int)
        /// `<sup>N</sup>`.
        case footnote(Int)
        /// "paragraph 111 below": the number of a paragraph of the template.
        case paragraphRef(Int)
    }

    var pieces: [Piece]

    var isEmpty: Bool { pieces.isEmpty }

    func render(into out: inout String, _ context: Rendering) {
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .slot(let name, let fallback): out += context.slots[name] ?? fallback
            case .year(let year): out += String(year + context.yearDelta)
            case .session(let offset, let capitalized):
                let words = Ordinal.words(context.session + offset)
                out += capitalized ? words.prefix(1).uppercased() + words.dropFirst() : words
            case .decision(let session, let number): out += context.decision(session, number)
            case .footnote(let number):
                if !context.dropFootnotes { out += "<sup>\(number - context.footnoteOffset)</sup>" }
            case .paragraphRef(let number): out += context.paragraph(number)
            }
        }
    }

    func rendered(_ context: Rendering) -> String {
        var out = ""
        render(into: &out, context)
        return out
    }

    /// The footnote numbers the template holds.
    var footnotes: [Int] {
        pieces.compactMap { if case .footnote(let number) = $0 { number } else { nil } }
    }
}

/// What one generated document puts into a template's holes.
struct Rendering {
    var yearDelta = 0
    var session = 0
    var slots: [String: String] = [:]
    var footnoteOffset = 0
    var dropFootnotes = false
    var decision: (Int, Int) -> String = { "\($0)/\($1)" }
    var paragraph: (Int) -> String = { String($0) }
}

/// How a corpus text is cut into a template.
struct TemplateRules {
    /// Exact strings that become pieces (a `.text` piece protects a string from the other rules).
    var literals: [(String, Template.Piece)] = []
    /// Years that move with the document's year; the others are history and stay.
    var years: ClosedRange<Int>?
    /// The template's own session number, for "third session" (nil: session words stay).
    var sessionBase: Int?
    /// "decision 3/2" style numbers of sessions 1-3 (the Conference of the Parties report).
    var decisions = false
    var footnotes = true
    var paragraphRefs = false

    private static let sessionWords = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    ]
    private static let sessionPattern = try! NSRegularExpression(
        pattern: "\\b(" + sessionWords.joined(separator: "|") + ")(?= session)", options: [.caseInsensitive])
    private static let decisionPattern = try! NSRegularExpression(pattern: "(?<![\\d/.])([1-3])/([1-6])(?![\\d/])")
    private static let footnotePattern = try! NSRegularExpression(pattern: "<sup>(\\d+)</sup>")
    private static let paragraphRefPattern = try! NSRegularExpression(pattern: "(?<=paragraph )\\d+(?= (below|above))")
    private static let yearPattern = try! NSRegularExpression(pattern: "(?<![\\d,.])\\d{4}(?![\\d])")

    func template(_ text: String) -> Template {
        let string = text as NSString
        var found: [(range: NSRange, priority: Int, piece: Template.Piece)] = []
        for (index, (literal, given)) in literals.enumerated() {
            var piece = given
            // A slot without a fallback falls back on the template's own text.
            if case .slot(let name, let fallback) = given, fallback.isEmpty { piece = .slot(name, fallback: literal) }
            var search = NSRange(location: 0, length: string.length)
            while true {
                let range = string.range(of: literal, options: [], range: search)
                if range.location == NSNotFound { break }
                found.append((range, index, piece))
                search = NSRange(location: NSMaxRange(range), length: string.length - NSMaxRange(range))
            }
        }
        func each(_ pattern: NSRegularExpression, _ make: (NSTextCheckingResult) -> Template.Piece?) {
            for match in pattern.matches(in: text, range: NSRange(location: 0, length: string.length)) {
                if let piece = make(match) { found.append((match.range, 1000, piece)) }
            }
        }
        if let base = sessionBase {
            each(Self.sessionPattern) { match in
                let word = string.substring(with: match.range)
                guard let index = Self.sessionWords.firstIndex(of: word.lowercased()) else { return nil }
                return .session(offset: index + 1 - base, capitalized: word.first?.isUppercase ?? false)
            }
        }
        if decisions {
            each(Self.decisionPattern) { match in
                .decision(Int(string.substring(with: match.range(at: 1)))!, Int(string.substring(with: match.range(at: 2)))!)
            }
        }
        if footnotes {
            each(Self.footnotePattern) { .footnote(Int(string.substring(with: $0.range(at: 1)))!) }
        }
        if paragraphRefs {
            each(Self.paragraphRefPattern) { .paragraphRef(Int(string.substring(with: $0.range))!) }
        }
        if let years {
            each(Self.yearPattern) { match in
                let year = Int(string.substring(with: match.range))!
                return years.contains(year) ? .year(year) : nil
            }
        }
        found.sort { ($0.range.location, $0.priority) < ($1.range.location, $1.priority) }
        var pieces: [Template.Piece] = []
        var position = 0
        for item in found where item.range.location >= position {
            if item.range.location > position {
                pieces.append(.text(string.substring(with: NSRange(location: position, length: item.range.location - position))))
            }
            pieces.append(item.piece)
            position = NSMaxRange(item.range)
        }
        if position < string.length { pieces.append(.text(string.substring(from: position))) }
        // Merge neighbouring text pieces.
        var merged: [Template.Piece] = []
        for piece in pieces {
            if case .text(let text) = piece, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(piece)
            }
        }
        return Template(pieces: merged)
    }
}

/// A numbered paragraph of a corpus text with the headings before it and everything up to
/// the next paragraph (continuation after a page break, footnote bodies, lettered items).
struct ParagraphBlock: Sendable {
    var number: Int
    var headings: Template
    var body: Template
    /// The highest Unicode-superscript footnote marker in the paragraph (003's notation).
    var lastSuperscriptMarker: Int

    /// Splits lines into paragraphs: a line "N. " starts one only when N continues the
    /// numbering (UN report paragraphs run 1, 2, 3… without a gap), so a numbered agenda
    /// inside a paragraph stays inside it.
    static func split(_ lines: [Substring], firstNumber: Int, rules: TemplateRules) -> [ParagraphBlock] {
        var blocks: [ParagraphBlock] = []
        var expected = firstNumber
        var pending: [Substring] = []
        var current: (number: Int, headings: [Substring], lines: [Substring])?
        func close() {
            guard let open = current else { return }
            let headings = open.headings.isEmpty ? "" : open.headings.joined(separator: "\n") + "\n"
            let body = open.lines.joined(separator: "\n") + "\n"
            blocks.append(ParagraphBlock(number: open.number, headings: rules.template(headings), body: rules.template(body),
                                         lastSuperscriptMarker: Superscript.lastMarker(in: body)))
        }
        for line in lines {
            if let number = leadingNumber(line), number == expected {
                close()
                current = (number, pending, [line.dropFirst(String(number).count + 2)])
                pending = []
                expected += 1
            } else if isHeading(line) || (line.isEmpty && !pending.isEmpty) || current == nil {
                pending.append(line)
            } else {
                current?.lines += pending
                pending = []
                current?.lines.append(line)
            }
        }
        current?.lines += pending
        close()
        return blocks
    }

    static func leadingNumber(_ line: Substring) -> Int? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return Int(digits)
    }

    /// Markdown and bold headings (001, 002) and plain "B. Investigation" headings (003).
    static func isHeading(_ line: Substring) -> Bool {
        if line.hasPrefix("#") || line.hasPrefix("**") { return true }
        guard line.count < 200, !line.hasSuffix("."), let dot = line.firstIndex(of: ".") else { return false }
        let label = line[..<dot]
        return !label.isEmpty && label.count <= 4 && label.allSatisfy { "IVXLABCDEFGHJK".contains($0) }
            && line[dot...].hasPrefix(". ")
    }
}

/// Renders paragraphs under new numbers (a report's paragraphs 63-112 become an addendum's 1-50).
struct ParagraphRun {
    var blocks: ArraySlice<ParagraphBlock>

    /// `headings: false` leaves out the headings before the first paragraph (an excerpt
    /// that starts inside a chapter); `numbered: false` prints the paragraphs unnumbered.
    func render(into out: inout String, from first: Int, _ context: Rendering, headings: Bool = true, numbered: Bool = true) {
        guard let start = blocks.first?.number else { return }
        var context = context
        let range = start...(blocks.last?.number ?? start)
        let outer = context.paragraph
        context.paragraph = { number in range.contains(number) ? String(number - start + first) : outer(number) }
        for (index, block) in blocks.enumerated() {
            if numbered, headings || index > 0 { block.headings.render(into: &out, context) }
            if numbered { out += "\(first + index). " }
            block.body.render(into: &out, context)
        }
    }
}

enum Superscript {
    static let digits: [Character: Int] = ["⁰": 0, "¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9]

    static func lastMarker(in text: String) -> Int {
        var best = 0
        var value = 0
        var inNumber = false
        for character in text {
            if let digit = digits[character] {
                value = inNumber ? value * 10 + digit : digit
                inNumber = true
                best = max(best, value)
            } else {
                inNumber = false
            }
        }
        return best
    }

    /// The marker a "Notes" line of 003 starts with ("- ¹ …" or "²⁴ …").
    static func leadingMarker(_ line: Substring) -> Int? {
        let rest = line.hasPrefix("- ") ? line.dropFirst(2) : line
        let marks = rest.prefix { digits[$0] != nil }
        guard !marks.isEmpty else { return nil }
        return marks.reduce(0) { $0 * 10 + digits[$1]! }
    }
}

/// English ordinal words, as UN documents spell session numbers: "sixty-third".
enum Ordinal {
    private static let ones = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                               "nineteen"]
    private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    private static let irregular = ["one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                                    "nine": "ninth", "twelve": "twelfth"]

    static func cardinal(_ n: Int) -> String {
        if n < 20 { return ones[n] }
        if n < 100 { return tens[n / 10] + (n % 10 == 0 ? "" : "-" + ones[n % 10]) }
        if n < 1000 {
            return ones[n / 100] + " hundred" + (n % 100 == 0 ? "" : " and " + cardinal(n % 100))
        }
        return cardinal(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : (n % 1000 < 100 ? " and " : " ") + cardinal(n % 1000))
    }

    static func words(_ n: Int) -> String {
        guard n > 0 else { return "preparatory" }
        let text = cardinal(n)
        // Only the last word changes: "sixty-three" → "sixty-third", "one hundred" → "one hundredth".
        let split = text.lastIndex { $0 == " " || $0 == "-" }.map { text.index(after: $0) } ?? text.startIndex
        let head = text[..<split]
        let last = String(text[split...])
        if let word = irregular[last] { return head + word }
        if last.hasSuffix("y") { return head + last.dropLast() + "ieth" }
        return head + last + "th"
    }

    static func capitalized(_ n: Int) -> String {
        let text = words(n)
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
