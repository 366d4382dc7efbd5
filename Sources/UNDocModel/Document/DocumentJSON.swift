import Foundation

/// The one JSON encoding of the model, used by the CLI, the golden files and other
/// programs: pretty-printed, keys sorted, slashes unescaped (symbols stay readable), so
/// the same input always gives the same bytes.
public enum DocumentJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }
}
