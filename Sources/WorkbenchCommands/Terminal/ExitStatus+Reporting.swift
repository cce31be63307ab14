import Reporting
import ScenarioLoading

// The sysexits code of each failure the reporting layer can meet (``ExitStatus``).

extension ResultsFolderError {
    var exitCode: Int32 {
        switch self {
        case .cannotCreate: return ExitStatus.cannotCreate
        case .writeFailed: return ExitStatus.ioError
        case .interrupted: return ExitStatus.interrupted
        }
    }
}

extension NonFiniteValue {
    /// The inputs passed validation, so a non-finite result is a fault of phm's.
    var exitCode: Int32 { ExitStatus.software }
}

extension RunFolderReader.Failure {
    /// No results folder to read → no input; one that is incomplete or not a whole run → data.
    var exitCode: Int32 {
        switch self {
        case .missingSummary, .unsealed(.notAFolder), .unsealed(.noManifest): return ExitStatus.noInput
        case .invalidSummary, .unsealed: return ExitStatus.dataError
        }
    }
}
