import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
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

/// Why a program could not be started.
struct SpawnError: Error, LocalizedError {
    var executable: String
    var code: Int32

    var errorDescription: String? { "\(executable): \(String(cString: strerror(code)))" }
}

/// Runs a program with its output on pipes, with `posix_spawn` (Foundation's `Process` lists
/// every open descriptor and reads the user database before it spawns: milliseconds that
/// count next to a short pdftotext run). Both pipes are drained at once with `poll`, so a
/// child that writes much to either never blocks. The child leads its own process group, and
/// a child still running at the deadline is killed with SIGKILL together with everything it
/// started, so a hung converter cannot hang undoc.
enum ProcessRunner {
    static func run(_ executable: String, arguments: [String], timeout: Double) throws -> ProcessResult {
        let deadline = now() + max(timeout, 0.001)
        return try spawnChild(executable, arguments: arguments).collect(deadline: deadline)
    }

    /// Starts the program now and collects its output on another thread, so that undoc can
    /// go on starting up while it runs; `StartedProcess.wait()` gives the same result `run`
    /// would have given. The deadline counts from now.
    static func start(_ executable: String, arguments: [String], timeout: Double) throws -> StartedProcess {
        let deadline = now() + max(timeout, 0.001)
        let child = try spawnChild(executable, arguments: arguments)
        let started = StartedProcess(pid: child.pid)
        // A thread of its own, not a Dispatch worker: collecting blocks for the whole run, and
        // the global queue has only as many workers as cores, so two collectors on two cores
        // would hold back the grammar compilation that is meant to overlap with them.
        Thread.detachNewThread {
            started.finish(child.collect(deadline: deadline))
        }
        return started
    }

    /// A spawned child and the read ends of its output pipes.
    private struct Child {
        var pid: pid_t
        var stdout: Int32
        var stderr: Int32

        /// Reads both pipes to their ends and reaps the child, killing its group at the deadline.
        func collect(deadline: Double) -> ProcessResult {
            var output: [UInt8] = []
            var errors: [UInt8] = []
            var killed = false
            func killGroup() {
                guard !killed else { return }
                killed = true
                // The group first: it also ends what the child started (a wrapper script's
                // pdftotext), which would otherwise keep the pipes open.
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
            }
            ProcessRunner.drain(stdout, into: &output, stderr, into: &errors, deadline: deadline, onDeadline: killGroup)
            close(stdout)
            close(stderr)

            // Both pipes are closed; the child has usually exited too. One that closed its output
            // and kept running is still bound by the deadline.
            var status: Int32 = 0
            while true {
                let reaped = waitpid(pid, &status, WNOHANG)
                if reaped == pid { break }
                if reaped < 0, errno != EINTR { break }
                if ProcessRunner.now() >= deadline { killGroup() }
                // Short steps: the pipes close a moment before the child can be reaped, and
                // every step here is waited for by the parse of this PDF.
                usleep(50)
            }

            let ending: ProcessEnding
            let signal = status & 0x7F
            if killed {
                ending = .timedOut
            } else if signal == 0 {
                ending = .exit((status >> 8) & 0xFF)
            } else {
                ending = .signal(signal)
            }
            return ProcessResult(stdout: output, stderr: errors, ending: ending)
        }
    }

    private static func spawnChild(_ executable: String, arguments: [String]) throws -> Child {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        // Pipes are made and children spawned under one lock: a child spawned by another
        // thread (parallel jobs) between `pipe` and close-on-exec would inherit a write end
        // and keep the pipe open after ours exits.
        let spawned: Result<pid_t, SpawnError> = spawnLock.withLock {
            guard makePipe(&outPipe) else { return .failure(SpawnError(executable: executable, code: errno)) }
            guard makePipe(&errPipe) else {
                let code = errno
                close(outPipe[0])
                close(outPipe[1])
                return .failure(SpawnError(executable: executable, code: code))
            }
            let result = spawn(executable, arguments, stdout: outPipe[1], stderr: errPipe[1])
            // The child has its copies; the parent keeps only the read ends.
            close(outPipe[1])
            close(errPipe[1])
            if case .failure = result {
                close(outPipe[0])
                close(errPipe[0])
            }
            return result
        }
        return Child(pid: try spawned.get(), stdout: outPipe[0], stderr: errPipe[0])
    }

    private static let spawnLock = NSLock()

    /// A pipe whose two ends are closed on exec (only the child's dup2 copies survive it).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    private static func spawn(_ executable: String, _ arguments: [String], stdout: Int32, stderr: Int32)
        -> Result<pid_t, SpawnError>
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (for the kill at the deadline), default signal handling and
        // an empty signal mask, whatever undoc's own are.
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let code = argv.withUnsafeBufferPointer { argv in
            posix_spawn(&pid, executable, &actions, &attributes, argv.baseAddress!, environ)
        }
        return code == 0 ? .success(pid) : .failure(SpawnError(executable: executable, code: code))
    }

    /// Reads both descriptors to their ends, calling `onDeadline` (once) when the deadline
    /// passes; reading goes on after it, until the killed child's pipes close.
    fileprivate static func drain(_ first: Int32, into firstBytes: inout [UInt8], _ second: Int32, into secondBytes: inout [UInt8],
                              deadline: Double, onDeadline: () -> Void) {
        var fds = [pollfd(fd: first, events: Int16(POLLIN), revents: 0), pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var open = 2
        var deadlinePassed = false
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while open > 0 {
            let left = deadline - now()
            if left <= 0, !deadlinePassed {
                deadlinePassed = true
                onDeadline()
            }
            // After the kill, wait in short steps: the pipes close as the group dies.
            let wait = deadlinePassed ? 100 : Int32(min(max(left * 1000, 1), 1000))
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            for k in fds.indices where fds[k].fd >= 0 && fds[k].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fds[k].fd, $0.baseAddress, chunk) }
                if count > 0 {
                    if k == 0 {
                        firstBytes.append(contentsOf: buffer[0..<count])
                    } else {
                        secondBytes.append(contentsOf: buffer[0..<count])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    fds[k].fd = -1 // poll ignores a negative descriptor
                    open -= 1
                }
            }
        }
    }

    fileprivate static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A child process started by `ProcessRunner.start`, its output collected on another thread.
final class StartedProcess: @unchecked Sendable {
    let pid: pid_t
    private let done = DispatchSemaphore(value: 0)
    // Written once before `done` is signalled, read only after waiting for it.
    private var result: ProcessResult?
    private let lock = NSLock()
    private var finished = false

    fileprivate init(pid: pid_t) { self.pid = pid }

    fileprivate func finish(_ result: ProcessResult) {
        self.result = result
        lock.withLock { finished = true }
        done.signal()
    }

    /// The child's output and how it ended; blocks until it has ended.
    func wait() -> ProcessResult {
        done.wait()
        done.signal() // a second `wait` returns at once
        return result!
    }

    /// Kills the child and everything it started, unless it has already been reaped.
    func cancel() {
        lock.withLock {
            guard !finished else { return }
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
    }
}
