import Foundation

/// Runs one notebook command with this same `phm` executable, in the current folder, with
/// `PHM_NOTEBOOK=1` (no timestamped paths) and `NO_COLOR=1`.
enum NotebookCommand {
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// This process's executable (`/proc/self/exe` on Linux, else the path it was started by).
    static var executable: URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: proc.path) {
            return URL(fileURLWithPath: resolved)
        }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PHM_NOTEBOOK"] = "1"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        // Standard error goes to a file so that a chatty command cannot fill a pipe and stall.
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("phm-notebook-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errorHandle.close()
        let errorText = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, standardOutput: String(decoding: data, as: UTF8.self), standardError: errorText)
    }
}
