import Foundation
import Testing

@testable import JSONSchemaValidation

@Suite("JSON Pointer")
struct JSONPointerTests {
    @Test func escapesTildeBeforeSlash() {
        #expect(JSONPointer.escape("plain") == "plain")
        #expect(JSONPointer.escape("a/b") == "a~1b")
        #expect(JSONPointer.escape("c~d") == "c~0d")
        #expect(JSONPointer.escape("~/") == "~0~1")
        #expect(JSONPointer.escape("~1") == "~01")
    }

    @Test func unescapesSlashBeforeTilde() {
        #expect(JSONPointer.unescape("a~1b") == "a/b")
        #expect(JSONPointer.unescape("c~0d") == "c~d")
        #expect(JSONPointer.unescape("~01") == "~1", "must not turn into /")
    }

    @Test func roundTrips() {
        for token in ["", "a", "/", "~", "~0", "~1", "a/b~c", "é/😀"] {
            #expect(JSONPointer.unescape(JSONPointer.escape(token)) == token)
            #expect(JSONPointer.tokens(JSONPointer.pointer([token, "x"])) == [token, "x"])
        }
    }

    @Test func splitsPointers() {
        #expect(JSONPointer.tokens("") == [])
        #expect(JSONPointer.tokens("/") == [""])
        #expect(JSONPointer.tokens("/a~1b/0") == ["a/b", "0"])
        #expect(JSONPointer.tokens("a/b") == nil)
    }

    @Test func resolvesRFC6901Examples() throws {
        let document = try JSONValue.parse(
            Data(#"{"foo": ["bar", "baz"], "": 0, "a/b": 1, "m~n": 8, " ": 7}"#.utf8))
        #expect(JSONPointer.resolve("", in: document) == document)
        #expect(JSONPointer.resolve("/foo/0", in: document) == .string("bar"))
        #expect(JSONPointer.resolve("/", in: document) == .integer(0))
        #expect(JSONPointer.resolve("/a~1b", in: document) == .integer(1))
        #expect(JSONPointer.resolve("/m~0n", in: document) == .integer(8))
        #expect(JSONPointer.resolve("/ ", in: document) == .integer(7))
        #expect(JSONPointer.resolve("/foo/2", in: document) == nil)
        #expect(JSONPointer.resolve("/foo/01", in: document) == nil)
        #expect(JSONPointer.resolve("/foo/-1", in: document) == nil)
        #expect(JSONPointer.resolve("/missing", in: document) == nil)
    }
}
