import ArgumentParser
import Foundation
import Reporting
import ScenarioLoading

/// Runtime failures: the command line was right, so no usage text, only `phm: MESSAGE` on
/// standard error and a sysexits code (``ExitStatus``). `ValidationError` stays for mistakes in
/// the command line itself, which ArgumentParser reports with the usage and exit 64.
enum Failure {
    /// Writes `phm: message` to standard error; throw what it returns.
    static func exit(_ message: String, status: Int32) -> ExitCode {
        FileHandle.standardError.write(Data("phm: \(message)\n".utf8))
        return ExitCode(status)
    }
}
