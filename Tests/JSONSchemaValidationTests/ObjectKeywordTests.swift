import Foundation
import JSONSchemaValidation
import Testing

@Suite("object keywords")
struct ObjectKeywordTests {
    let person = #"""
        {
          "type": "object",
          "properties": {
            "name": {"type": "string"},
            "age": {"type": "integer", "minimum": 0}
          },
          "required": ["name"],
          "additionalProperties": false
        }
        """#

    @Test func propertiesValidateTheirValues() throws {
        #expect(try accepts(person, #"{"name": "Ann", "age": 30}"#))
        #expect(try accepts(person, #"{"name": "Ann"}"#))
        let found = try errors(person, #"{"name": 5, "age": -1}"#)
        #expect(
            found == [
                ValidationError(
                    instancePath: "/age", keyword: "minimum",
                    message: "expected a number >= 0, got -1"),
                ValidationError(
                    instancePath: "/name", keyword: "type",
                    message: "expected type string, got integer"),
            ])
    }

    @Test func propertiesIgnoreNonObjects() throws {
        #expect(try accepts(#"{"properties": {"a": {"type": "string"}}, "required": ["a"]}"#, "[1]"))
    }

    @Test func requiredReportsEachMissingProperty() throws {
        let found = try errors(#"{"required": ["a", "b", "c"]}"#, #"{"b": null}"#)
        #expect(
            found == [
                ValidationError(
                    instancePath: "", keyword: "required",
                    message: #"missing required property "a""#),
                ValidationError(
                    instancePath: "", keyword: "required",
                    message: #"missing required property "c""#),
            ])
    }

    @Test func additionalPropertiesFalseRejectsUndeclaredNames() throws {
        let found = try errors(person, #"{"name": "Ann", "nick": "A", "extra": 1}"#)
        #expect(found.map(\.instancePath) == ["/extra", "/nick"])
        #expect(found.allSatisfy { $0.keyword == "additionalProperties" })
        #expect(found.first?.message.contains(#""extra""#) == true)
    }

    @Test func additionalPropertiesSchemaValidatesUndeclaredValues() throws {
        let schemaJSON = #"""
            {"properties": {"id": {"type": "string"}},
             "additionalProperties": {"type": "integer"}}
            """#
        #expect(try accepts(schemaJSON, #"{"id": "x", "a": 1, "b": 2}"#))
        let found = try errors(schemaJSON, #"{"id": "x", "a": "one"}"#)
        #expect(found.map(\.instancePath) == ["/a"])
        #expect(found.map(\.keyword) == ["type"])
    }

    @Test func additionalPropertiesTrueAllowsAnything() throws {
        #expect(try accepts(#"{"additionalProperties": true}"#, #"{"a": 1}"#))
    }

    @Test func patternPropertiesApplyByName() throws {
        let schemaJSON = #"""
            {"patternProperties": {"^x-": {"type": "string"}, "_id$": {"type": "integer"}},
             "additionalProperties": false}
            """#
        #expect(try accepts(schemaJSON, #"{"x-note": "n", "doc_id": 3}"#))
        let found = try errors(schemaJSON, #"{"x-note": 1, "doc_id": "3", "other": true}"#)
        #expect(found.map(\.instancePath) == ["/doc_id", "/other", "/x-note"])
        #expect(found.map(\.keyword) == ["type", "additionalProperties", "type"])
    }

    @Test func propertyNames() throws {
        let schemaJSON = #"{"propertyNames": {"pattern": "^[a-z]+$", "maxLength": 3}}"#
        #expect(try accepts(schemaJSON, #"{"ab": 1, "cde": 2}"#))
        let found = try errors(schemaJSON, #"{"Ab": 1, "abcd": 2}"#)
        #expect(found.map(\.keyword) == ["propertyNames", "propertyNames"])
        #expect(found.map(\.instancePath) == ["/Ab", "/abcd"])
    }

    @Test func minAndMaxProperties() throws {
        let schemaJSON = #"{"minProperties": 1, "maxProperties": 2}"#
        #expect(try accepts(schemaJSON, #"{"a": 1}"#))
        #expect(try accepts(schemaJSON, #"{"a": 1, "b": 2}"#))
        #expect(try keywords(schemaJSON, "{}") == ["minProperties"])
        #expect(try keywords(schemaJSON, #"{"a": 1, "b": 2, "c": 3}"#) == ["maxProperties"])
    }

    @Test func dependentRequiredAndDependentSchemas() throws {
        let schemaJSON = #"""
            {"dependentRequired": {"card": ["billing"]},
             "dependentSchemas": {"ship": {"required": ["address"]}}}
            """#
        #expect(try accepts(schemaJSON, #"{"card": 1, "billing": 2}"#))
        #expect(try accepts(schemaJSON, #"{"billing": 2}"#))
        #expect(try keywords(schemaJSON, #"{"card": 1}"#) == ["dependentRequired"])
        #expect(try keywords(schemaJSON, #"{"ship": true}"#) == ["required"])
    }

    @Test func falsePropertySchemaForbidsTheProperty() throws {
        let found = try errors(#"{"properties": {"legacy": false}}"#, #"{"legacy": 1}"#)
        #expect(found.map(\.instancePath) == ["/legacy"])
        #expect(found.map(\.keyword) == ["properties"])
    }
}
