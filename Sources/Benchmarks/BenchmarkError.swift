/// Why a benchmark could not be measured, in words a developer can act on.
public enum BenchmarkError: Error, Equatable, CustomStringConvertible {
    /// A Python helper could not be started, exited non-zero or printed something other than
    /// the JSON object it promises; the text says which helper and what to check.
    case python(String)
    /// A measured command (`phm run` for the memory figures) could not be started or waited for.
    case child(String)

    public var description: String {
        switch self {
        case .python(let text), .child(let text): return text
        }
    }
}
