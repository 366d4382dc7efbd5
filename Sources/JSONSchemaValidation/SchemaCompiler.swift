import Foundation

/// Turns a schema document into a table of ``SchemaNode``s, checking the keywords it
/// knows and resolving every `$ref` up front, so that a broken schema fails when it is
/// loaded rather than somewhere in the middle of a validation.
struct SchemaCompiler {
    private let root: JSONValue
    private var nodes: [SchemaNode] = []
    private var nodeAt: [String: Int] = [:]
    /// `$anchor` names and `$id` values, each to the pointer of its schema.
    private var anchors: [String: String] = [:]
    private var identifiers: [String: String] = [:]

    /// Compiles `root`; the root schema is node 0.
    static func compile(_ root: JSONValue) throws -> [SchemaNode] {
        var compiler = SchemaCompiler(root: root)
        compiler.collectIdentifiers(root, at: "")
        _ = try compiler.compile(root, at: "")
        return compiler.nodes
    }

    private init(root: JSONValue) {
        self.root = root
    }

    // MARK: - Identifiers

    /// Keywords whose values are data, not schemas: never searched for `$anchor`/`$id`.
    private static let dataKeywords: Set<String> = ["enum", "const", "examples", "default"]

    private mutating func collectIdentifiers(_ value: JSONValue, at pointer: String) {
        switch value {
        case .object(let members):
            if case .string(let anchor)? = members["$anchor"], anchors[anchor] == nil {
                anchors[anchor] = pointer
            }
            if case .string(let id)? = members["$id"], !id.isEmpty {
                let base = id.hasSuffix("#") ? String(id.dropLast()) : id
                if identifiers[base] == nil { identifiers[base] = pointer }
            }
            for (key, member) in members where !Self.dataKeywords.contains(key) {
                collectIdentifiers(member, at: pointer + "/" + JSONPointer.escape(key))
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                collectIdentifiers(item, at: pointer + "/\(index)")
            }
        default:
            break
        }
    }

    /// The pointer that the `$ref` text designates in this document.
    private func target(of ref: String, at pointer: String) throws -> String {
        let base: String
        let fragment: String
        if let hash = ref.firstIndex(of: "#") {
            base = String(ref[..<hash])
            fragment = String(ref[ref.index(after: hash)...])
        } else {
            base = ref
            fragment = ""
        }
        var basePointer = ""
        if !base.isEmpty {
            guard let found = identifiers[base] else {
                throw invalid(
                    pointer + "/$ref",
                    "$ref \"\(ref)\" is not a local reference (only `#…` and the $id values "
                        + "of this document are supported)")
            }
            basePointer = found
        }
        guard let decoded = fragment.removingPercentEncoding else {
            throw invalid(pointer + "/$ref", "$ref \"\(ref)\" has a malformed fragment")
        }
        if decoded.isEmpty { return basePointer }
        if decoded.hasPrefix("/") { return basePointer + decoded }
        guard let anchor = anchors[decoded] else {
            throw invalid(pointer + "/$ref", "$ref \"\(ref)\": no $anchor \"\(decoded)\"")
        }
        return anchor
    }

    // MARK: - Schemas

    private mutating func compile(_ value: JSONValue, at pointer: String) throws -> Int {
        if let existing = nodeAt[pointer] { return existing }
        let index = nodes.count
        nodeAt[pointer] = index
        switch value {
        case .bool(let constant):
            nodes.append(SchemaNode(location: pointer, constant: constant))
        case .object(let members):
            nodes.append(SchemaNode(location: pointer))
            nodes[index] = try compileKeywords(members, at: pointer)
        default:
            throw invalid(pointer, "a schema must be an object or a boolean, not \(value.typeName)")
        }
        return index
    }

    private mutating func compileKeywords(
        _ schema: [String: JSONValue], at pointer: String
    ) throws -> SchemaNode {
        var node = SchemaNode(location: pointer)
        func path(_ keyword: String) -> String { pointer + "/" + JSONPointer.escape(keyword) }

        // Reference
        if let value = schema["$ref"] {
            guard case .string(let text) = value else {
                throw invalid(path("$ref"), "$ref must be a string")
            }
            let targetPointer = try target(of: text, at: pointer)
            guard let target = JSONPointer.resolve(targetPointer, in: root) else {
                throw invalid(path("$ref"), "$ref \"\(text)\" points at nothing in this document")
            }
            node.ref = Reference(text: text, node: try compile(target, at: targetPointer))
        }
        for keyword in ["$defs", "definitions"] {
            if let value = schema[keyword] {
                _ = try schemaMap(value, at: path(keyword), keyword)
            }
        }

        // Any type
        if let value = schema["type"] {
            node.types = try typeNames(value, at: path("type"))
        }
        if let value = schema["enum"] {
            guard case .array(let values) = value else {
                throw invalid(path("enum"), "enum must be an array")
            }
            node.enumValues = values
        }
        node.constValue = schema["const"]

        // Applicators
        node.allOf = try schemaList(schema["allOf"], at: path("allOf"), "allOf")
        node.anyOf = try schemaList(schema["anyOf"], at: path("anyOf"), "anyOf")
        node.oneOf = try schemaList(schema["oneOf"], at: path("oneOf"), "oneOf")
        node.not = try subschema(schema["not"], at: path("not"))
        node.ifSchema = try subschema(schema["if"], at: path("if"))
        node.thenSchema = try subschema(schema["then"], at: path("then"))
        node.elseSchema = try subschema(schema["else"], at: path("else"))

        // Objects
        if let value = schema["properties"] {
            node.properties = try schemaMap(value, at: path("properties"), "properties")
        }
        if let value = schema["patternProperties"] {
            for entry in try schemaMap(value, at: path("patternProperties"), "patternProperties") {
                guard let pattern = Pattern(entry.name) else {
                    throw invalid(
                        path("patternProperties"), "invalid regular expression \"\(entry.name)\"")
                }
                node.patternProperties.append(PatternSchema(pattern: pattern, node: entry.node))
            }
        }
        node.additionalProperties = try subschema(
            schema["additionalProperties"], at: path("additionalProperties"))
        node.propertyNames = try subschema(schema["propertyNames"], at: path("propertyNames"))
        if let value = schema["required"] {
            node.required = try strings(value, at: path("required"), "required")
        }
        if let value = schema["dependentRequired"] {
            guard case .object(let members) = value else {
                throw invalid(path("dependentRequired"), "dependentRequired must be an object")
            }
            for key in members.keys.sorted() {
                let names = try strings(
                    members[key]!, at: path("dependentRequired") + "/" + JSONPointer.escape(key),
                    "dependentRequired")
                node.dependentRequired.append((key, names))
            }
        }
        if let value = schema["dependentSchemas"] {
            node.dependentSchemas = try schemaMap(
                value, at: path("dependentSchemas"), "dependentSchemas")
        }
        node.minProperties = try count(schema["minProperties"], at: path("minProperties"))
        node.maxProperties = try count(schema["maxProperties"], at: path("maxProperties"))

        // Arrays: `items` is one schema (2020-12); an array of schemas is the older
        // tuple form, read as `prefixItems` with `additionalItems` for the rest.
        node.prefixItems = try schemaList(
            schema["prefixItems"], at: path("prefixItems"), "prefixItems")
        if case .array? = schema["items"] {
            guard schema["prefixItems"] == nil else {
                throw invalid(path("items"), "items must be a schema when prefixItems is present")
            }
            node.prefixItems = try schemaList(schema["items"], at: path("items"), "items")
            node.items = try subschema(schema["additionalItems"], at: path("additionalItems"))
        } else {
            node.items = try subschema(schema["items"], at: path("items"))
        }
        node.contains = try subschema(schema["contains"], at: path("contains"))
        node.minContains = try count(schema["minContains"], at: path("minContains"))
        node.maxContains = try count(schema["maxContains"], at: path("maxContains"))
        node.minItems = try count(schema["minItems"], at: path("minItems"))
        node.maxItems = try count(schema["maxItems"], at: path("maxItems"))
        if let value = schema["uniqueItems"] {
            guard case .bool(let unique) = value else {
                throw invalid(path("uniqueItems"), "uniqueItems must be a boolean")
            }
            node.uniqueItems = unique
        }

        // Strings
        node.minLength = try count(schema["minLength"], at: path("minLength"))
        node.maxLength = try count(schema["maxLength"], at: path("maxLength"))
        if let value = schema["pattern"] {
            guard case .string(let source) = value else {
                throw invalid(path("pattern"), "pattern must be a string")
            }
            guard let pattern = Pattern(source) else {
                throw invalid(path("pattern"), "invalid regular expression \"\(source)\"")
            }
            node.pattern = pattern
        }

        // Numbers
        node.minimum = try number(schema["minimum"], at: path("minimum"), "minimum")
        node.maximum = try number(schema["maximum"], at: path("maximum"), "maximum")
        node.exclusiveMinimum = try number(
            schema["exclusiveMinimum"], at: path("exclusiveMinimum"), "exclusiveMinimum")
        node.exclusiveMaximum = try number(
            schema["exclusiveMaximum"], at: path("exclusiveMaximum"), "exclusiveMaximum")
        node.multipleOf = try number(schema["multipleOf"], at: path("multipleOf"), "multipleOf")
        if let divisor = node.multipleOf, divisor.doubleValue <= 0 {
            throw invalid(path("multipleOf"), "multipleOf must be greater than 0")
        }
        return node
    }

    // MARK: - Keyword values

    private static let typeNames: Set<String> = [
        "null", "boolean", "object", "array", "number", "integer", "string",
    ]

    private func typeNames(_ value: JSONValue, at pointer: String) throws -> [String] {
        let names: [String]
        switch value {
        case .string(let name): names = [name]
        case .array: names = try strings(value, at: pointer, "type")
        default: throw invalid(pointer, "type must be a string or an array of strings")
        }
        for name in names where !Self.typeNames.contains(name) {
            throw invalid(pointer, "unknown type \"\(name)\"")
        }
        return names
    }

    private mutating func subschema(_ value: JSONValue?, at pointer: String) throws -> Int? {
        guard let value else { return nil }
        return try compile(value, at: pointer)
    }

    private mutating func schemaList(
        _ value: JSONValue?, at pointer: String, _ keyword: String
    ) throws -> [Int] {
        guard let value else { return [] }
        guard case .array(let items) = value, !items.isEmpty else {
            throw invalid(pointer, "\(keyword) must be a non-empty array of schemas")
        }
        return try items.enumerated().map { try compile($1, at: pointer + "/\($0)") }
    }

    /// An object whose values are schemas, in key order (so errors come out in a
    /// stable order).
    private mutating func schemaMap(
        _ value: JSONValue, at pointer: String, _ keyword: String
    ) throws -> [NamedSchema] {
        guard case .object(let members) = value else {
            throw invalid(pointer, "\(keyword) must be an object")
        }
        return try members.keys.sorted().map { name in
            NamedSchema(
                name: name,
                node: try compile(members[name]!, at: pointer + "/" + JSONPointer.escape(name)))
        }
    }

    private func strings(_ value: JSONValue, at pointer: String, _ keyword: String) throws
        -> [String]
    {
        guard case .array(let items) = value else {
            throw invalid(pointer, "\(keyword) must be an array of strings")
        }
        return try items.map { item in
            guard case .string(let string) = item else {
                throw invalid(pointer, "\(keyword) must be an array of strings")
            }
            return string
        }
    }

    private func count(_ value: JSONValue?, at pointer: String) throws -> Int? {
        guard let value else { return nil }
        guard let number = value.number, let integer = number.exactInteger, integer >= 0,
            integer <= Int64(Int.max)
        else {
            throw invalid(pointer, "expected a non-negative integer, got \(value.rendered())")
        }
        return Int(integer)
    }

    private func number(_ value: JSONValue?, at pointer: String, _ keyword: String) throws
        -> JSONNumber?
    {
        guard let value else { return nil }
        guard let number = value.number else {
            throw invalid(pointer, "\(keyword) must be a number, got \(value.rendered())")
        }
        return number
    }

    private func invalid(_ pointer: String, _ message: String) -> JSONSchemaError {
        .invalidSchema(path: pointer, message: message)
    }
}
