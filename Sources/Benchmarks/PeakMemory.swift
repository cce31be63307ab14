import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The benchmark's memory figures: the most resident memory a process has used.
public enum PeakMemory {
    /// Peak resident set size of this process in MiB (Linux reports ru_maxrss in KiB).
    public static func mebibytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// How a measured command ended and its peak resident memory.
    public struct ChildRun: Sendable {
        public let mebibytes: Int
        /// Exit status, or 128 + the signal that ended it (137: killed, e.g. out of memory).
        public let status: Int32
        public let seconds: Double
    }

    /// Runs `executable arguments…` to the end (standard output and error to `log`) and returns
    /// its own peak resident memory, from `wait4`'s rusage of that one child. A separate process
    /// is measured because ru_maxrss never falls: two sizes measured in one process would both
    /// report the larger, and a run's memory is what a user's `phm run` takes, files and report
    /// included.
    public static func ofChild(executable: String, arguments: [String], log: String) throws(BenchmarkError) -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw .child("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw .child("waiting for \(executable): \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (Swift does not import the macros).
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return ChildRun(mebibytes: usage.ru_maxrss / 1024, status: code, seconds: Date().timeIntervalSince(start))
    }
}
