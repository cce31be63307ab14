/// Why ``OptionWriter`` wrote nothing, with the sysexits code a command exits with.
public enum OptionWriterError: Error, Equatable, CustomStringConvertible {
    /// The scenario file could not be read again (moved or unreadable since it was loaded).
    case cannotRead(path: String, reason: String)
    /// The scenario with the new option does not load: a fault in the writer, not in the file.
    case doesNotLoad(String)
    /// The new file (or its staging copy beside it) cannot be created.
    case cannotWrite(path: String, reason: String)
    /// `options:` is a flow mapping (`options: {a: …}`), which the writer does not edit.
    case inlineOptions

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "--save-option: cannot read \(path) again: \(reason)"
        case .doesNotLoad(let diagnostics):
            return "--save-option: the scenario with the new option does not load, so nothing was written:\n\(diagnostics)"
        case .cannotWrite(let path, let reason):
            return "--save-option: cannot write \(path): \(reason)"
        case .inlineOptions:
            return "--save-option: `options:` is written inline; write it as a block (one option per indented key) to add to it"
        }
    }

    /// I/O error for a file that cannot be read again, internal error for text that does not
    /// load, cannot-create for a file that cannot be written, data error for an inline `options:`.
    public var exitCode: Int32 {
        switch self {
        case .cannotRead: return ExitStatus.ioError
        case .doesNotLoad: return ExitStatus.software
        case .cannotWrite: return ExitStatus.cannotCreate
        case .inlineOptions: return ExitStatus.dataError
        }
    }
}
