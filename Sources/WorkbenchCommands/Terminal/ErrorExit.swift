import ArgumentParser
import EquityAnalysis
import Foundation
import Reporting
import ScenarioLoading
import ScenarioModel

/// The process exit: sysexits codes only (0, 64, 65, 66, 70, 73, 74; 130 after Ctrl-C), never
/// the 1 that ArgumentParser gives an unknown error, and never a Foundation error's raw text.
extension Workbench {
    public static func main() async {
        Signals.shared.install()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // a signal handler is ending the process (and removed what the command was reading)
            if Signals.shared.exiting.value { try? await Task.sleep(nanoseconds: 10_000_000_000) }
            exit(withError: ErrorExit.mapped(error))
        }
    }
}

/// Maps an error that reached the top to a sysexits code (``ExitStatus``) and one line.
enum ErrorExit {
    /// Errors ArgumentParser handles itself (usage 64, help, `ExitCode`) pass through; every
    /// other error prints one line and becomes an `ExitCode`.
    static func mapped(_ error: Error) -> Error {
        switch error {
        case is ExitCode, is CleanExit, is ValidationError:
            return error
        case let error as ScenarioLoadError:
            return report(error.description, error.exitCode)
        case let error as ResultsFolderError:
            return report(error.description, error.exitCode)
        case let error as NonFiniteValue:
            return report(error.description, error.exitCode)
        case let error as EquityError:
            // The scenario's values, in some draw, give what the equity measures cannot take.
            return report("phm: \(error)", ExitStatus.dataError)
        case let error as CocoaError:
            return report("phm: \(error.filePath.map { "\($0): " } ?? "")\(FileProblem.reason(error))", ExitStatus.ioError)
        default:
            // ArgumentParser's own parse errors (CommandError is internal) keep exit 64.
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return error }
            return report("phm: \(error)", ExitStatus.software)
        }
    }

    private static func report(_ message: String, _ code: Int32) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(code)
    }
}
