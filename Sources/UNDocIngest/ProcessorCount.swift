import Foundation

/// The number of cores undoc may use, read once: Foundation reads the cgroup quota files and
/// the CPU affinity each time it is asked, and the default of every `--jobs` asks again.
public enum ProcessorCount {
    public static let active = ProcessInfo.processInfo.activeProcessorCount
}
