import ArgumentParser
import Dispatch
import Foundation
import ScenarioLoading

/// Turns Ctrl-C (SIGINT) into cancellation of a running task, so long runs stop cleanly: the
/// engine checks for cancellation between blocks of draws and nothing partial is written.
public enum Interrupt {
    /// Runs `operation`, cancelling it on SIGINT; restores the default handler afterwards.
    /// - Throws: what `operation` throws; a cancelled run exits with 130 (the shell's code for
    ///   a command stopped by SIGINT) after the one-line message, without an error dump.
    public static func cancellingOnSIGINT<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await operation() }
        signal(SIGINT, SIG_IGN)
        // A queue of its own: a serial queue targets an overcommitting root queue, which gets a
        // thread even while the run keeps every core busy; on `.global()` the handler waited for
        // the whole run when all worker threads were simulating.
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "phm.interrupt"))
        source.setEventHandler {
            FileHandle.standardError.write(Data("\ninterrupted: stopping; no results are written\n".utf8))
            task.cancel()
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        do {
            return try await task.value
        } catch is CancellationError {
            throw ExitCode(ExitStatus.interrupted)
        }
    }
}
