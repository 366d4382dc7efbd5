import Foundation
import JSONSchemaValidation
import Testing

@Suite("number keywords")
struct NumberKeywordTests {
    @Test func minimumAndMaximumAreInclusive() throws {
        let schemaJSON = #"{"minimum": 1, "maximum": 10}"#
        for valid in ["1", "10", "5.5", "1.0"] {
            #expect(try accepts(schemaJSON, valid), "\(valid)")
        }
        #expect(try keywords(schemaJSON, "0.999") == ["minimum"])
        #expect(try keywords(schemaJSON, "11") == ["maximum"])
        #expect(
            try errors(schemaJSON, "0")
                == [
                    ValidationError(
                        instancePath: "", keyword: "minimum",
                        message: "expected a number >= 1, got 0")
                ])
    }

    @Test func exclusiveBounds() throws {
        let schemaJSON = #"{"exclusiveMinimum": 0, "exclusiveMaximum": 1.5}"#
        #expect(try accepts(schemaJSON, "0.1"))
        #expect(try accepts(schemaJSON, "1"))
        #expect(try keywords(schemaJSON, "0") == ["exclusiveMinimum"])
        #expect(try keywords(schemaJSON, "1.5") == ["exclusiveMaximum"])
        #expect(try keywords(schemaJSON, "-3") == ["exclusiveMinimum"])
    }

    @Test func numberKeywordsIgnoreNonNumbers() throws {
        #expect(try accepts(#"{"minimum": 5}"#, #""1""#))
        #expect(try accepts(#"{"minimum": 5}"#, "true"), "a boolean is not the number 1")
    }

    @Test func largeIntegersCompareExactly() throws {
        #expect(try accepts(#"{"maximum": 9007199254740993}"#, "9007199254740993"))
        #expect(try keywords(#"{"maximum": 9007199254740992}"#, "9007199254740993") == ["maximum"])
    }

    @Test func multipleOf() throws {
        #expect(try accepts(#"{"multipleOf": 3}"#, "9"))
        #expect(try accepts(#"{"multipleOf": 0.1}"#, "0.3"))
        #expect(try keywords(#"{"multipleOf": 3}"#, "10") == ["multipleOf"])
        #expect(try keywords(#"{"multipleOf": 0.5}"#, "0.7") == ["multipleOf"])
    }
}
