import Foundation
import Testing
import UNDocModel

/// The parity tests' comparison: the same document read from another format (PDF, Word)
/// against its text. Spans differ (they index different texts) and so does the footnote
/// notation; everything else must be equal.
enum ModelComparison {
    /// The parts of `other` (the document read from another format) that must equal `text`'s:
    /// paragraphs, decisions, recommendations, footnotes (each linked to its marker),
    /// references, annexes and metadata (but for `metadataIgnoring`).
    static func compareDocuments(_ text: Document, _ other: Document, metadataIgnoring: Set<String> = []) throws {
        #expect(text.paragraphs.count > 0)
        try compare(text.paragraphs, other.paragraphs, "paragraphs")
        try compare(text.decisions, other.decisions, "decisions")
        try compare(text.recommendations, other.recommendations, "recommendations")
        try compare(text.footnotes, other.footnotes, "footnotes")
        // A reference's `text` is its exact source slice, markup and line breaks included.
        try compare(text.references, other.references, "references", ignoring: ["text"])
        try compare(text.annexes, other.annexes, "annexes")
        try compare(text.metadata, other.metadata, "metadata", ignoring: metadataIgnoring)
        #expect(other.footnotes.allSatisfy { !$0.anchors.isEmpty }, "every footnote is linked to its marker")
        #expect(!other.diagnostics.contains { $0.code.hasPrefix("footnote.") }, "\(other.diagnostics)")
    }

    static func compare<T: Encodable>(_ expected: T, _ actual: T, _ what: String, ignoring: Set<String> = []) throws {
        let left = try stripped(expected, ignoring: ignoring)
        let right = try stripped(actual, ignoring: ignoring)
        if let l = left as? [Any], let r = right as? [Any] {
            #expect(l.count == r.count, "\(what): \(l.count) in the text, \(r.count) in the other format")
            for (a, b) in zip(l, r) where describe(a, limit: .max) != describe(b, limit: .max) {
                Issue.record("\(what) differ:\n text:  \(describe(a))\n other: \(describe(b))")
                return
            }
        } else if describe(left, limit: .max) != describe(right, limit: .max) {
            Issue.record("\(what) differ:\n text:  \(describe(left))\n other: \(describe(right))")
        }
    }

    private static let ignoredKeys: Set<String> = ["span", "relationSpan", "evidence", "notation"]

    static func stripped<T: Encodable>(_ value: T, ignoring: Set<String> = []) throws -> Any {
        let data = try DocumentJSON.encode(value)
        return strip(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                     keys: ignoredKeys.union(ignoring), top: true)
    }

    /// Drops `keys` everywhere; extra keys (`ignoring`) only at the elements' top level.
    private static func strip(_ value: Any, keys: Set<String>, top: Bool) -> Any {
        if let object = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (key, item) in object where !keys.contains(key) {
                out[key] = strip(item, keys: top ? keys : keys.intersection(ignoredKeys), top: false)
            }
            return out
        }
        if let array = value as? [Any] { return array.map { strip($0, keys: keys, top: top) } }
        return value
    }

    private static func describe(_ value: Any, limit: Int = 1500) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) else {
            return "\(value)"
        }
        return String(decoding: data.prefix(limit), as: UTF8.self)
    }
}
