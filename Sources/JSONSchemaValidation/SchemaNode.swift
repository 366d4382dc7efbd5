import Foundation

/// One compiled (sub)schema. Subschemas are referred to by their index in the schema's
/// node table, which lets `$ref` cycles exist without reference cycles in memory.
struct SchemaNode: Sendable {
    /// For the boolean schemas `true` and `false`; `nil` for an object schema.
    var constant: Bool?
    /// The schema's location in its document, as a JSON Pointer (for messages).
    var location: String

    // Any type
    var types: [String]?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?

    // References and applicators
    var ref: Reference?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?

    // Objects
    var properties: [NamedSchema] = []
    var patternProperties: [PatternSchema] = []
    var additionalProperties: Int?
    var propertyNames: Int?
    var required: [String] = []
    var dependentRequired: [(property: String, required: [String])] = []
    var dependentSchemas: [NamedSchema] = []
    var minProperties: Int?
    var maxProperties: Int?

    // Arrays
    var prefixItems: [Int] = []
    var items: Int?
    var contains: Int?
    var minContains: Int?
    var maxContains: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    // Strings
    var minLength: Int?
    var maxLength: Int?
    var pattern: Pattern?

    // Numbers
    var minimum: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMinimum: JSONNumber?
    var exclusiveMaximum: JSONNumber?
    var multipleOf: JSONNumber?

    init(location: String, constant: Bool? = nil) {
        self.location = location
        self.constant = constant
    }
}

/// A resolved `$ref`: the text as written and the node it designates.
struct Reference: Sendable {
    var text: String
    var node: Int
}

/// A subschema that applies to one named property.
struct NamedSchema: Sendable {
    var name: String
    var node: Int
}

/// A subschema that applies to the properties whose names match a pattern.
struct PatternSchema: Sendable {
    var pattern: Pattern
    var node: Int
}

/// A compiled regular expression. `NSRegularExpression` is immutable and safe to use
/// from several threads, which is why the box may be `@unchecked Sendable`.
struct Pattern: @unchecked Sendable {
    let source: String
    private let regex: NSRegularExpression

    init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: source) else { return nil }
        self.source = source
        self.regex = regex
    }

    /// Whether the pattern matches anywhere in `string` (patterns are not anchored).
    func matches(_ string: String) -> Bool {
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return regex.firstMatch(in: string, options: [], range: range) != nil
    }
}
