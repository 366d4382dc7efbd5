import Foundation

/// Writes command output to standard output, or to a file atomically: the data goes to a
/// temporary file beside the target, which is then renamed over it, so an interrupted run
/// never leaves a half-written file and an existing file is replaced only when complete.
enum OutputWriter {
    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw OutputError(path: path, reason: reason)
            }
        } catch let error as OutputError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

struct OutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): cannot write output: \(reason)" }
}
