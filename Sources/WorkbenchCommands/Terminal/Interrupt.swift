import ArgumentParser
import Foundation
import ScenarioLoading

/// Turns Ctrl-C (SIGINT), SIGTERM and SIGHUP into cancellation of a running task, so long runs
/// stop cleanly: the engine checks for cancellation between blocks of draws and nothing partial
/// is written.
public enum Interrupt {
    /// Runs `operation`, cancelling it on a signal (``Signals``).
    /// - Throws: what `operation` throws; a cancelled run exits with 128 + signal (130 for
    ///   Ctrl-C, the shell's code for a command stopped by SIGINT) after the one-line message,
    ///   without an error dump.
    public static func cancellingOnSIGINT<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await operation() }
        let received = Locked<Int32?>(nil)
        let value: T
        do {
            value = try await Signals.shared.during({ number in
                received.value = number
                FileHandle.standardError.write(Data("\ninterrupted: stopping; no results are written\n".utf8))
                task.cancel()
            }) {
                try await task.value
            }
        } catch is CancellationError {
            throw ExitCode(128 + (received.value ?? SIGINT))
        }
        // A signal in the last moment of a run, after its last check for cancellation: the
        // message said nothing is written, so nothing is.
        if let number = received.value { throw ExitCode(128 + number) }
        return value
    }
}
