import Foundation

/// What an index run did.
public struct IndexReport: Sendable, Codable, Equatable {
    /// Files found under the paths given.
    public var files = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var removed = 0
    /// Files that could not be read (reported to the failure handler).
    public var failed = 0
    /// Documents in the index after the run.
    public var documents = 0
    public var nodes = 0
    public var edges = 0
    public var graphRebuilt = false
    public var seconds = 0.0
    /// Where the time went.
    public var timings = IndexTimings()

    public init() {}
}

/// Seconds spent in each phase of an index run (for BENCHMARKS.md and `--format json`).
public struct IndexTimings: Sendable, Codable, Equatable {
    /// Listing and hashing the files, before the write lock is taken.
    public var scan = 0.0
    /// Waiting for the write lock (another writer).
    public var lock = 0.0
    /// The writer waiting for parsed files (parsing runs alongside writing).
    public var parseWait = 0.0
    /// Storing the rows of parsed files (and deleting their old rows).
    public var write = 0.0
    /// Adding their text to the full-text index.
    public var fullText = 0.0
    /// Removing deleted files.
    public var remove = 0.0
    /// Reading and decoding every document's stored facts.
    public var graphLoad = 0.0
    /// GraphBuilder over them.
    public var graphBuild = 0.0
    /// Writing the graph's changes.
    public var graphWrite = 0.0
    public var commit = 0.0

    public init() {}
}

/// Measures consecutive phases.
struct Clock {
    private var last = Date()

    /// Seconds since the previous lap (or since `since`), starting the next one.
    mutating func lap(since start: Date? = nil) -> Double {
        let now = Date()
        defer { last = now }
        return now.timeIntervalSince(start ?? last)
    }
}
