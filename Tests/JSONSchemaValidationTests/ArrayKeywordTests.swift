import Foundation
import JSONSchemaValidation
import Testing

@Suite("array keywords")
struct ArrayKeywordTests {
    @Test func itemsAppliesToEveryItem() throws {
        let schemaJSON = #"{"type": "array", "items": {"type": "integer"}}"#
        #expect(try accepts(schemaJSON, "[]"))
        #expect(try accepts(schemaJSON, "[1, 2, 3]"))
        let found = try errors(schemaJSON, #"[1, "two", 3, null]"#)
        #expect(found.map(\.instancePath) == ["/1", "/3"])
        #expect(found.map(\.keyword) == ["type", "type"])
    }

    @Test func itemsIgnoresNonArrays() throws {
        #expect(try accepts(#"{"items": {"type": "integer"}}"#, #"{"0": "x"}"#))
    }

    @Test func prefixItemsThenItems() throws {
        let schemaJSON = #"""
            {"prefixItems": [{"type": "string"}, {"type": "integer"}],
             "items": {"type": "boolean"}}
            """#
        #expect(try accepts(schemaJSON, #"["a"]"#))
        #expect(try accepts(schemaJSON, #"["a", 1, true, false]"#))
        let found = try errors(schemaJSON, #"[1, "a", null]"#)
        #expect(found.map(\.instancePath) == ["/0", "/1", "/2"])
    }

    @Test func itemsFalseLimitsToPrefix() throws {
        let schemaJSON = #"{"prefixItems": [{}, {}], "items": false}"#
        #expect(try accepts(schemaJSON, "[1, 2]"))
        let found = try errors(schemaJSON, "[1, 2, 3, 4]")
        #expect(found.map(\.instancePath) == ["/2", "/3"])
        #expect(found.map(\.keyword) == ["items", "items"])
    }

    @Test func legacyArrayFormOfItems() throws {
        let schemaJSON = #"{"items": [{"type": "string"}], "additionalItems": {"type": "integer"}}"#
        #expect(try accepts(schemaJSON, #"["a", 1, 2]"#))
        #expect(try errors(schemaJSON, #"[1, "b"]"#).map(\.instancePath) == ["/0", "/1"])
    }

    @Test func minAndMaxItems() throws {
        let schemaJSON = #"{"minItems": 1, "maxItems": 2}"#
        #expect(try accepts(schemaJSON, "[1]"))
        #expect(try accepts(schemaJSON, "[1, 2]"))
        #expect(
            try errors(schemaJSON, "[]")
                == [
                    ValidationError(
                        instancePath: "", keyword: "minItems",
                        message: "expected at least 1 items, got 0")
                ])
        #expect(try keywords(schemaJSON, "[1, 2, 3]") == ["maxItems"])
    }

    @Test func uniqueItems() throws {
        let schemaJSON = #"{"uniqueItems": true}"#
        #expect(try accepts(schemaJSON, #"[1, "1", true, null, [1], {"a": 1}, {"a": 2}]"#))
        // true and 1 are different JSON values; 1 and 1.0 are the same number.
        #expect(try accepts(schemaJSON, "[1, true]"))
        #expect(try accepts(schemaJSON, "[0, false]"))
        let found = try errors(schemaJSON, #"[1, 2, 1.0, {"a": [1]}, {"a": [1]}]"#)
        #expect(found.map(\.instancePath) == ["/2", "/4"])
        #expect(found.map(\.keyword) == ["uniqueItems", "uniqueItems"])
        #expect(try accepts(#"{"uniqueItems": false}"#, "[1, 1]"))
    }

    @Test func containsWithMinAndMax() throws {
        #expect(try accepts(#"{"contains": {"type": "string"}}"#, #"[1, "a"]"#))
        #expect(try keywords(#"{"contains": {"type": "string"}}"#, "[1, 2]") == ["contains"])
        #expect(try keywords(#"{"contains": {"type": "string"}}"#, "[]") == ["contains"])
        let bounded = #"{"contains": {"const": 1}, "minContains": 2, "maxContains": 3}"#
        #expect(try accepts(bounded, "[1, 1, 2]"))
        #expect(try keywords(bounded, "[1, 2]") == ["minContains"])
        #expect(try keywords(bounded, "[1, 1, 1, 1]") == ["maxContains"])
    }
}
