import Foundation

/// The one JSON encoding of the model, used by the CLI, the golden files and other
/// programs: pretty-printed, keys sorted, slashes unescaped (symbols stay readable), so
/// the same input always gives the same bytes.
///
/// The bytes are those of Foundation's `JSONEncoder` with `encoder()`'s options, written by
/// `JSONWriter`, which is several times faster; `encoder()` stays for comparisons.
public enum DocumentJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The JSON of `value` and a trailing newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONWriter.encode(value, newline: true)
    }
}
