/// Why a benchmark could not be measured, in words a developer can act on.
public enum BenchmarkError: Error, Equatable, CustomStringConvertible {
    /// A Python helper could not be started, exited non-zero or printed something other than
    /// the JSON object it promises; the text says which helper and what to check.
    case python(String)

    public var description: String {
        switch self {
        case .python(let text): return text
        }
    }
}
