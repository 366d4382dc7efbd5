import Foundation
import JSONSchemaValidation
import Testing

@Suite("error reporting")
struct ErrorReportingTests {
    @Test func descriptionFormat() {
        let error = ValidationError(
            instancePath: "/paragraphs/3/number", keyword: "type",
            message: "expected type string, got integer")
        #expect(error.description == "/paragraphs/3/number: expected type string, got integer (type)")
        let root = ValidationError(instancePath: "", keyword: "type", message: "m")
        #expect(root.description == "(root): m (type)")
    }

    @Test func pathsEscapeTildeAndSlash() throws {
        let schemaJSON = #"{"additionalProperties": {"type": "string"}}"#
        let found = try errors(schemaJSON, #"{"a/b": 1, "c~d": 2, "~1": 3, "": 4, "e f": 5}"#)
        #expect(found.map(\.instancePath).sorted() == ["/", "/a~1b", "/c~0d", "/e f", "/~01"])
    }

    @Test func deepPathsThroughObjectsAndArrays() throws {
        let schemaJSON = #"""
            {"properties": {"sections": {"items": {"properties": {"paragraphs": {"items": {"properties": {"number": {"type": "string"}}}}}}}}}
            """#
        let found = try errors(
            schemaJSON,
            #"{"sections": [{"paragraphs": []}, {"paragraphs": [{"number": "1"}, {"number": 2}]}]}"#)
        #expect(found.map(\.instancePath) == ["/sections/1/paragraphs/1/number"])
    }

    @Test func reportsAllErrorsNotJustTheFirst() throws {
        let schemaJSON = #"""
            {"type": "object", "required": ["id", "kind"], "additionalProperties": false,
             "properties": {"title": {"type": "string", "minLength": 5, "pattern": "^[A-Z]"},
                            "items": {"type": "array", "items": {"type": "integer"}}}}
            """#
        let found = try errors(schemaJSON, #"{"title": "abc", "items": [1, "x", 2.5], "zzz": 0}"#)
        #expect(
            found.map(\.description) == [
                #"(root): missing required property "id" (required)"#,
                #"(root): missing required property "kind" (required)"#,
                "/items/1: expected type integer, got string (type)",
                "/items/2: expected type integer, got number (type)",
                "/title: expected at least 5 characters, got 3 (minLength)",
                #"/title: "abc" does not match pattern ^[A-Z] (pattern)"#,
                #"/zzz: property "zzz" is not allowed (additionalProperties is false) (additionalProperties)"#,
            ])
    }

    @Test func sameErrorsEveryRun() throws {
        let loaded = try schema(#"{"additionalProperties": {"type": "string"}}"#)
        let instance = Data(#"{"d": 1, "b": 2, "a": 3, "c": 4}"#.utf8)
        let first = try loaded.validate(instance)
        #expect(first.map(\.instancePath) == ["/a", "/b", "/c", "/d"])
        #expect(try loaded.validate(instance) == first)
    }

    @Test func isValid() throws {
        let loaded = try schema(#"{"type": "string"}"#)
        #expect(try loaded.isValid(Data(#""x""#.utf8)))
        #expect(try !loaded.isValid(Data("1".utf8)))
    }
}
