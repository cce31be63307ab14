import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The benchmark's memory figures: the most resident memory a process has used.
public enum PeakMemory {
    /// How a measured command ended and its peak resident memory.
    public struct ChildRun: Sendable {
        public let mebibytes: Int
        /// Exit status, or 128 + the signal that ended it (137: killed, e.g. out of memory).
        public let status: Int32
        public let seconds: Double

        public init(mebibytes: Int, status: Int32, seconds: Double) {
            self.mebibytes = mebibytes
            self.status = status
            self.seconds = seconds
        }
    }

    /// GNU time, which measures the child it forks itself.
    public static let timeCommand = "/usr/bin/time"

    /// Runs `executable arguments…` to the end (standard output and error to `log`) and returns
    /// its own peak resident memory in MiB.
    ///
    /// The figure comes from GNU time (Debian `time`), which forks the command from its own small
    /// process and reports that child's ru_maxrss (in KiB). Measuring phm-bench's own child
    /// directly would not do: posix_spawn starts it sharing phm-bench's memory (vfork), and Linux
    /// carries the peak of the memory a process had before `exec` into its ru_maxrss, so every
    /// figure would be at least phm-bench's own peak. And one process per size, because
    /// ru_maxrss never falls.
    public static func ofChild(executable: String, arguments: [String], log: String) throws(BenchmarkError) -> ChildRun {
        guard FileManager.default.isExecutableFile(atPath: timeCommand) else {
            throw .child("no \(timeCommand): install GNU time (Debian package `time`) for the memory figures")
        }
        let stats = log + ".peak"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The path must outlive posix_spawn (glibc before 2.29 keeps the pointer, not a copy).
        guard let logPath = strdup(log) else { throw .child("out of memory starting \(executable)") }
        defer { free(logPath) }
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([timeCommand, "-f", "%M", "-o", stats, executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, timeCommand, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw .child("cannot start \(executable) with its output to \(log): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw .child("waiting for \(executable): \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (Swift does not import the macros);
        // GNU time exits with the command's status.
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        // time writes "Command exited with non-zero status N" first when it did; %M is the last line.
        let text = (try? String(contentsOfFile: stats, encoding: .utf8)) ?? ""
        guard let kib = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw .child("\(timeCommand) gave no peak memory for \(executable) (status \(code)); see \(log)")
        }
        return ChildRun(mebibytes: kib / 1024, status: code, seconds: Date().timeIntervalSince(start))
    }
}
