import Foundation

/// A JSON Schema (a practical subset of draft 2020-12), loaded once and applied to any
/// number of JSON instances.
///
/// Supported: `type`, `enum`, `const`; `properties`, `patternProperties`,
/// `additionalProperties`, `propertyNames`, `required`, `dependentRequired`,
/// `dependentSchemas`, `minProperties`, `maxProperties`; `prefixItems`, `items` (and the
/// older array form with `additionalItems`), `contains`, `minContains`, `maxContains`,
/// `minItems`, `maxItems`, `uniqueItems`; `minLength`, `maxLength` (in code points),
/// `pattern`; `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`;
/// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`; `$ref` to a place in the same
/// document (`#`, `#/$defs/Name`, `#/definitions/Name`, `#anchor`, or the document's
/// `$id`). Annotations (`title`, `format`, …) and unknown keywords are ignored;
/// `unevaluatedProperties`/`unevaluatedItems` and `$dynamicRef` are not supported and
/// are ignored too.
///
/// ```swift
/// let schema = try JSONSchema(contentsOf: schemaURL)
/// let errors = try schema.validate(outputData)
/// #expect(errors.isEmpty, "\(errors)")
/// ```
public struct JSONSchema: Sendable {
    private let nodes: [SchemaNode]

    /// Loads a schema from JSON text.
    /// - Throws: ``JSONSchemaError/invalidJSON(_:)`` when the data is not JSON, and
    ///   ``JSONSchemaError/invalidSchema(path:message:)`` when a keyword this validator
    ///   knows has a malformed value, a `pattern` does not compile, or a `$ref` does not
    ///   resolve inside the document.
    public init(data: Data) throws {
        nodes = try SchemaCompiler.compile(JSONValue.parse(data))
    }

    /// Loads a schema from a file.
    public init(contentsOf url: URL) throws {
        try self.init(data: Data(contentsOf: url))
    }

    /// Validates JSON text and returns every error, in a stable order; an empty array
    /// means the instance is valid.
    /// - Throws: ``JSONSchemaError/invalidJSON(_:)`` when the data is not JSON.
    public func validate(_ instance: Data) throws -> [ValidationError] {
        validate(try JSONValue.parse(instance))
    }

    /// Validates a value as `JSONSerialization.jsonObject(with:)` returns it (or one built
    /// from `String`, `Bool`, numbers, `NSNull`, `[Any]` and `[String: Any]`) and returns
    /// every error. A value that is not JSON (a `Date`, say) is reported as a `type`
    /// error at its location.
    public func validate(jsonObject: Any) -> [ValidationError] {
        do {
            return validate(try JSONValue(foundation: jsonObject))
        } catch let JSONSchemaError.unsupportedValue(path, type) {
            return [
                ValidationError(
                    instancePath: path, keyword: "type",
                    message: "a value of type \(type) is not JSON")
            ]
        } catch {
            return [ValidationError(instancePath: "", keyword: "type", message: "\(error)")]
        }
    }

    /// Whether JSON text satisfies the schema.
    public func isValid(_ instance: Data) throws -> Bool {
        try validate(instance).isEmpty
    }

    private func validate(_ value: JSONValue) -> [ValidationError] {
        var validator = Validator(nodes: nodes)
        return validator.errors(of: value, against: 0, at: "")
    }
}
