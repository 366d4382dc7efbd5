import Foundation

/// JSON Pointer (RFC 6901) helpers: escaping reference tokens and resolving pointers.
enum JSONPointer {
    /// Escapes one reference token: `~` becomes `~0` and `/` becomes `~1`.
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
        else { return token }
        return token.replacingOccurrences(of: "~", with: "~0")
            .replacingOccurrences(of: "/", with: "~1")
    }

    /// Unescapes one reference token (`~1` before `~0`, as RFC 6901 requires).
    static func unescape(_ token: String) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        return token.replacingOccurrences(of: "~1", with: "/")
            .replacingOccurrences(of: "~0", with: "~")
    }

    /// Splits a pointer such as `/a~1b/0` into unescaped tokens (`["a/b", "0"]`);
    /// `nil` when the pointer is neither empty nor starts with `/`.
    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            .map { unescape(String($0)) }
    }

    /// Joins unescaped tokens into a pointer.
    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// The value `pointer` designates inside `root`, or `nil` when there is none.
    static func resolve(_ pointer: String, in root: JSONValue) -> JSONValue? {
        guard let tokens = tokens(pointer) else { return nil }
        var current = root
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let items):
                // RFC 6901: a decimal index without leading zeros.
                guard let index = Int(token), String(index) == token, index >= 0,
                    index < items.count
                else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
