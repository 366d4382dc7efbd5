import Foundation
import JSONSchemaValidation
import Testing

@Suite("type, enum and const")
struct TypeKeywordTests {
    @Test(
        "each type accepts its own values",
        arguments: [
            ("null", "null"), ("boolean", "true"), ("boolean", "false"), ("object", "{}"),
            ("array", "[]"), ("number", "1.5"), ("number", "3"), ("integer", "3"),
            ("integer", "-7"), ("integer", "2.0"), ("string", "\"x\""),
        ])
    func acceptsMatchingType(type: String, instance: String) throws {
        #expect(try accepts(#"{"type":"\#(type)"}"#, instance))
    }

    @Test(
        "each type rejects other values, naming what it got",
        arguments: [
            ("null", "0", "integer"), ("boolean", "1", "integer"), ("boolean", "0", "integer"),
            ("object", "[]", "array"), ("array", "{}", "object"), ("number", "\"1\"", "string"),
            ("integer", "1.5", "number"), ("integer", "true", "boolean"),
            ("number", "false", "boolean"), ("string", "null", "null"),
        ])
    func rejectsOtherType(type: String, instance: String, got: String) throws {
        let found = try errors(#"{"type":"\#(type)"}"#, instance)
        #expect(
            found == [
                ValidationError(
                    instancePath: "", keyword: "type",
                    message: "expected type \(type), got \(got)")
            ])
    }

    @Test func typeArrayAcceptsAnyListedType() throws {
        let schemaJSON = #"{"type":["string","null"]}"#
        #expect(try accepts(schemaJSON, "\"a\""))
        #expect(try accepts(schemaJSON, "null"))
        let found = try errors(schemaJSON, "3")
        #expect(found.map(\.message) == ["expected type string or null, got integer"])
    }

    @Test func booleansAreNeverNumbers() throws {
        // JSONSerialization returns both as NSNumber; `true` must not pass as 1.
        #expect(try keywords(#"{"type":"integer"}"#, "true") == ["type"])
        #expect(try keywords(#"{"type":"number"}"#, "false") == ["type"])
        #expect(try keywords(#"{"type":"boolean"}"#, "1") == ["type"])
        #expect(try keywords(#"{"type":"boolean"}"#, "0") == ["type"])
        #expect(try keywords(#"{"const":1}"#, "true") == ["const"])
        #expect(try keywords(#"{"const":true}"#, "1") == ["const"])
        #expect(try keywords(#"{"const":false}"#, "0") == ["const"])
        #expect(try keywords(#"{"enum":[0,1]}"#, "false") == ["enum"])
        #expect(try keywords(#"{"enum":[true]}"#, "1") == ["enum"])
        #expect(try accepts(#"{"enum":[true]}"#, "true"))
        #expect(try accepts(#"{"const":0}"#, "0"))
    }

    @Test func enumComparesJSONValues() throws {
        let schemaJSON = #"{"enum":["a", 2, null, [1, {"k": "v"}], {"x": 1}]}"#
        for valid in [#""a""#, "2", "2.0", "null", #"[1, {"k": "v"}]"#, #"{"x": 1.0}"#] {
            #expect(try accepts(schemaJSON, valid), "\(valid)")
        }
        for invalid in [#""b""#, "3", "false", #"[{"k": "v"}, 1]"#, #"{"x": 1, "y": 2}"#, "{}"] {
            #expect(try keywords(schemaJSON, invalid) == ["enum"], "\(invalid)")
        }
        let found = try errors(#"{"enum":["a","b"]}"#, #""c""#)
        #expect(found.map(\.message) == [#"expected one of ["a", "b"], got "c""#])
    }

    @Test func constComparesJSONValues() throws {
        #expect(try accepts(#"{"const":{"a":[1,2]}}"#, #"{"a":[1,2]}"#))
        #expect(try accepts(#"{"const":null}"#, "null"))
        #expect(try keywords(#"{"const":null}"#, "0") == ["const"])
        #expect(try keywords(#"{"const":{"a":[1,2]}}"#, #"{"a":[2,1]}"#) == ["const"])
        let found = try errors(#"{"const":"x"}"#, #""y""#)
        #expect(found.map(\.message) == [#"expected "x", got "y""#])
    }

    @Test func booleanSchemas() throws {
        #expect(try accepts("true", #"{"anything": [1, 2]}"#))
        #expect(try accepts("{}", "null"))
        let found = try errors("false", "1")
        #expect(found.count == 1)
        #expect(found.first?.keyword == "false")
    }
}
