import Foundation
import JSONSchemaValidation
import Testing

@Suite("$ref and $defs")
struct ReferenceTests {
    @Test func refToDefs() throws {
        let schemaJSON = #"""
            {"$defs": {"symbol": {"type": "string", "pattern": "/"}},
             "properties": {"symbol": {"$ref": "#/$defs/symbol"}}}
            """#
        #expect(try accepts(schemaJSON, #"{"symbol": "A/RES/1"}"#))
        let found = try errors(schemaJSON, #"{"symbol": "ARES"}"#)
        #expect(found.map(\.instancePath) == ["/symbol"])
        #expect(found.map(\.keyword) == ["pattern"])
    }

    @Test func refToDefinitions() throws {
        let schemaJSON = #"""
            {"definitions": {"n": {"type": "integer"}}, "items": {"$ref": "#/definitions/n"}}
            """#
        #expect(try accepts(schemaJSON, "[1, 2]"))
        #expect(try errors(schemaJSON, #"[1, "2"]"#).map(\.instancePath) == ["/1"])
    }

    @Test func nestedRefsChain() throws {
        let schemaJSON = #"""
            {"$ref": "#/$defs/document",
             "$defs": {
               "document": {"type": "object", "properties": {"paragraphs": {"$ref": "#/$defs/paragraphs"}}},
               "paragraphs": {"type": "array", "items": {"$ref": "#/$defs/paragraph"}},
               "paragraph": {"type": "object", "required": ["number"],
                             "properties": {"number": {"$ref": "#/$defs/number"}}},
               "number": {"type": "string"}
             }}
            """#
        #expect(try accepts(schemaJSON, #"{"paragraphs": [{"number": "1"}, {"number": "2"}]}"#))
        let found = try errors(
            schemaJSON, #"{"paragraphs": [{"number": "1"}, {}, {"number": 3}]}"#)
        #expect(
            found == [
                ValidationError(
                    instancePath: "/paragraphs/1", keyword: "required",
                    message: #"missing required property "number""#),
                ValidationError(
                    instancePath: "/paragraphs/2/number", keyword: "type",
                    message: "expected type string, got integer"),
            ])
        #expect(found.last?.description == "/paragraphs/2/number: expected type string, got integer (type)")
    }

    @Test func recursiveRefToRoot() throws {
        let tree = #"""
            {"type": "object", "required": ["name"],
             "properties": {"name": {"type": "string"},
                            "children": {"type": "array", "items": {"$ref": "#"}}}}
            """#
        #expect(try accepts(tree, #"{"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}"#))
        let found = try errors(tree, #"{"name": "a", "children": [{"name": "b", "children": [{}]}]}"#)
        #expect(found.map(\.instancePath) == ["/children/0/children/0"])
        #expect(found.map(\.keyword) == ["required"])
    }

    @Test func refSiblingsStillApply() throws {
        // In draft 2020-12 `$ref` no longer hides the keywords next to it.
        let schemaJSON = #"""
            {"$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s", "maxLength": 2}
            """#
        #expect(try accepts(schemaJSON, #""ab""#))
        #expect(try keywords(schemaJSON, #""abc""#) == ["maxLength"])
        #expect(try keywords(schemaJSON, "1") == ["type"])
    }

    @Test func refWithEscapedPointerTokens() throws {
        let schemaJSON = #"""
            {"$defs": {"a/b": {"type": "integer"}, "c~d": {"type": "string"}, "e f": {"type": "null"}},
             "prefixItems": [{"$ref": "#/$defs/a~1b"}, {"$ref": "#/$defs/c~0d"}, {"$ref": "#/$defs/e%20f"}]}
            """#
        #expect(try accepts(schemaJSON, #"[1, "x", null]"#))
        #expect(try errors(schemaJSON, #"["1", 2, 0]"#).map(\.instancePath) == ["/0", "/1", "/2"])
    }

    @Test func refByAnchorAndById() throws {
        let schemaJSON = #"""
            {"$id": "https://example.org/undoc.schema.json",
             "$defs": {"id": {"$anchor": "identifier", "type": "string"}},
             "properties": {"a": {"$ref": "#identifier"},
                            "b": {"$ref": "https://example.org/undoc.schema.json#/$defs/id"}}}
            """#
        #expect(try accepts(schemaJSON, #"{"a": "x", "b": "y"}"#))
        #expect(try errors(schemaJSON, #"{"a": 1, "b": 2}"#).map(\.instancePath) == ["/a", "/b"])
    }

    @Test func refCycleWithoutProgressTerminates() throws {
        let found = try errors(##"{"$ref": "#"}"##, "1")
        #expect(found.map(\.keyword) == ["$ref"])

        let mutual = #"""
            {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}},
             "properties": {"x": {"$ref": "#/$defs/a"}}}
            """#
        #expect(try errors(mutual, #"{"x": 1}"#).map(\.instancePath) == ["/x"])
        #expect(try accepts(mutual, #"{"y": 1}"#), "the cycle is only reached under /x")
    }

    @Test func sameRefAtDifferentLocationsIsNotACycle() throws {
        let schemaJSON = #"""
            {"$defs": {"pair": {"type": "object", "properties": {"l": {"$ref": "#/$defs/pair"}, "r": {"$ref": "#/$defs/pair"}}}},
             "allOf": [{"$ref": "#/$defs/pair"}, {"$ref": "#/$defs/pair"}]}
            """#
        #expect(try accepts(schemaJSON, #"{"l": {"r": {}}, "r": {"l": {}}}"#))
        #expect(try errors(schemaJSON, #"{"l": {"r": 5}}"#).map(\.instancePath) == ["/l/r", "/l/r"])
    }

    @Test func unresolvableRefsFailAtLoad() throws {
        #expect(throws: JSONSchemaError.self) { try schema(##"{"$ref": "#/$defs/missing"}"##) }
        #expect(throws: JSONSchemaError.self) { try schema(#"{"$ref": "other.json#/x"}"#) }
        #expect(throws: JSONSchemaError.self) { try schema(##"{"$ref": "#nowhere"}"##) }
        #expect(throws: JSONSchemaError.self) { try schema(#"{"items": {"$ref": 5}}"#) }
    }
}
