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
        let pid = try spawned.get()

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
        drain(outPipe[0], into: &output, errPipe[0], into: &errors, deadline: deadline, onDeadline: killGroup)
        close(outPipe[0])
        close(errPipe[0])

        // Both pipes are closed; the child has usually exited too. One that closed its output
        // and kept running is still bound by the deadline.
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { break }
            if now() >= deadline { killGroup() }
            usleep(200)
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
    private static func drain(_ first: Int32, into firstBytes: inout [UInt8], _ second: Int32, into secondBytes: inout [UInt8],
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

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
