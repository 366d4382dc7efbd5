import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a child process ended.
enum ProcessEnding: Equatable {
    case exit(Int32)
    case signal(Int32)
    case timedOut
}

struct ProcessResult {
    var stdout: [UInt8]
    var stderr: [UInt8]
    var ending: ProcessEnding
}

/// Runs a program with its output on pipes. Both pipes are drained at once (stderr on a
/// second thread), so a child that writes much to either never blocks; a child still
/// running at the deadline is killed with SIGKILL, with everything it started, so a hung
/// converter cannot hang undoc.
enum ProcessRunner {
    static func run(_ executable: String, arguments: [String], timeout: Double) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        // waitUntilExit() polls a run loop every 50 ms on Linux; a semaphore signalled by
        // the termination handler returns as soon as the child is reaped.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        let timedOut = Flag()
        let pid = process.processIdentifier
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + max(timeout, 0.001))
        timer.setEventHandler {
            guard process.isRunning else { return }
            timedOut.set()
            // Foundation starts the child as the leader of its own process group: killing the
            // group also ends what it started (a wrapper script's pdftotext), which would
            // otherwise keep the pipes open.
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        timer.resume()

        let errorBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        timer.cancel()
        try? out.fileHandleForReading.close()
        try? err.fileHandleForReading.close()

        let ending: ProcessEnding
        if timedOut.isSet {
            ending = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signal(process.terminationStatus)
        } else {
            ending = .exit(process.terminationStatus)
        }
        return ProcessResult(stdout: [UInt8](output), stderr: [UInt8](errorBox.data), ending: ending)
    }

    /// A flag set from the timer's thread and read after the child has exited.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    /// Standard error's bytes, written by the reader thread before `group.leave()`.
    private final class Box: @unchecked Sendable {
        var data = Data()
    }
}
