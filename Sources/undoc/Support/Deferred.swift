import Foundation

/// A value computed on another thread, started at once and waited for where it is needed:
/// `parse` compiles its grammars while pdftotext converts the first inputs.
final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once before `done` is left, read only after waiting for it.
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        done.enter()
        // Its own thread: Dispatch's global queue can be fully taken by threads that wait on
        // pdftotext, and the work would then start only when one of them ends.
        Thread.detachNewThread {
            self.result = Result { try work() }
            self.done.leave()
        }
    }

    /// The value, or the error the work threw.
    func get() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
