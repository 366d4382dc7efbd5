import Foundation

/// Runs the `undoc` binary that `swift test` built next to the test bundle.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        // The test bundle lives in the products directory, next to the executables.
        var directory = Bundle.main.bundleURL
        for candidate in [Bundle.main.bundleURL] + Bundle.allBundles.map(\.bundleURL) {
            let probe = candidate.deletingLastPathComponent().appendingPathComponent("undoc")
            if FileManager.default.isExecutableFile(atPath: probe.path) { return probe }
            directory = candidate
        }
        let fallback = directory.appendingPathComponent("undoc")
        return fallback
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> CLIResult {
        try run(arguments, input: stdin.map { Data($0.utf8) }, in: directory)
    }

    /// Runs `undoc` with `input` (any bytes: a PDF, a Word file) on its standard input.
    static func run(_ arguments: [String], input stdin: Data?, in directory: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("undoc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
