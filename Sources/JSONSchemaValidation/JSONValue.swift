import Foundation

/// A JSON value as the validator sees it: Foundation's loosely typed objects converted
/// into one Sendable enum, with booleans and numbers kept apart and integers kept exact.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue {
    /// Parses JSON text, allowing a scalar at the top level (`true` is a valid schema
    /// and a valid instance).
    static func parse(_ data: Data) throws -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw JSONSchemaError.invalidJSON(String(describing: error))
        }
        return try JSONValue(foundation: object)
    }

    /// Converts a value produced by `JSONSerialization` (or built by hand from `String`,
    /// `Bool`, the standard integer and floating-point types, `NSNumber`, `NSNull`,
    /// `[Any]` and `[String: Any]`).
    ///
    /// `JSONSerialization` returns booleans as `NSNumber`s, and on Linux an `NSNumber`
    /// holding 1 answers `as? Bool` with `true`, so booleans are told apart by their
    /// dynamic type: a Swift `Bool`, or an `NSNumber` whose `objCType` is `c`/`B`
    /// (`__NSCFBoolean`; JSON never produces an 8-bit integer).
    /// - Throws: ``JSONSchemaError/unsupportedValue(path:type:)`` for anything else.
    init(foundation value: Any) throws {
        do {
            self = try JSONValue.convert(value)
        } catch let failure as UnsupportedValue {
            throw JSONSchemaError.unsupportedValue(
                path: JSONPointer.pointer(failure.reversedTokens.reversed()), type: failure.type)
        }
    }

    /// A value that is not JSON, and the tokens of its location, innermost first (the
    /// path is only built when there is a failure).
    private struct UnsupportedValue: Error {
        var reversedTokens: [String]
        var type: String
    }

    private static func convert(_ value: Any) throws -> JSONValue {
        // Swift's own types come first: asking a Swift dictionary whether it `is NSNull`
        // bridges it to an NSDictionary, which is slow.
        switch value {
        case let string as String:
            return .string(string)
        case let array as [Any]:
            var values: [JSONValue] = []
            values.reserveCapacity(array.count)
            for (index, element) in array.enumerated() {
                do {
                    values.append(try convert(element))
                } catch var failure as UnsupportedValue {
                    failure.reversedTokens.append(String(index))
                    throw failure
                }
            }
            return .array(values)
        case let dictionary as [String: Any]:
            var values: [String: JSONValue] = [:]
            values.reserveCapacity(dictionary.count)
            for (key, element) in dictionary {
                do {
                    values[key] = try convert(element)
                } catch var failure as UnsupportedValue {
                    failure.reversedTokens.append(key)
                    throw failure
                }
            }
            return .object(values)
        default:
            if type(of: value) is NSNull.Type { return .null }
            guard let converted = scalar(value) else {
                throw UnsupportedValue(reversedTokens: [], type: String(describing: type(of: value)))
            }
            return converted
        }
    }

    private static func scalar(_ value: Any) -> JSONValue? {
        if type(of: value) == Bool.self, let bool = value as? Bool {
            return .bool(bool)
        }
        if type(of: value) is NSNumber.Type, let number = value as? NSNumber {
            return fromNSNumber(number)
        }
        switch value {
        case let v as Int: return .integer(Int64(v))
        case let v as Int8: return .integer(Int64(v))
        case let v as Int16: return .integer(Int64(v))
        case let v as Int32: return .integer(Int64(v))
        case let v as Int64: return .integer(v)
        case let v as UInt: return unsigned(UInt64(v))
        case let v as UInt8: return .integer(Int64(v))
        case let v as UInt16: return .integer(Int64(v))
        case let v as UInt32: return .integer(Int64(v))
        case let v as UInt64: return unsigned(v)
        case let v as Double: return .double(v)
        case let v as Float: return .double(Double(v))
        case let v as Decimal: return .double(NSDecimalNumber(decimal: v).doubleValue)
        default: return nil
        }
    }

    private static func fromNSNumber(_ number: NSNumber) -> JSONValue {
        if number is NSDecimalNumber {
            return .double(number.doubleValue)
        }
        switch String(cString: number.objCType) {
        case "c", "B":
            return .bool(number.boolValue)
        case "f", "d":
            return .double(number.doubleValue)
        case "Q", "L", "I", "S", "C":
            return unsigned(number.uint64Value)
        default:
            return .integer(number.int64Value)
        }
    }

    private static func unsigned(_ value: UInt64) -> JSONValue {
        value <= UInt64(Int64.max) ? .integer(Int64(value)) : .double(Double(value))
    }
}

// MARK: - Types

extension JSONValue {
    /// The JSON Schema type name of the value; a number with no fractional part is an
    /// `integer`.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .double(let d): return JSONValue.isIntegral(d) ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Whether the value belongs to the JSON Schema type `name`.
    func hasType(_ name: String) -> Bool {
        switch (name, self) {
        case ("null", .null), ("boolean", .bool), ("string", .string),
            ("array", .array), ("object", .object),
            ("number", .integer), ("number", .double), ("integer", .integer):
            return true
        case ("integer", .double(let d)):
            return JSONValue.isIntegral(d)
        default:
            return false
        }
    }

    static func isIntegral(_ d: Double) -> Bool {
        d.isFinite && d.rounded(.towardZero) == d
    }

    /// The value as a number, if it is one.
    var number: JSONNumber? {
        switch self {
        case .integer(let i): return .integer(i)
        case .double(let d): return .double(d)
        default: return nil
        }
    }
}

// MARK: - Numbers

/// A JSON number, exact when it is an integer that fits in 64 bits.
enum JSONNumber: Sendable, CustomStringConvertible {
    case integer(Int64)
    case double(Double)

    var doubleValue: Double {
        switch self {
        case .integer(let i): return Double(i)
        case .double(let d): return d
        }
    }

    /// The exact integer value, when the number is integral and fits in an `Int64`.
    var exactInteger: Int64? {
        switch self {
        case .integer(let i):
            return i
        case .double(let d):
            guard JSONValue.isIntegral(d), d >= -9.223372036854775808e18,
                d < 9.223372036854775808e18
            else { return nil }
            return Int64(d)
        }
    }

    /// Compares two numbers mathematically (exactly when both are 64-bit integers).
    static func compare(_ a: JSONNumber, _ b: JSONNumber) -> ComparisonResult {
        if let x = a.exactInteger, let y = b.exactInteger {
            return x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
        }
        let x = a.doubleValue, y = b.doubleValue
        return x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
    }

    /// Whether `self` is an integer multiple of `divisor` (which is positive).
    func isMultiple(of divisor: JSONNumber) -> Bool {
        if let x = exactInteger, let m = divisor.exactInteger, m != 0 {
            return x % m == 0
        }
        let quotient = doubleValue / divisor.doubleValue
        guard quotient.isFinite else { return false }
        let nearest = quotient.rounded()
        return abs(quotient - nearest) <= 1e-9 * max(1, abs(nearest))
    }

    var description: String {
        switch self {
        case .integer(let i): return String(i)
        case .double(let d):
            if let i = exactInteger, abs(d) < 1e15 { return String(i) }
            return String(d)
        }
    }
}

// MARK: - Equality (JSON Schema semantics: 1 == 1.0, true != 1)

extension JSONValue: Hashable {
    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        case (.integer, .integer), (.integer, .double), (.double, .integer), (.double, .double):
            return JSONNumber.compare(lhs.number!, rhs.number!) == .orderedSame
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0)
        case .bool(let b):
            hasher.combine(1)
            hasher.combine(b)
        case .integer, .double:
            hasher.combine(2)
            if let i = number!.exactInteger {
                hasher.combine(i)
            } else {
                hasher.combine(number!.doubleValue)
            }
        case .string(let s):
            hasher.combine(3)
            hasher.combine(s)
        case .array(let a):
            hasher.combine(4)
            hasher.combine(a)
        case .object(let o):
            hasher.combine(5)
            hasher.combine(o)
        }
    }
}

// MARK: - Short rendering for messages

extension JSONValue {
    /// A compact JSON rendering for error messages, cut to about `limit` characters.
    func rendered(limit: Int = 60) -> String {
        var text = ""
        render(into: &text, limit: limit)
        if text.count > limit { text = String(text.prefix(limit)) + "…" }
        return text
    }

    private func render(into text: inout String, limit: Int) {
        guard text.count <= limit else { return }
        switch self {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .integer, .double: text += number!.description
        case .string(let s): text += JSONValue.quoted(s)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.render(into: &text, limit: limit)
                if text.count > limit { return }
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                text += JSONValue.quoted(key) + ":"
                members[key]!.render(into: &text, limit: limit)
                if text.count > limit { return }
            }
            text += "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
