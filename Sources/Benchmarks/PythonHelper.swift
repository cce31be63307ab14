import Foundation

/// A Python script run for its one JSON object on standard output (the benchmarks' NumPy
/// reference and HiGHS timing). Python is a development dependency of `phm-bench` only; the
/// shipped `phm` never starts it.
public enum PythonHelper {
    /// Runs `python ARGUMENTS…` and parses the JSON object it prints; `failure` is the error's
    /// message when it cannot start, exits non-zero or prints anything else. Cancelling the task
    /// terminates Python (Foundation starts it in its own process group, so Ctrl-C does not reach it).
    public static func json(python: String, arguments: [String], failure: String) async throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw BenchmarkError.python("\(failure): \(error.localizedDescription)")
        }
        let pid = process.processIdentifier
        let data = await withTaskCancellationHandler {
            output.fileHandleForReading.readDataToEndOfFile()
        } onCancel: {
            kill(pid, SIGTERM)
        }
        process.waitUntilExit()
        try Task.checkCancellation()
        guard process.terminationStatus == 0,
              let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else {
            throw BenchmarkError.python(failure)
        }
        return json
    }
}
