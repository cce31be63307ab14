import Foundation

/// The benchmark's memory figure: the most resident memory this process has used so far.
public enum PeakMemory {
    /// Peak resident set size in MiB (Linux reports ru_maxrss in KiB).
    public static func mebibytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
