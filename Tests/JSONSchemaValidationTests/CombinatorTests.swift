import Foundation
import JSONSchemaValidation
import Testing

@Suite("allOf, anyOf, oneOf, not, if/then/else")
struct CombinatorTests {
    @Test func allOfReportsEveryFailingBranch() throws {
        let schemaJSON = #"{"allOf": [{"type": "string"}, {"minLength": 2}, {"const": "ab"}]}"#
        #expect(try accepts(schemaJSON, #""ab""#))
        #expect(try keywords(schemaJSON, #""x""#) == ["minLength", "const"])
        #expect(try keywords(schemaJSON, "7") == ["type", "const"])
    }

    @Test func anyOfNeedsOneMatchingBranch() throws {
        let schemaJSON = #"{"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]}"#
        #expect(try accepts(schemaJSON, #""s""#))
        #expect(try accepts(schemaJSON, "3"))
        let found = try errors(schemaJSON, "-1")
        #expect(found.count == 1)
        #expect(found.first?.keyword == "anyOf")
        #expect(found.first?.instancePath == "")
        // The message says why each branch failed.
        #expect(found.first?.message.contains("expected type string, got integer") == true)
        #expect(found.first?.message.contains("expected a number >= 0, got -1") == true)
    }

    @Test func oneOfNeedsExactlyOneMatchingBranch() throws {
        let schemaJSON = #"{"oneOf": [{"type": "integer"}, {"minimum": 10}]}"#
        #expect(try accepts(schemaJSON, "3"))
        #expect(try accepts(schemaJSON, "10.5"))
        #expect(try keywords(schemaJSON, "2.5") == ["oneOf"])
        let both = try errors(schemaJSON, "12")
        #expect(both.map(\.keyword) == ["oneOf"])
        #expect(both.first?.message.contains("#0, #1") == true)
    }

    @Test func notInvertsItsSchema() throws {
        let schemaJSON = #"{"not": {"type": "null"}}"#
        #expect(try accepts(schemaJSON, "0"))
        #expect(try keywords(schemaJSON, "null") == ["not"])
    }

    @Test func ifThenElse() throws {
        let schemaJSON = #"""
            {"if": {"properties": {"kind": {"const": "decision"}}, "required": ["kind"]},
             "then": {"required": ["number"]},
             "else": {"required": ["title"]}}
            """#
        #expect(try accepts(schemaJSON, #"{"kind": "decision", "number": "1/2"}"#))
        #expect(try accepts(schemaJSON, #"{"kind": "other", "title": "T"}"#))
        #expect(
            try errors(schemaJSON, #"{"kind": "decision"}"#).map(\.message)
                == [#"missing required property "number""#])
        #expect(
            try errors(schemaJSON, #"{"kind": "other"}"#).map(\.message)
                == [#"missing required property "title""#])
    }

    @Test func ifWithoutThenOrElseNeverFails() throws {
        #expect(try accepts(#"{"if": {"type": "string"}}"#, "1"))
        #expect(try accepts(#"{"then": false, "else": false}"#, "1"), "then/else need an if")
    }

    @Test func applicatorsNestInsideProperties() throws {
        let schemaJSON = #"""
            {"properties": {"value": {"anyOf": [{"type": "null"}, {"type": "array", "items": {"type": "string"}}]}}}
            """#
        #expect(try accepts(schemaJSON, #"{"value": null}"#))
        #expect(try accepts(schemaJSON, #"{"value": ["a"]}"#))
        let found = try errors(schemaJSON, #"{"value": [1]}"#)
        #expect(found.map(\.instancePath) == ["/value"])
        #expect(found.first?.message.contains("/value/0: expected type string") == true)
    }
}
