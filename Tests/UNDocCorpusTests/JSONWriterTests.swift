import Foundation
import Testing
import UNDocIngest
import UNDocModel

/// JSONWriter writes exactly the bytes of Foundation's JSONEncoder with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (`DocumentJSON.encoder()`),
/// and fails where it fails.
@Suite("JSONWriter")
struct JSONWriterTests {
    // MARK: Scalars

    @Test("integers of every width, at the top level and in containers")
    func integers() throws {
        try expectSame(0)
        try expectSame(-1)
        try expectSame(Int.min)
        try expectSame(Int.max)
        try expectSame([Int8.min, 0, Int8.max])
        try expectSame([Int16.min, Int16.max])
        try expectSame([Int32.min, Int32.max])
        try expectSame([Int64.min, -9, 10, Int64.max])
        try expectSame([UInt.max, 0])
        try expectSame([UInt8.max])
        try expectSame([UInt16.max])
        try expectSame([UInt32.max])
        try expectSame(UInt64.max)
        try expectSame(["a": Int8(-5)])
        try expectSame(Scalars.sample)
        if #available(macOS 15.0, *) {
            try expectSame([Int128.min, Int128.max])
            try expectSame(UInt128.max)
        }
    }

    @Test("Bool and nil")
    func boolsAndNil() throws {
        try expectSame(true)
        try expectSame(false)
        try expectSame([true, false])
        try expectSame(Int?.none)
        try expectSame([1, nil, 3] as [Int?])
        try expectSame(["a": nil, "b": 1] as [String: Int?])
    }

    @Test("Double and Float as Foundation formats them", arguments: [
        0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1e-7, 2e-5, 1e-4, 0.001, 100, 1e15, 1e16, 1e21, 1e22, 123456789012345680,
        3.14159, .leastNonzeroMagnitude, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308,
        0.30000000000000004, 1234.5678, 9_007_199_254_740_992, 4.35, 1.0 / 3.0,
    ])
    func floatingPoint(_ value: Double) throws {
        try expectSame(value)
        try expectSame([value])
        try expectSame(["x": value])
        if Float(value).isFinite {
            try expectSame(Float(value))
            try expectSame([Float(value)])
            try expectSame(["x": Float(value)])
        } else {
            try expectSameFailure(Float(value))
        }
        try expectSame(Scalars.floats(value))
    }

    @Test("NaN and infinity throw what Foundation throws, with its coding path")
    func nonConformingFloats() throws {
        for value in [Double.nan, .infinity, -.infinity] {
            try expectSameFailure(value)
            try expectSameFailure([1, value])
            try expectSameFailure(["a": ["b": value]])
            try expectSameFailure(Float(value))
            try expectSameFailure([Float(value)])
            try expectSameFailure(Scalars.floats(value))
            try expectSameFailure(FloatPlaces(value: value))
        }
    }

    @Test("Date, Data, URL and Decimal use Foundation's default strategies")
    func foundationTypes() throws {
        try expectSame(Date(timeIntervalSinceReferenceDate: 12.5))
        try expectSame(["when": Date(timeIntervalSinceReferenceDate: -1e9), "now": Date(timeIntervalSinceReferenceDate: 0)])
        try expectSame(Data([1, 2, 3, 255]))
        try expectSame([Data(), Data("hello/world?".utf8)])
        try expectSame(URL(string: "https://example.org/a b?q=1&r=/x")!)
        try expectSame(["file": URL(fileURLWithPath: "/tmp/some file.txt")])
        try expectSame(Decimal(string: "12.50")!)
        try expectSame([Decimal(string: "-0.000123")!, Decimal(string: "1e30")!, Decimal(0)])
    }

    // MARK: Strings and keys

    @Test("strings: quotes, backslashes, every control character, DEL, slashes, Unicode")
    func strings() throws {
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        try expectSame(controls)
        try expectSame(Array(controls).map(String.init))
        for sample in Self.trickyStrings {
            try expectSame(sample)
            try expectSame([sample])
            try expectSame(["k": sample])
        }
        // Escapes at every offset of the eight-byte scan.
        for offset in 0..<20 {
            for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é", "😀", "\u{7F}"] {
                let text = String(repeating: "x", count: offset) + special + String(repeating: "y", count: 19 - offset)
                try expectSame(text)
            }
        }
    }

    @Test("keys sort by UTF-8 bytes: case, digits, punctuation, escapes, non-ASCII")
    func keyOrder() throws {
        var dictionary: [String: Int] = [:]
        for (index, key) in (Self.trickyKeys + Self.trickyStrings).enumerated() { dictionary[key] = index }
        try expectSame(dictionary)
        try expectSame(["L.9": 1, "L.10": 2, "L.1": 3, "l.2": 4, "L.09": 5])
        try expectSame(["B": 1, "a": 2, "A": 3, "b": 4, "_": 5, "Z": 6, "aB": 7, "ab": 8, "Ab": 9, "AB": 10])
        try expectSame(["9": 1, "10": 2, "a1": 3, "a01": 4, "a10": 5, "a2": 6, "": 7, " ": 8])
        // A key that needs an escape sorts by its raw bytes ("\u{1}" before " ", "\"" before "#").
        try expectSame(["\u{1}": 1, " ": 2, "\"": 3, "#": 4, "\\": 5, "]": 6, "\n": 7, "\t": 8])
    }

    @Test("a key set twice keeps its last value; keys equal as Swift strings are one")
    func duplicateKeys() throws {
        try expectSame(Duplicates())
        try expectSame(Duplicates(ascii: true))
    }

    // MARK: Containers

    @Test("empty and nested empty containers")
    func emptyContainers() throws {
        try expectSame([Int]())
        try expectSame([String: Int]())
        try expectSame([[Int]]())
        try expectSame([[Int]()])
        try expectSame([[String: Int]()])
        try expectSame([[[Int]()]])
        try expectSame(["a": [Int](), "b": []])
        try expectSame(["a": [String: [Int]](), "b": ["c": []]])
        try expectSame([EmptyEncodable(), EmptyEncodable()])
        try expectSame(["nothing": EmptyEncodable()])
        try expectSame(Nested(level: 4))
    }

    @Test("a top-level value that encodes nothing throws as in Foundation")
    func emptyTopLevel() throws {
        try expectSameFailure(EmptyEncodable())
    }

    @Test("containers nested 511 deep are written, 512 deep throw")
    func depthLimit() throws {
        try expectSame(Deep(depth: 510))
        try expectSameFailure(Deep(depth: 511))
        try expectSameFailure(Deep(depth: 600))
    }

    @Test("optionals: encodeIfPresent skips nil, encodeNil writes null")
    func optionals() throws {
        try expectSame(Optionals(name: nil, count: nil, tags: nil, child: nil))
        try expectSame(Optionals(name: "n", count: 0, tags: [], child: Optionals(name: nil, count: 3, tags: ["x"], child: nil)))
        try expectSame([Optionals(name: nil, count: nil, tags: nil, child: nil)])
        try expectSame(ExplicitNils())
    }

    @Test("dictionaries with String, Int, enum and other keys")
    func dictionaries() throws {
        try expectSame(["x": ["y": ["z": [1, 2]]]])
        try expectSame([1: "a", 10: "b", 2: "c", -1: "d"])
        try expectSame([Color.red: 1, .green: 2, .blue: 3])
        try expectSame([true: 1, false: 0])
        try expectSame([[1]: "a"] as [[Int]: String])
        var large: [String: Int] = [:]
        for index in 0..<500 { large["key \(index % 7 == 0 ? "A" : "a")\(index)"] = index }
        try expectSame(large)
    }

    @Test("custom encode(to:): nested keyed and unkeyed containers, reused containers, super encoders")
    func customEncoders() throws {
        try expectSame(Custom())
        try expectSame([Custom(), Custom()])
        try expectSame(Sub(y: "why"))
        try expectSame(["sub": Sub(y: "z")])
        try expectSame(MergedSuper())
        try expectSame(UnkeyedSuper())
        try expectSame(SingleThenKeyed())
        try expectSame(SingleThenUnkeyed())
        try expectSame(Conditional())
        try expectSame(EnumWithPayloads.all)
        try expectSame(Wrapper(inner: Wrapper(inner: "deep")))
    }

    @Test("coding paths seen by encoders and containers are Foundation's")
    func codingPaths() throws {
        let foundation = PathRecorder()
        _ = try DocumentJSON.encoder().encode(PathProbe(recorder: foundation, depth: 0))
        let writer = PathRecorder()
        _ = try JSONWriter.encode(PathProbe(recorder: writer, depth: 0))
        #expect(!foundation.paths.isEmpty)
        #expect(writer.paths == foundation.paths)
    }

    @Test("the trailing newline of DocumentJSON.encode")
    func trailingNewline() throws {
        let value = ["a": [1, 2], "b": []]
        var expected = try DocumentJSON.encoder().encode(value)
        expected.append(0x0A)
        #expect(try DocumentJSON.encode(value) == expected)
        #expect(try JSONWriter.encode(value, newline: true) == expected)
    }

    // MARK: The model

    @Test("every corpus document", arguments: Repo.corpusFiles)
    func corpusDocuments(_ file: String) throws {
        try expectSame(try CorpusParser.parse(file))
    }

    @Test("a document with every field set, and a library catalogue")
    func modelTypes() throws {
        try expectSame(SchemaTests.fullyPopulated())
        try expectSame(try CatalogLoader.load([Repo.root.appendingPathComponent("Corpus/catalog/undl-sample.xml").path]))
        try expectSame(Catalog())
    }

    // MARK: Random values

    @Test("random nested values (seeded)", arguments: 0..<8)
    func randomValues(_ seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed + 1) &* 0xD1B5_4A32_D192_ED03)
        for round in 0..<50 {
            let value = RandomJSON.make(&generator, depth: 0)
            let expected = try DocumentJSON.encoder().encode(value)
            let actual = try JSONWriter.encode(value)
            #expect(actual == expected, "seed \(seed) round \(round):\n\(String(decoding: expected, as: UTF8.self))\n---\n\(String(decoding: actual, as: UTF8.self))")
            if actual != expected { return }
        }
    }

    // MARK: Support

    func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try DocumentJSON.encoder().encode(value)
        let actual = try JSONWriter.encode(value)
        #expect(actual == expected,
                "\(String(decoding: expected, as: UTF8.self))\n--- JSONWriter wrote ---\n\(String(decoding: actual, as: UTF8.self))",
                sourceLocation: sourceLocation)
    }

    /// Both throw an EncodingError.invalidValue with the same message and coding path.
    func expectSameFailure<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = Self.failure { try DocumentJSON.encoder().encode(value) }
        let actual = Self.failure { try JSONWriter.encode(value) }
        #expect(expected != nil, "Foundation did not throw", sourceLocation: sourceLocation)
        #expect(actual == expected, sourceLocation: sourceLocation)
    }

    static func failure(_ encode: () throws -> Data) -> String? {
        do {
            _ = try encode()
            return nil
        } catch let EncodingError.invalidValue(_, context) {
            return "invalidValue at \(PathRecorder.render(context.codingPath)): \(context.debugDescription)"
        } catch {
            return "other error: \(error)"
        }
    }

    static let trickyStrings: [String] = [
        "", " ", "plain", "a/b/c", "CTOC/COP/2006/L.4", "quote \" inside", "back\\slash", "\\\"", "tab\there",
        "line\nbreak", "cr\rlf\r\n", "\u{8}\u{C}", "\u{0}", "\u{7F}", "\u{80}", "é", "e\u{301}", "Å", "\u{212B}",
        "\u{212A}", "ﬁ", "😀", "👩‍👩‍👧", "🇺🇳", "日本語", "עברית", "\u{FEFF}bom", "\u{2028}\u{2029}", "\u{FFFD}",
        "ends with backslash \\", String(repeating: "long text without escapes ", count: 40),
        String(repeating: "a\"b\\c\nd", count: 30),
    ]

    static let trickyKeys: [String] = [
        "a", "A", "b", "B", "z", "Z", "_", "-", "~", "0", "1", "9", "10", "01", "a1", "a01", "a10", "a2", "L.9",
        "L.10", "id", "ID", "Id", "iD", "kind", "Kind", "ä", "Ä", "é", "ß", "SS", "ss",
    ]
}

// MARK: - Fixtures

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

private struct Scalars: Encodable {
    var int = -42, int8: Int8 = -8, int16: Int16 = 16, int32: Int32 = -32, int64: Int64 = 64
    var uint: UInt = 1, uint8: UInt8 = 8, uint16: UInt16 = 16, uint32: UInt32 = 32, uint64 = UInt64.max
    var bool = true, string = "s", double = 2.5, float: Float = 0.25
    static let sample = Scalars()

    static func floats(_ value: Double) -> [String: [Double]] { ["d": [value, -value]] }
}

/// Floats through every container kind and method.
private struct FloatPlaces: Encodable {
    let value: Double
    func encode(to encoder: any Encoder) throws {
        var keyed = encoder.container(keyedBy: AnyKey.self)
        try keyed.encode(1, forKey: AnyKey("ok"))
        var nested = keyed.nestedUnkeyedContainer(forKey: AnyKey("list"))
        try nested.encode("x")
        var inner = nested.nestedContainer(keyedBy: AnyKey.self)
        try inner.encode(value, forKey: AnyKey("bad"))
    }
}

private struct EmptyEncodable: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

private struct Nested: Encodable {
    let level: Int
    func encode(to encoder: any Encoder) throws {
        var keyed = encoder.container(keyedBy: AnyKey.self)
        try keyed.encode([Int](), forKey: AnyKey("empty"))
        try keyed.encode([String: String](), forKey: AnyKey("none"))
        _ = keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("nestedKeyed"))
        _ = keyed.nestedUnkeyedContainer(forKey: AnyKey("nestedUnkeyed"))
        if level > 0 {
            try keyed.encode(Nested(level: level - 1), forKey: AnyKey("child"))
            var list = keyed.nestedUnkeyedContainer(forKey: AnyKey("list"))
            _ = list.nestedUnkeyedContainer()
            _ = list.nestedContainer(keyedBy: AnyKey.self)
            try list.encode(Nested(level: level - 1))
        }
    }
}

private struct Deep: Encodable {
    let depth: Int
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        if depth > 0 { try container.encode(Deep(depth: depth - 1)) }
    }
}

private struct Optionals: Encodable {
    var name: String?
    var count: Int?
    var tags: [String]?
    var child: Box?

    init(name: String?, count: Int?, tags: [String]?, child: Optionals?) {
        self.name = name
        self.count = count
        self.tags = tags
        self.child = child.map(Box.init)
    }

    final class Box: Encodable {
        let value: Optionals
        init(_ value: Optionals) { self.value = value }
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    }
}

private struct ExplicitNils: Encodable {
    func encode(to encoder: any Encoder) throws {
        var keyed = encoder.container(keyedBy: AnyKey.self)
        try keyed.encodeNil(forKey: AnyKey("null"))
        try keyed.encodeIfPresent(nil as String?, forKey: AnyKey("skipped"))
        try keyed.encodeIfPresent("here" as String?, forKey: AnyKey("present"))
        try keyed.encodeIfPresent(nil as [Int]?, forKey: AnyKey("skippedList"))
        try keyed.encode(nil as Int?, forKey: AnyKey("nullViaEncode"))
        var list = keyed.nestedUnkeyedContainer(forKey: AnyKey("list"))
        try list.encodeNil()
        try list.encode(nil as Double?)
        try list.encode(Optional(Optional<Int>.none))
    }
}

private enum Color: String, Encodable, CodingKeyRepresentable {
    case red, green, blue
}

/// Keys set twice, some of them equal only as Swift strings.
private struct Duplicates: Encodable {
    /// Only ASCII keys (no key needs Swift's string comparison).
    var ascii = false

    func encode(to encoder: any Encoder) throws {
        var keyed = encoder.container(keyedBy: AnyKey.self)
        try keyed.encode(1, forKey: AnyKey("x"))
        try keyed.encode("second", forKey: AnyKey("x"))
        try keyed.encode(0, forKey: AnyKey("a"))
        try keyed.encode(true, forKey: AnyKey("x"))
        try keyed.encode([3], forKey: AnyKey("x"))
        try keyed.encode("last", forKey: AnyKey("x"))
        try keyed.encode(["y": 1], forKey: AnyKey("a"))
        // A super encoder's value is stored when it goes away, replacing what the key held.
        try keyed.encode("before super", forKey: AnyKey("s"))
        do {
            var single = keyed.superEncoder(forKey: AnyKey("s")).singleValueContainer()
            try single.encode("from super")
        }
        do {
            var single = keyed.superEncoder(forKey: AnyKey("t")).singleValueContainer()
            try single.encode("replaced")
        }
        try keyed.encode("after super", forKey: AnyKey("t"))
        do {
            let sup = keyed.superEncoder(forKey: AnyKey("u"))
            try keyed.encode("set before the super encoder's value", forKey: AnyKey("u"))
            var single = sup.singleValueContainer()
            try single.encode("super wins")
        }
        if ascii {
            try keyed.encode("one", forKey: AnyKey("b"))
            var object = keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("c"))
            try object.encode(1, forKey: AnyKey("a"))
            try keyed.encode("c replaced", forKey: AnyKey("c"))
            try keyed.encode("two", forKey: AnyKey("b"))
            return
        }
        // A nested container asked for by an equal (canonically equivalent) key is the same.
        var first = keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("\u{F6}"))
        try first.encode(1, forKey: AnyKey("a"))
        var second = keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("o\u{308}"))
        try second.encode(2, forKey: AnyKey("b"))
        try keyed.encode(1, forKey: AnyKey("é"))
        try keyed.encode(2, forKey: AnyKey("e\u{301}"))
        try keyed.encode(3, forKey: AnyKey("\u{212A}"))
        try keyed.encode(4, forKey: AnyKey("K"))
        try keyed.encode([1, 2], forKey: AnyKey("list"))
        try keyed.encode(["replaced": true], forKey: AnyKey("list"))
        var object = keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("object"))
        try object.encode(1, forKey: AnyKey("a"))
        try keyed.encode("object replaced", forKey: AnyKey("object"))
        try keyed.encode(false, forKey: AnyKey("é2"))
        try keyed.encode(true, forKey: AnyKey("e\u{301}2"))
    }
}

private struct Custom: Encodable {
    func encode(to encoder: any Encoder) throws {
        var keyed = encoder.container(keyedBy: AnyKey.self)
        try keyed.encode("v", forKey: AnyKey("b"))
        var first = keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("n"))
        try first.encode(1, forKey: AnyKey("a"))
        // Asking again for the same key gives the same object; both can be written to.
        var second = keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("n"))
        try second.encode(2, forKey: AnyKey("b"))
        try first.encode(3, forKey: AnyKey("c"))
        var list = keyed.nestedUnkeyedContainer(forKey: AnyKey("list"))
        try list.encode(1)
        var again = keyed.nestedUnkeyedContainer(forKey: AnyKey("list"))
        try again.encode(2)
        try list.encode(3)
        var inner = list.nestedUnkeyedContainer()
        try inner.encode("deep")
        var innerObject = list.nestedContainer(keyedBy: AnyKey.self)
        try innerObject.encode(true, forKey: AnyKey("t"))
        try list.encode(contentsOf: [4, 5])
        // An object encoded as a value, then opened again as a nested container.
        try keyed.encode(["k": 1], forKey: AnyKey("merged"))
        var merged = keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("merged"))
        try merged.encode(2, forKey: AnyKey("l"))
        // The same encoder asked twice for its keyed container.
        var same = encoder.container(keyedBy: AnyKey.self)
        try same.encode("from the second container", forKey: AnyKey("a"))
        let sup = keyed.superEncoder(forKey: AnyKey("parent"))
        var supContainer = sup.container(keyedBy: AnyKey.self)
        try supContainer.encode(1, forKey: AnyKey("p"))
        let plain = keyed.superEncoder()
        var single = plain.singleValueContainer()
        try single.encode("super value")
        _ = keyed.superEncoder(forKey: AnyKey("emptySuper"))
    }
}

private class Base: Encodable {
    var x = 1
    enum CodingKeys: String, CodingKey { case x, list }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(x, forKey: .x)
        try container.encode(["b", "a"], forKey: .list)
    }
}

private final class Sub: Base {
    let y: String
    init(y: String) { self.y = y }
    enum SubKeys: String, CodingKey { case y, z }
    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SubKeys.self)
        try container.encode(y, forKey: .y)
        try super.encode(to: container.superEncoder())
        try super.encode(to: container.superEncoder(forKey: .z))
    }
}

/// `super.encode(to: encoder)`: the superclass writes into the same object.
private final class MergedSuper: Base {
    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode("sub", forKey: AnyKey("sub"))
        try super.encode(to: encoder)
    }
}

private struct UnkeyedSuper: Encodable {
    func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        try list.encode(1)
        let sup = list.superEncoder()
        try list.encode(2)
        try list.encode(3)
        var single = sup.singleValueContainer()
        try single.encode("inserted at index 1")
        let empty = list.superEncoder()
        _ = empty.codingPath
        try list.encode(4)
    }
}

private struct SingleThenKeyed: Encodable {
    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(["a": 1])
        var keyed = encoder.container(keyedBy: AnyKey.self)
        try keyed.encode(2, forKey: AnyKey("b"))
    }
}

private struct SingleThenUnkeyed: Encodable {
    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(Deep(depth: 2))
        var list = encoder.unkeyedContainer()
        try list.encode("appended")
    }
}

private final class Shared: Encodable {
    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode("shared")
    }
}

private struct Conditional: Encodable {
    let shared = Shared()
    func encode(to encoder: any Encoder) throws {
        var keyed = encoder.container(keyedBy: AnyKey.self)
        try keyed.encodeConditional(shared, forKey: AnyKey("a"))
        var list = keyed.nestedUnkeyedContainer(forKey: AnyKey("l"))
        try list.encodeConditional(shared)
    }
}

private indirect enum EnumWithPayloads: Encodable {
    case none
    case one(Int)
    case labelled(name: String, values: [Double])
    case nested(EnumWithPayloads?)

    static let all: [EnumWithPayloads] = [.none, .one(1), .labelled(name: "n", values: [0.5, 2]), .nested(.one(2)), .nested(nil)]
}

private struct Wrapper<T: Encodable>: Encodable {
    let inner: T
    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(inner)
    }
}

// MARK: - Coding paths

private final class PathRecorder: @unchecked Sendable {
    var paths: [String] = []

    func record(_ label: String, _ path: [any CodingKey]) {
        paths.append("\(label): \(Self.render(path))")
    }

    static func render(_ path: [any CodingKey]) -> String {
        path.map { key in key.intValue.map { "\(key.stringValue)#\($0)" } ?? key.stringValue }.joined(separator: "/")
    }
}

private struct PathProbe: Encodable {
    let recorder: PathRecorder
    let depth: Int

    func encode(to encoder: any Encoder) throws {
        recorder.record("encoder \(depth)", encoder.codingPath)
        guard depth < 2 else {
            var single = encoder.singleValueContainer()
            recorder.record("single \(depth)", single.codingPath)
            try single.encode(depth)
            return
        }
        var keyed = encoder.container(keyedBy: AnyKey.self)
        recorder.record("keyed \(depth)", keyed.codingPath)
        try keyed.encode(PathProbe(recorder: recorder, depth: depth + 1), forKey: AnyKey("child"))
        var nested = keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("nested"))
        recorder.record("nested \(depth)", nested.codingPath)
        try nested.encode(PathProbe(recorder: recorder, depth: depth + 1), forKey: AnyKey("inNested"))
        var list = nested.nestedUnkeyedContainer(forKey: AnyKey("list"))
        recorder.record("list \(depth)", list.codingPath)
        try list.encode("x")
        try list.encode(PathProbe(recorder: recorder, depth: depth + 1))
        var listObject = list.nestedContainer(keyedBy: AnyKey.self)
        recorder.record("listObject \(depth)", listObject.codingPath)
        try listObject.encode(PathProbe(recorder: recorder, depth: depth + 1), forKey: AnyKey("deep"))
        let sup = keyed.superEncoder()
        recorder.record("super \(depth)", sup.codingPath)
        try PathProbe(recorder: recorder, depth: depth + 1).encode(to: sup)
        let listSuper = list.superEncoder()
        recorder.record("listSuper \(depth)", listSuper.codingPath)
        try PathProbe(recorder: recorder, depth: 2).encode(to: listSuper)
    }
}

// MARK: - Random values

/// SplitMix64: the same values for a seed on every run and platform.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random JSON value, and how to encode its containers: by `encode(_:forKey:)`, or by
/// opening nested containers (`nested`), with scalars through the typed methods.
private indirect enum RandomJSON: Encodable {
    case null
    case bool(Bool)
    case int(Int)
    case int8(Int8)
    case uint64(UInt64)
    case double(Double)
    case float(Float)
    case string(String)
    case optional(String?)
    case array([RandomJSON], nested: Bool)
    case object([(String, RandomJSON)], nested: Bool)

    static let keyPieces = [
        "a", "A", "b", "B", "_", "0", "1", "9", "10", "L.9", "L.10", "é", "e\u{301}", "\"", "\\", "/", "\u{1}",
        "\n", "😀", " ", "id", "ID", "kind", "", "ä", "Z", "\u{212A}", "K",
    ]

    static let stringPieces = keyPieces + [
        "\t", "\r", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}", "text ", "longer plain text run ", "日本", "👩‍👩‍👧",
        "CTOC/COP/2006/L.4", "\u{0}",
    ]

    static let doubles: [Double] = [0, -0.0, 1, -1, 0.1, 1e-7, 1e16, 1e300, .leastNonzeroMagnitude, 123.456, 100, 0.5]

    static func make<G: RandomNumberGenerator>(_ generator: inout G, depth: Int) -> RandomJSON {
        let containers = depth < 5
        switch Int.random(in: 0..<(containers ? 14 : 9), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0..<64, using: &generator))
        case 3: return .int8(Int8.random(in: .min ... .max, using: &generator))
        case 4: return .uint64(UInt64.random(in: 0 ... .max, using: &generator))
        case 5:
            if Bool.random(using: &generator) { return .double(doubles.randomElement(using: &generator)!) }
            var value = Double(bitPattern: generator.next())
            while !value.isFinite { value = Double(bitPattern: generator.next()) }
            return .double(value)
        case 6:
            var value = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
            while !value.isFinite { value = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next())) }
            return .float(value)
        case 7: return .string(string(&generator, from: stringPieces, upTo: 6))
        case 8: return .optional(Bool.random(using: &generator) ? nil : string(&generator, from: stringPieces, upTo: 3))
        case 9, 10:
            let count = Int.random(in: 0...5, using: &generator)
            return .array((0..<count).map { _ in make(&generator, depth: depth + 1) }, nested: Bool.random(using: &generator))
        default:
            let nested = Bool.random(using: &generator)
            var entries: [(String, RandomJSON)] = []
            for _ in 0..<Int.random(in: 0...7, using: &generator) {
                let key = string(&generator, from: keyPieces, upTo: 3)
                // Foundation traps on a nested container for a key that holds another kind
                // of value: nested objects get keys unique as Swift strings.
                if nested, entries.contains(where: { $0.0 == key }) { continue }
                entries.append((key, make(&generator, depth: depth + 1)))
            }
            return .object(entries, nested: nested)
        }
    }

    static func string<G: RandomNumberGenerator>(_ generator: inout G, from pieces: [String], upTo count: Int) -> String {
        (0..<Int.random(in: 0...count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .array(let elements, let nested):
            var container = encoder.unkeyedContainer()
            try Self.fill(&container, elements, nested: nested)
        case .object(let entries, let nested):
            var container = encoder.container(keyedBy: AnyKey.self)
            try Self.fill(&container, entries, nested: nested)
        default:
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .int8(let value): try container.encode(value)
            case .uint64(let value): try container.encode(value)
            case .double(let value): try container.encode(value)
            case .float(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .optional(let value): try container.encode(value)
            case .array, .object: break
            }
        }
    }

    static func fill(_ container: inout any UnkeyedEncodingContainer, _ elements: [RandomJSON], nested: Bool) throws {
        for element in elements {
            switch element {
            case .array(let children, let childNested) where nested:
                var inner = container.nestedUnkeyedContainer()
                try fill(&inner, children, nested: childNested)
            case .object(let entries, let childNested) where nested:
                var inner = container.nestedContainer(keyedBy: AnyKey.self)
                try fill(&inner, entries, nested: childNested)
            case .null where nested: try container.encodeNil()
            case .int(let value) where nested: try container.encode(value)
            case .double(let value) where nested: try container.encode(value)
            case .string(let value) where nested: try container.encode(value)
            default: try container.encode(element)
            }
        }
    }

    static func fill(_ container: inout KeyedEncodingContainer<AnyKey>, _ entries: [(String, RandomJSON)], nested: Bool) throws {
        for (name, value) in entries {
            let key = AnyKey(name)
            switch value {
            case .array(let children, let childNested) where nested:
                var inner = container.nestedUnkeyedContainer(forKey: key)
                try fill(&inner, children, nested: childNested)
            case .object(let children, let childNested) where nested:
                var inner = container.nestedContainer(keyedBy: AnyKey.self, forKey: key)
                try fill(&inner, children, nested: childNested)
            case .null where nested: try container.encodeNil(forKey: key)
            case .bool(let flag) where nested: try container.encode(flag, forKey: key)
            case .int(let number) where nested: try container.encode(number, forKey: key)
            case .float(let number) where nested: try container.encode(number, forKey: key)
            case .string(let text) where nested: try container.encode(text, forKey: key)
            case .optional(let text) where nested: try container.encodeIfPresent(text, forKey: key)
            default: try container.encode(value, forKey: key)
            }
        }
    }
}
