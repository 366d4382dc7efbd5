import Foundation

/// Maps over inputs on `jobs` threads, keeping the input order in the result. Each worker
/// takes the next unclaimed index, so one slow file does not hold up the others.
public func parallelMap<T: Sendable, R: Sendable>(_ inputs: [T], jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
                                           _ transform: @escaping @Sendable (T) -> R) -> [R] {
    let box = ResultBox<R>(count: inputs.count)
    let workers = max(1, min(jobs, inputs.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let index = box.claim() {
            let result = transform(inputs[index])
            let done = box.store(result, at: index)
            progress?(done)
        }
    }
    return box.results()
}

private final class ResultBox<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [R?]
    private var next = 0
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: R, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        done += 1
        return done
    }

    func results() -> [R] { slots.map { $0! } }
}
