/// One way in which an instance fails a schema.
public struct ValidationError: Sendable, CustomStringConvertible, Equatable, Hashable {
    /// Where in the instance the failure is, as a JSON Pointer (`/paragraphs/3/number`);
    /// the empty string is the whole instance.
    public let instancePath: String
    /// The schema keyword that failed (`type`, `required`, `additionalProperties`, …).
    public let keyword: String
    /// A human-readable explanation (`expected type string, got integer`).
    public let message: String

    /// Creates an error; the validator makes these, tests may make them to compare.
    public init(instancePath: String, keyword: String, message: String) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.message = message
    }

    /// `/paragraphs/3/number: expected type string, got integer (type)`; the whole
    /// instance shows as `(root)`.
    public var description: String {
        "\(instancePath.isEmpty ? "(root)" : instancePath): \(message) (\(keyword))"
    }
}
