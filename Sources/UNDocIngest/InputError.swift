/// Why an input could not be read at all. Each case's description is the one-line
/// message the CLI prints after the file name.
public enum InputError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound
    case isDirectory
    case notRegularFile
    case unreadable(String)
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case binary(String)
    case unsupportedFormat(String, advice: String)

    public var description: String {
        switch self {
        case .notFound: "no such file"
        case .isDirectory: "is a directory, not a file"
        case .notRegularFile: "is not a regular file"
        case .unreadable(let why): "cannot be read: \(why)"
        case .empty: "is empty"
        case .tooLarge(let bytes, let limit):
            "is \(InputError.megabytes(bytes)), larger than the limit of \(InputError.megabytes(limit)) (raise it with --max-size)"
        case .binary(let what): "is a binary file (\(what)), not text"
        case .unsupportedFormat(let what, let advice): "is \(what), which this version of undoc does not read: \(advice)"
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb >= 10 ? "\(Int(mb.rounded())) MB" : "\(Double(Int(mb * 10)) / 10) MB"
    }
}

/// An input error together with the file it concerns.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let error: InputError

    public init(file: String, error: InputError) {
        self.file = file
        self.error = error
    }

    public var description: String { "\(file): \(error)" }
}
