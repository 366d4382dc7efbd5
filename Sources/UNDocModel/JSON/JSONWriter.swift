import Foundation

/// Encodes `Encodable` values to exactly the bytes Foundation's `JSONEncoder` writes with
/// `outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (and its
/// default strategies), several times faster and in a fraction of the memory.
///
/// The value encodes itself into a flat tree (JSONTree: nodes and containers are structs
/// in two arrays, keys and scalars bytes in one buffer, strings escaped and numbers
/// formatted as they are encoded); the tree is then written out once, each object's keys
/// sorted by their UTF-8 bytes. The rules, each checked against Foundation's JSONEncoder
/// (swift-foundation, Swift 6.3, Linux) in Tests/UNDocCorpusTests/JSONWriterTests.swift:
///
/// - two spaces of indentation a level, `"key" : value`, elements separated by `,` and a
///   newline; an empty array or object is its bracket, a blank line and the closing bracket
///   at the container's indentation (`[\n\n  ]`); no newline after the top-level value;
/// - keys in the order of their UTF-8 bytes (`"B"` < `"_"` < `"a"`, `"L.10"` < `"L.9"`), no
///   case folding, no numeric comparison; a key set twice keeps its last value, and keys that
///   are equal as Swift strings ("é" and "e\u{301}") are one key, written as first given;
/// - strings: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other bytes below 0x20 as `\u00xx`
///   in lower-case hex; `/`, DEL and non-ASCII as they are;
/// - integers in decimal; Double and Float as their `description` without a trailing ".0"
///   (`1`, `0.1`, `1e-07`, `1e+16`, `-0`); NaN and infinity throw `EncodingError.invalidValue`;
/// - Date as its own encoding (seconds since 2001 as a number), Data as Base64, URL as its
///   absolute string, Decimal as its description (a number);
/// - a value that encodes nothing is `{}`, or an error at the top level; containers nested
///   512 deep are an error, as in Foundation.
public enum JSONWriter {
    /// The JSON of `value`, followed by a newline when `newline` is true.
    public static func encode<T: Encodable>(_ value: T, newline: Bool = false) throws -> Data {
        let storage = JSONEncodingStorage()
        // The tree lives as long as `storage` does: keep it alive to the end, not only to its
        // last use (after which the optimiser may free it).
        defer { withExtendedLifetime(storage) {} }
        let tree = storage.tree
        let root = tree.pointee.newNode()
        try storage.encode(value, into: root, parent: -1, owner: nil, topLevel: true)
        if tree.pointee.nodes[Int(root)].kind == .pending {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        tree.pointee.prepareForOutput()
        // The output is the scalars and keys plus indentation and punctuation.
        var out = JSONRawBuffer<UInt8>(capacity: tree.pointee.bytes.count + tree.pointee.nodes.count * 20 + 64)
        var sorting = JSONRawBuffer<JSONSortEntry>(capacity: 256)
        defer { sorting.deallocate() }
        do {
            try tree.pointee.write(root, level: 0, into: &out, sorting: &sorting)
        } catch {
            out.deallocate()
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Unable to encode the given top-level value to JSON."))
        }
        if newline { out.append(0x0A) }
        return out.takeData()
    }
}
