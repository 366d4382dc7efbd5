import Foundation

/// Thread priority for work that only prepares: on Linux each thread has its own nice value.
enum Niceness {
    /// Gives the calling thread nice 10: it still runs at once on an idle core, and yields
    /// to normal-priority work (a pdftotext undoc is waiting for) on a busy one.
    static func lowerForThisThread() {
        #if os(Linux)
        // (Thread 0 would mean the whole process.)
        guard let thread = threadID() else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(thread), 10)
        #endif
    }

    #if os(Linux)
    /// The kernel's id of the calling thread (Glibc's `gettid` is not imported into Swift).
    private static func threadID() -> pid_t? {
        // pthread_self is not the kernel id; the thread's entry in /proc/thread-self names it.
        var buffer = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let id = text.split(separator: "/").last.flatMap({ pid_t($0) }), id > 0 else { return nil }
        return id
    }
    #endif
}
