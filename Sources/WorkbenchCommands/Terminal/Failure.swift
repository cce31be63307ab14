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

extension Failure {
    /// Builds a results folder under `out`; a folder or file that cannot be created (no space,
    /// no permission, a file where a folder should be) exits 73 with the reason, and the
    /// unfinished folder is removed (``ResultsFolder`` discards it).
    static func writingResults(under out: String, _ body: () throws -> ResultsFolder) throws -> ResultsFolder {
        do {
            return try body()
        } catch {
            throw exit("cannot write the results under \(out): \(error.localizedDescription)", status: ExitStatus.cannotCreate)
        }
    }
}
