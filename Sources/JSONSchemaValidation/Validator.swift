import Foundation

/// Applies compiled schema nodes to a JSON value and collects every failure.
struct Validator {
    let nodes: [SchemaNode]
    /// `$ref`s being followed, by target node and instance location: meeting one again
    /// means a reference cycle that consumes no instance depth.
    private var activeReferences: Set<ActiveReference> = []

    private struct ActiveReference: Hashable {
        var node: Int
        var instancePath: String
    }

    init(nodes: [SchemaNode]) {
        self.nodes = nodes
    }

    /// Every error of `value` (at `path`) against node `index`.
    mutating func errors(of value: JSONValue, against index: Int, at path: String)
        -> [ValidationError]
    {
        var errors: [ValidationError] = []
        validate(value, against: index, at: path, into: &errors)
        return errors
    }

    /// Whether `value` satisfies node `index`.
    private mutating func isValid(_ value: JSONValue, against index: Int, at path: String) -> Bool
    {
        errors(of: value, against: index, at: path).isEmpty
    }

    private mutating func validate(
        _ value: JSONValue, against index: Int, at path: String,
        into errors: inout [ValidationError]
    ) {
        let node = nodes[index]
        if let constant = node.constant {
            if !constant {
                errors.append(
                    ValidationError(
                        instancePath: path, keyword: "false",
                        message: "no value is allowed here (the schema is `false`)"))
            }
            return
        }
        validateReference(node, value, at: path, into: &errors)
        validateGeneric(node, value, at: path, into: &errors)
        validateApplicators(node, value, at: path, into: &errors)
        switch value {
        case .object(let members):
            validateObject(node, members, at: path, into: &errors)
        case .array(let items):
            validateArray(node, items, at: path, into: &errors)
        case .string(let string):
            validateString(node, string, at: path, into: &errors)
        case .integer, .double:
            validateNumber(node, value.number!, at: path, into: &errors)
        case .null, .bool:
            break
        }
    }

    /// Validates against a subschema reached through `keyword`; when that subschema is
    /// `false`, reports `falseMessage` under `keyword` instead of a bare `false` error.
    private mutating func apply(
        _ index: Int, to value: JSONValue, at path: String, keyword: String,
        falseMessage: @autoclosure () -> String, into errors: inout [ValidationError]
    ) {
        if nodes[index].constant == false {
            errors.append(
                ValidationError(instancePath: path, keyword: keyword, message: falseMessage()))
        } else {
            validate(value, against: index, at: path, into: &errors)
        }
    }

    // MARK: - $ref

    private mutating func validateReference(
        _ node: SchemaNode, _ value: JSONValue, at path: String,
        into errors: inout [ValidationError]
    ) {
        guard let reference = node.ref else { return }
        let active = ActiveReference(node: reference.node, instancePath: path)
        guard activeReferences.insert(active).inserted else {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "$ref",
                    message: "circular $ref \"\(reference.text)\" (at schema "
                        + "\(display(node.location))) never reaches deeper into the instance"))
            return
        }
        defer { activeReferences.remove(active) }
        validate(value, against: reference.node, at: path, into: &errors)
    }

    // MARK: - type, enum, const

    private func validateGeneric(
        _ node: SchemaNode, _ value: JSONValue, at path: String,
        into errors: inout [ValidationError]
    ) {
        if let types = node.types, !types.contains(where: value.hasType) {
            let expected = types.joined(separator: " or ")
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "type",
                    message: "expected type \(expected), got \(value.typeName)"))
        }
        if let values = node.enumValues, !values.contains(value) {
            let allowed = values.map { $0.rendered(limit: 40) }.joined(separator: ", ")
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "enum",
                    message: "expected one of [\(allowed)], got \(value.rendered())"))
        }
        if let constant = node.constValue, constant != value {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "const",
                    message: "expected \(constant.rendered()), got \(value.rendered())"))
        }
    }

    // MARK: - allOf, anyOf, oneOf, not, if/then/else

    private mutating func validateApplicators(
        _ node: SchemaNode, _ value: JSONValue, at path: String,
        into errors: inout [ValidationError]
    ) {
        for index in node.allOf {
            validate(value, against: index, at: path, into: &errors)
        }
        if !node.anyOf.isEmpty {
            var failures: [[ValidationError]] = []
            for index in node.anyOf {
                let branch = self.errors(of: value, against: index, at: path)
                if branch.isEmpty {
                    failures = []
                    break
                }
                failures.append(branch)
            }
            if !failures.isEmpty {
                errors.append(
                    ValidationError(
                        instancePath: path, keyword: "anyOf",
                        message: "value matches none of the \(failures.count) anyOf subschemas"
                            + summary(of: failures)))
            }
        }
        if !node.oneOf.isEmpty {
            var failures: [[ValidationError]] = []
            var matches: [Int] = []
            for (position, index) in node.oneOf.enumerated() {
                let branch = self.errors(of: value, against: index, at: path)
                if branch.isEmpty { matches.append(position) } else { failures.append(branch) }
            }
            if matches.isEmpty {
                errors.append(
                    ValidationError(
                        instancePath: path, keyword: "oneOf",
                        message: "value matches none of the \(failures.count) oneOf subschemas"
                            + summary(of: failures)))
            } else if matches.count > 1 {
                let list = matches.map { "#\($0)" }.joined(separator: ", ")
                errors.append(
                    ValidationError(
                        instancePath: path, keyword: "oneOf",
                        message: "value matches \(matches.count) oneOf subschemas (\(list)), "
                            + "expected exactly one"))
            }
        }
        if let index = node.not, isValid(value, against: index, at: path) {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "not",
                    message: "value must not match the schema in not"))
        }
        if let condition = node.ifSchema {
            if isValid(value, against: condition, at: path) {
                if let then = node.thenSchema {
                    apply(
                        then, to: value, at: path, keyword: "then",
                        falseMessage: "value matches if, and then is false", into: &errors)
                }
            } else if let otherwise = node.elseSchema {
                apply(
                    otherwise, to: value, at: path, keyword: "else",
                    falseMessage: "value does not match if, and else is false", into: &errors)
            }
        }
    }

    /// `: #0: /a: expected …; #1: …` — the first errors of each failed branch.
    private func summary(of failures: [[ValidationError]]) -> String {
        let parts = failures.enumerated().map { position, branch -> String in
            var text = branch.prefix(2).map(\.description).joined(separator: "; ")
            if branch.count > 2 { text += "; …" }
            return "#\(position): \(text)"
        }
        return " [" + parts.joined(separator: " | ") + "]"
    }

    // MARK: - Objects

    private mutating func validateObject(
        _ node: SchemaNode, _ members: [String: JSONValue], at path: String,
        into errors: inout [ValidationError]
    ) {
        for name in node.required where members[name] == nil {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "required",
                    message: "missing required property \(JSONValue.quoted(name))"))
        }
        for (property, needed) in node.dependentRequired where members[property] != nil {
            for name in needed where members[name] == nil {
                errors.append(
                    ValidationError(
                        instancePath: path, keyword: "dependentRequired",
                        message: "property \(JSONValue.quoted(property)) requires property "
                            + JSONValue.quoted(name)))
            }
        }
        if let minimum = node.minProperties, members.count < minimum {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "minProperties",
                    message: "expected at least \(minimum) properties, got \(members.count)"))
        }
        if let maximum = node.maxProperties, members.count > maximum {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "maxProperties",
                    message: "expected at most \(maximum) properties, got \(members.count)"))
        }
        for dependent in node.dependentSchemas where members[dependent.name] != nil {
            validate(.object(members), against: dependent.node, at: path, into: &errors)
        }

        let needsWalk =
            !node.properties.isEmpty || !node.patternProperties.isEmpty
            || node.additionalProperties != nil || node.propertyNames != nil
        guard needsWalk else { return }
        let declared = Set(node.properties.map(\.name))
        for property in node.properties {
            guard let member = members[property.name] else { continue }
            apply(
                property.node, to: member, at: childPath(path, property.name),
                keyword: "properties",
                falseMessage: "property \(JSONValue.quoted(property.name)) is not allowed",
                into: &errors)
        }
        for name in members.keys.sorted() {
            let member = members[name]!
            let memberPath = childPath(path, name)
            if let namesSchema = node.propertyNames {
                for failure in self.errors(of: .string(name), against: namesSchema, at: memberPath)
                {
                    errors.append(
                        ValidationError(
                            instancePath: memberPath, keyword: "propertyNames",
                            message: "invalid property name \(JSONValue.quoted(name)): "
                                + failure.message))
                }
            }
            var matchedPattern = false
            for entry in node.patternProperties where entry.pattern.matches(name) {
                matchedPattern = true
                apply(
                    entry.node, to: member, at: memberPath, keyword: "patternProperties",
                    falseMessage: "property \(JSONValue.quoted(name)) is not allowed "
                        + "(matches pattern \(entry.pattern.source))",
                    into: &errors)
            }
            if let additional = node.additionalProperties, !matchedPattern,
                !declared.contains(name)
            {
                apply(
                    additional, to: member, at: memberPath, keyword: "additionalProperties",
                    falseMessage: "property \(JSONValue.quoted(name)) is not allowed "
                        + "(additionalProperties is false)",
                    into: &errors)
            }
        }
    }

    // MARK: - Arrays

    private mutating func validateArray(
        _ node: SchemaNode, _ items: [JSONValue], at path: String,
        into errors: inout [ValidationError]
    ) {
        if let minimum = node.minItems, items.count < minimum {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "minItems",
                    message: "expected at least \(minimum) items, got \(items.count)"))
        }
        if let maximum = node.maxItems, items.count > maximum {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "maxItems",
                    message: "expected at most \(maximum) items, got \(items.count)"))
        }
        if node.uniqueItems {
            var firstIndex: [JSONValue: Int] = [:]
            for (position, item) in items.enumerated() {
                if let earlier = firstIndex[item] {
                    errors.append(
                        ValidationError(
                            instancePath: childPath(path, String(position)),
                            keyword: "uniqueItems",
                            message: "item \(position) equals item \(earlier), "
                                + "but items must be unique"))
                } else {
                    firstIndex[item] = position
                }
            }
        }
        for (position, index) in node.prefixItems.enumerated() where position < items.count {
            apply(
                index, to: items[position], at: childPath(path, String(position)),
                keyword: "prefixItems", falseMessage: "no item is allowed at index \(position)",
                into: &errors)
        }
        if let rest = node.items {
            for position in node.prefixItems.count..<max(node.prefixItems.count, items.count) {
                apply(
                    rest, to: items[position], at: childPath(path, String(position)),
                    keyword: "items",
                    falseMessage: "no item is allowed at index \(position) (expected at most "
                        + "\(node.prefixItems.count) items)",
                    into: &errors)
            }
        }
        if let contains = node.contains {
            var matching = 0
            for (position, item) in items.enumerated()
            where isValid(item, against: contains, at: childPath(path, String(position))) {
                matching += 1
            }
            let minimum = node.minContains ?? 1
            if matching < minimum {
                errors.append(
                    ValidationError(
                        instancePath: path, keyword: minimum == 1 ? "contains" : "minContains",
                        message: "expected at least \(minimum) items matching contains, "
                            + "got \(matching)"))
            }
            if let maximum = node.maxContains, matching > maximum {
                errors.append(
                    ValidationError(
                        instancePath: path, keyword: "maxContains",
                        message: "expected at most \(maximum) items matching contains, "
                            + "got \(matching)"))
            }
        }
    }

    // MARK: - Strings

    private func validateString(
        _ node: SchemaNode, _ string: String, at path: String,
        into errors: inout [ValidationError]
    ) {
        if node.minLength != nil || node.maxLength != nil {
            // JSON Schema measures length in Unicode code points.
            let length = string.unicodeScalars.count
            if let minimum = node.minLength, length < minimum {
                errors.append(
                    ValidationError(
                        instancePath: path, keyword: "minLength",
                        message: "expected at least \(minimum) characters, got \(length)"))
            }
            if let maximum = node.maxLength, length > maximum {
                errors.append(
                    ValidationError(
                        instancePath: path, keyword: "maxLength",
                        message: "expected at most \(maximum) characters, got \(length)"))
            }
        }
        if let pattern = node.pattern, !pattern.matches(string) {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "pattern",
                    message: "\(JSONValue.string(string).rendered()) does not match pattern "
                        + pattern.source))
        }
    }

    // MARK: - Numbers

    private func validateNumber(
        _ node: SchemaNode, _ number: JSONNumber, at path: String,
        into errors: inout [ValidationError]
    ) {
        func check(
            _ bound: JSONNumber?, _ keyword: String, _ relation: String,
            _ passes: (ComparisonResult) -> Bool
        ) {
            guard let bound, !passes(JSONNumber.compare(number, bound)) else { return }
            errors.append(
                ValidationError(
                    instancePath: path, keyword: keyword,
                    message: "expected a number \(relation) \(bound), got \(number)"))
        }
        check(node.minimum, "minimum", ">=") { $0 != .orderedAscending }
        check(node.maximum, "maximum", "<=") { $0 != .orderedDescending }
        check(node.exclusiveMinimum, "exclusiveMinimum", ">") { $0 == .orderedDescending }
        check(node.exclusiveMaximum, "exclusiveMaximum", "<") { $0 == .orderedAscending }
        if let divisor = node.multipleOf, !number.isMultiple(of: divisor) {
            errors.append(
                ValidationError(
                    instancePath: path, keyword: "multipleOf",
                    message: "expected a multiple of \(divisor), got \(number)"))
        }
    }

    // MARK: - Paths

    private func childPath(_ path: String, _ token: String) -> String {
        path + "/" + JSONPointer.escape(token)
    }

    private func display(_ pointer: String) -> String {
        "#" + pointer
    }
}
