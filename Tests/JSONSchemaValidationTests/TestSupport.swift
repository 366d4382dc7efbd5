import Foundation
import JSONSchemaValidation
import Testing

/// Loads a schema written inline as JSON text.
func schema(_ json: String) throws -> JSONSchema {
    try JSONSchema(data: Data(json.utf8))
}

/// Every error of the JSON text `instance` against the schema text `schemaJSON`.
func errors(_ schemaJSON: String, _ instance: String) throws -> [ValidationError] {
    try schema(schemaJSON).validate(Data(instance.utf8))
}

/// The keywords of the errors, in order.
func keywords(_ schemaJSON: String, _ instance: String) throws -> [String] {
    try errors(schemaJSON, instance).map(\.keyword)
}

/// Whether the instance is valid against the schema.
func accepts(_ schemaJSON: String, _ instance: String) throws -> Bool {
    try errors(schemaJSON, instance).isEmpty
}
