/// Why a schema could not be loaded or an instance could not be read.
public enum JSONSchemaError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The data is not JSON; the associated text is the parser's explanation.
    case invalidJSON(String)
    /// The schema is JSON but not a schema this validator understands: `path` is a
    /// JSON Pointer into the schema document.
    case invalidSchema(path: String, message: String)
    /// An object handed to ``JSONSchema/validate(jsonObject:)`` holds a value that is
    /// not JSON (`path` points at it in the instance).
    case unsupportedValue(path: String, type: String)

    public var description: String {
        switch self {
        case .invalidJSON(let reason):
            return "invalid JSON: \(reason)"
        case .invalidSchema(let path, let message):
            return "invalid schema at \(path.isEmpty ? "(root)" : path): \(message)"
        case .unsupportedValue(let path, let type):
            return "\(path.isEmpty ? "(root)" : path): a value of type \(type) is not JSON"
        }
    }
}
