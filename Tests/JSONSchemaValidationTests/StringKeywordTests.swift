import Foundation
import JSONSchemaValidation
import Testing

@Suite("string keywords")
struct StringKeywordTests {
    @Test func minAndMaxLength() throws {
        let schemaJSON = #"{"minLength": 2, "maxLength": 3}"#
        #expect(try accepts(schemaJSON, #""ab""#))
        #expect(try accepts(schemaJSON, #""abc""#))
        #expect(
            try errors(schemaJSON, #""a""#)
                == [
                    ValidationError(
                        instancePath: "", keyword: "minLength",
                        message: "expected at least 2 characters, got 1")
                ])
        #expect(try keywords(schemaJSON, #""abcd""#) == ["maxLength"])
        #expect(try accepts(schemaJSON, "12345"), "length keywords ignore non-strings")
    }

    @Test func lengthCountsCodePoints() throws {
        // "é" precomposed is one code point; "😀" is one code point (two UTF-16 units).
        #expect(try accepts(#"{"maxLength": 1}"#, #""é""#))
        #expect(try accepts(#"{"maxLength": 1}"#, #""😀""#))
        #expect(try accepts(#"{"minLength": 2}"#, #""😀😀""#))
        #expect(try keywords(#"{"minLength": 2}"#, #""😀""#) == ["minLength"])
        // "e" + combining acute accent is one character but two code points.
        #expect(try keywords(#"{"maxLength": 1}"#, #""e\u0301""#) == ["maxLength"])
        #expect(try accepts(#"{"minLength": 3, "maxLength": 3}"#, #""A/¹""#))
    }

    @Test func patternIsUnanchoredSearch() throws {
        #expect(try accepts(#"{"pattern": "b+"}"#, #""abbc""#))
        #expect(try accepts(#"{"pattern": "^[A-Z]+/RES/\\d+/\\d+$"}"#, #""A/RES/55/25""#))
        let found = try errors(#"{"pattern": "^a"}"#, #""ba""#)
        #expect(
            found == [
                ValidationError(
                    instancePath: "", keyword: "pattern",
                    message: #""ba" does not match pattern ^a"#)
            ])
        #expect(try accepts(#"{"pattern": "^a"}"#, "12"), "pattern ignores non-strings")
    }

    @Test func patternMatchesNonASCII() throws {
        #expect(try accepts(#"{"pattern": "^.$"}"#, #""😀""#))
        #expect(try accepts(#"{"pattern": "é"}"#, #""café""#))
    }
}
