import UNDocGrammar
import UNDocModel

/// One UN document symbol, normalised, with its components.
public struct DocumentSymbol: Codable, Sendable, Hashable {
    /// The symbol in its canonical spelling: "CTOC/COP/2006/L.1/Add.2".
    public var normalized: String
    /// Organ or treaty-body prefix: "CTOC/COP", "A", "E".
    public var organ: String
    /// The parts after the prefix, modifiers excluded: ["2006", "L.1"].
    public var parts: [String]
    /// Rev., Add., Corr., Amend. parts, in order: ["Add.2"].
    public var modifiers: [String]

    /// The symbol without its modifiers: the base document that a revision, addendum or
    /// corrigendum belongs to.
    public var base: String { ([organ] + parts).joined(separator: "/") }
}

/// A symbol as printed, which may stand for several documents ("L.1 and Add.1-3").
public struct SymbolGroup: Sendable, Hashable {
    public var printed: String
    /// Byte range of the printed symbol in the scanned text.
    public var range: Range<Int>
    public var symbols: [DocumentSymbol]
}

/// Finds and normalises UN document symbols with Grammars/symbols.peg.
public struct SymbolRecognizer: Sendable {
    let grammars: ParserGrammars

    /// The most documents one collective form may expand to ("Add.1-3" is 3); a larger
    /// range is kept as printed rather than expanded.
    static let maximumExpansion = 200

    public init(grammars: ParserGrammars) {
        self.grammars = grammars
    }

    /// Every symbol in `text`.
    public func symbols(in text: String) -> [SymbolGroup] {
        var text = text
        return text.withUTF8 { scan($0, range: 0..<$0.count) }
    }

    /// The symbol that `text` is, entirely (surrounding white space allowed), or nil.
    public func recognizeWhole(_ text: String) -> SymbolGroup? {
        let trimmed = text.trimmingCharacters(in: " \t")
        var copy = trimmed
        return copy.withUTF8 { bytes -> SymbolGroup? in
            guard let match = grammars.symbols.match(grammars.symbolGroup, in: bytes, at: 0),
                  match.range.upperBound == bytes.count
            else { return nil }
            return group(match, in: bytes)
        }
    }

    /// Tokens start after anything but a letter, digit, '/' or '.', so no symbol is found
    /// inside another ("COP/2006/4" inside "CTOC/COP/2006/4").
    static let boundary = ScanBoundary(ByteSet.wordCharacters.union(ByteSet(characters: "/.-")))

    func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [SymbolGroup] {
        grammars.symbols.scan(grammars.symbolGroup, in: bytes, range: range, boundary: Self.boundary)
            .compactMap { group($0, in: bytes) }
    }

    /// The symbols in `range` as references read them: where each printed group lies and the
    /// normalised symbols it stands for. Unlike `scan`, a group without collective forms
    /// ("A/60/1", most of them) is not taken apart into organ, parts and modifiers, which
    /// references do not read.
    func normalizedSymbols(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [(range: Range<Int>, symbols: [String])] {
        var found: [(range: Range<Int>, symbols: [String])] = []
        // Matches are read as they are found and not kept: the scan reuses one capture tree.
        grammars.symbols.scan(grammars.symbolGroup, in: bytes, range: range, boundary: Self.boundary) { match in
            guard let root = match.root, let symbolNode = root.first("symbol") else { return }
            if root.first("collective") == nil {
                found.append((match.range, [symbolNode.text(in: bytes)]))
            } else if let group = group(match, in: bytes) {
                found.append((group.range, group.symbols.map(\.normalized)))
            }
        }
        return found
    }

    private func group(_ match: Match, in bytes: UnsafeBufferPointer<UInt8>) -> SymbolGroup? {
        guard let root = match.root, let symbolNode = root.first("symbol") else { return nil }
        let base = symbol(symbolNode, in: bytes)
        var symbols = [base]
        for collective in root.all("collective") {
            guard let kind = collective.first("kind")?.text(in: bytes),
                  let from = collective.first("from").flatMap({ Int($0.text(in: bytes)) })
            else { continue }
            var numbers = [from]
            if let to = collective.first("to").flatMap({ Int($0.text(in: bytes)) }), to >= from,
               to - from < Self.maximumExpansion {
                numbers = Array(from...to)
            }
            numbers += collective.all("also").compactMap { Int($0.text(in: bytes)) }
            for number in numbers {
                symbols.append(base.adding(modifier: "\(kind).\(number)"))
            }
        }
        return SymbolGroup(printed: match.text(in: bytes), range: match.range, symbols: symbols)
    }

    private func symbol(_ node: Capture, in bytes: UnsafeBufferPointer<UInt8>) -> DocumentSymbol {
        let organ = node.first("organ")?.text(in: bytes) ?? ""
        var parts: [String] = []
        var modifiers: [String] = []
        for child in node.children {
            switch child.label {
            case "part": parts.append(child.text(in: bytes, trimming: { $0 == 0x20 }))
            case "modifier": modifiers.append(child.text(in: bytes))
            default: break
            }
        }
        let text = node.text(in: bytes)
        return DocumentSymbol(normalized: text, organ: organ, parts: parts, modifiers: modifiers)
    }
}

extension DocumentSymbol {
    /// This symbol with `modifier` ("Add.2") appended, replacing a final modifier of the
    /// same kind: "A/60/1/Add.1 and Add.2" means A/60/1/Add.2, not A/60/1/Add.1/Add.2.
    func adding(modifier: String) -> DocumentSymbol {
        var copy = self
        let kind = modifier.split(separator: ".").first.map(String.init) ?? modifier
        if let last = copy.modifiers.last, last.hasPrefix(kind + ".") {
            copy.modifiers.removeLast()
        }
        copy.modifiers.append(modifier)
        copy.normalized = ([organ] + parts + copy.modifiers).joined(separator: "/")
        return copy
    }
}
