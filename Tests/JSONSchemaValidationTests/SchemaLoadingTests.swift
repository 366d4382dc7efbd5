import Foundation
import JSONSchemaValidation
import Testing

@Suite("loading schemas")
struct SchemaLoadingTests {
    @Test func invalidSchemaJSONThrows() {
        #expect(throws: JSONSchemaError.self) { try schema(#"{"type": "string""#) }
        #expect(throws: JSONSchemaError.self) { try schema("") }
        #expect(throws: JSONSchemaError.self) { try schema("{'type': 'string'}") }
    }

    @Test func invalidInstanceJSONThrows() throws {
        let loaded = try schema("{}")
        #expect(throws: JSONSchemaError.self) { try loaded.validate(Data("[1,".utf8)) }
    }

    @Test func scalarInstancesAreAllowed() throws {
        #expect(try accepts(#"{"type": "string"}"#, #""top-level string""#))
        #expect(try accepts(#"{"type": "null"}"#, "null"))
    }

    @Test(
        "malformed keyword values are rejected",
        arguments: [
            #"{"type": "text"}"#, #"{"type": 3}"#, #"{"type": ["string", 1]}"#,
            #"{"required": "a"}"#, #"{"required": [1]}"#, #"{"minLength": -1}"#,
            #"{"maxItems": 1.5}"#, #"{"minimum": "0"}"#, #"{"exclusiveMinimum": true}"#,
            #"{"multipleOf": 0}"#, #"{"pattern": "("}"#, #"{"patternProperties": {"[": {}}}"#,
            #"{"enum": "a"}"#, #"{"anyOf": []}"#, #"{"allOf": {}}"#, #"{"properties": []}"#,
            #"{"items": 1}"#, #"{"not": "x"}"#, #"{"uniqueItems": 1}"#, "1", #""schema""#,
            #"{"$defs": {"a": 3}}"#,
        ])
    func rejectsMalformedKeyword(schemaJSON: String) {
        #expect(throws: JSONSchemaError.self) { try schema(schemaJSON) }
    }

    @Test func invalidSchemaErrorPointsAtTheKeyword() {
        #expect(throws: JSONSchemaError.invalidSchema(path: "/properties/a~1b/minLength",
                                                      message: "expected a non-negative integer, got \"2\"")) {
            try schema(#"{"properties": {"a/b": {"minLength": "2"}}}"#)
        }
    }

    @Test func annotationsAndUnknownKeywordsAreIgnored() throws {
        let schemaJSON = #"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "$id": "https://example.org/s.json", "title": "T", "description": "D",
             "$comment": "c", "examples": [1], "default": 0, "format": "date-time",
             "deprecated": true, "readOnly": true, "x-undoc-extension": {"type": "integer"},
             "type": "string"}
            """#
        #expect(try accepts(schemaJSON, #""not a date""#))
        #expect(try keywords(schemaJSON, "1") == ["type"])
    }

    @Test func loadsFromFile() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("JSONSchemaValidationTests-\(UUID().uuidString).json")
        try Data(#"{"type": "array", "maxItems": 1}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try JSONSchema(contentsOf: url)
        #expect(try loaded.validate(Data("[1]".utf8)).isEmpty)
        #expect(try loaded.validate(Data("[1, 2]".utf8)).map(\.keyword) == ["maxItems"])
    }

    @Test func missingFileThrows() {
        let url = URL(fileURLWithPath: "/nonexistent/JSONSchemaValidationTests/schema.json")
        #expect(throws: (any Error).self) { try JSONSchema(contentsOf: url) }
    }

    @Test func schemaIsSendableAcrossTasks() async throws {
        let loaded = try schema(#"{"items": {"type": "integer"}}"#)
        let counts = await withTaskGroup(of: Int.self) { group in
            for n in 0..<8 {
                group.addTask {
                    let instance = "[" + (0..<n).map { $0.isMultiple(of: 2) ? "1" : "\"x\"" }
                        .joined(separator: ",") + "]"
                    return (try? loaded.validate(Data(instance.utf8)).count) ?? -1
                }
            }
            var total: [Int] = []
            for await count in group { total.append(count) }
            return total.sorted()
        }
        #expect(counts == [0, 0, 1, 1, 2, 2, 3, 3])
    }
}
