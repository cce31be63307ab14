/// One problem found in a scenario file, positioned so an editor can jump to it.
///
/// Rendered as `FILE:LINE:COLUMN: KEY.PATH: message`, the format compilers use, so terminals
/// and editors make it clickable.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line; 0 when the problem concerns the file as a whole.
    public let line: Int
    /// 1-based column; 0 when unknown.
    public let column: Int
    /// Dotted key path, e.g. `needs.hypertension.use.gp_apointment`; empty for the whole file.
    public let path: String
    public let message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        let position = line > 0 ? "\(file):\(line):\(max(column, 1))" : file
        return path.isEmpty ? "\(position): \(message)" : "\(position): \(path): \(message)"
    }
}

/// Why a scenario could not be loaded.
public enum ScenarioLoadError: Error, Sendable, CustomStringConvertible {
    /// The file does not exist or cannot be read (exit 66, EX_NOINPUT).
    case unreadable(file: String, reason: String)
    /// The file holds nothing but whitespace and comments (exit 66).
    case empty(file: String)
    /// The file was read but has problems; every one found, in file order (exit 65, EX_DATAERR).
    case invalid([Diagnostic])

    /// The sysexits.h code a command should exit with.
    public var exitCode: Int32 {
        switch self {
        case .unreadable, .empty: return ExitStatus.noInput
        case .invalid: return ExitStatus.dataError
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot read the scenario: \(reason)"
        case .empty(let file): return "\(file): the file is empty; expected a scenario (see `phm new`)"
        case .invalid(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
