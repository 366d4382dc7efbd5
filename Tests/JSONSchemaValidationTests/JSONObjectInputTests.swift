import Foundation
import JSONSchemaValidation
import Testing

@Suite("validate(jsonObject:)")
struct JSONObjectInputTests {
    let typed = #"""
        {"properties": {"flag": {"type": "boolean"}, "count": {"type": "integer"},
                        "ratio": {"type": "number"}, "name": {"type": "string"},
                        "none": {"type": "null"}, "list": {"type": "array"}}}
        """#

    @Test func acceptsJSONSerializationOutput() throws {
        let data = Data(
            #"{"flag": true, "count": 3, "ratio": 0.5, "name": "n", "none": null, "list": [1]}"#.utf8)
        let object = try JSONSerialization.jsonObject(with: data)
        #expect(try schema(typed).validate(jsonObject: object).isEmpty)
    }

    @Test func jsonSerializationBooleansAreNotIntegers() throws {
        let data = Data(#"{"flag": 1, "count": true, "ratio": false}"#.utf8)
        let object = try JSONSerialization.jsonObject(with: data)
        let found = try schema(typed).validate(jsonObject: object)
        #expect(
            found.map(\.description) == [
                "/count: expected type integer, got boolean (type)",
                "/flag: expected type boolean, got integer (type)",
                "/ratio: expected type number, got boolean (type)",
            ])
    }

    @Test func acceptsNativeSwiftValues() throws {
        let object: [String: Any] = [
            "flag": false, "count": 7, "ratio": 2.5, "name": "x", "none": NSNull(),
            "list": [1, "two", [3]],
        ]
        #expect(try schema(typed).validate(jsonObject: object).isEmpty)
        let wrong: [String: Any] = ["flag": 1, "count": true, "ratio": Int64(2)]
        #expect(
            try schema(typed).validate(jsonObject: wrong).map(\.instancePath) == ["/count", "/flag"])
    }

    @Test func acceptsNSNumbers() throws {
        let object: [String: Any] = [
            "flag": NSNumber(value: true), "count": NSNumber(value: 4), "ratio": NSNumber(value: 1.25),
        ]
        #expect(try schema(typed).validate(jsonObject: object).isEmpty)
        let wrong: [String: Any] = ["flag": NSNumber(value: 1), "count": NSNumber(value: 1.5)]
        #expect(
            try schema(typed).validate(jsonObject: wrong).map(\.instancePath) == ["/count", "/flag"])
    }

    @Test func integralDoublesAreIntegers() throws {
        #expect(try schema(#"{"type": "integer"}"#).validate(jsonObject: 3.0).isEmpty)
        #expect(try schema(#"{"type": "integer"}"#).validate(jsonObject: 3.25).count == 1)
    }

    @Test func nonJSONValuesAreReported() throws {
        let found = try schema("{}").validate(jsonObject: ["when": Date()])
        #expect(found.map(\.instancePath) == ["/when"])
        #expect(found.map(\.keyword) == ["type"])
    }

    @Test func dataAndObjectEntryPointsAgree() throws {
        let loaded = try schema(#"{"items": {"type": "string", "maxLength": 2}}"#)
        let data = Data(#"["ab", "abc", 1, null]"#.utf8)
        let object = try JSONSerialization.jsonObject(with: data)
        #expect(try loaded.validate(data) == loaded.validate(jsonObject: object))
        #expect(try loaded.validate(data).count == 3)
    }
}
