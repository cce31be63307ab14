import ScenarioModel

/// Why a ``ParameterSampler`` could not be built from a scenario's parameters and correlations.
public enum ParameterSamplerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Two parameters share a path, so streams and correlations could not tell them apart.
    case duplicatePath(String)
    /// A distribution's parameters are invalid (``Distribution/parameterProblem``).
    case invalidDistribution(path: String, problem: String)
    /// Two paths hash to the same 64-bit stream key (chance about 2⁻⁶⁴ per pair) and would
    /// draw identical numbers.
    case streamKeyCollision(first: String, second: String)
    /// A correlation names the same parameter twice.
    case selfCorrelation(Scenario.Correlation)
    /// A correlation names a path that is not among the parameters.
    case unknownPath(String, in: Scenario.Correlation)
    /// A correlation names a parameter that does not vary between draws.
    case fixedParameter(String, in: Scenario.Correlation)
    /// `rho` is not a finite number strictly between −1 and 1.
    case rhoOutOfRange(Scenario.Correlation)
    /// The same pair (in either order) is correlated twice.
    case repeatedPair(Scenario.Correlation, earlier: Scenario.Correlation)
    /// The correlations cannot hold together: the correlation matrix is not positive definite.
    /// `path` is the first parameter (in parameter order, among those linked to it by
    /// correlations) at which the matrix stops being positive definite; `conflicting` are its
    /// correlations with the parameters before it, at least one of which must change.
    case inconsistentCorrelations(path: String, conflicting: [Scenario.Correlation])

    public var description: String {
        switch self {
        case .duplicatePath(let path):
            return "\(path): the parameter appears twice; each path must be listed once"
        case .invalidDistribution(let path, let problem):
            return "\(path): \(problem)"
        case .streamKeyCollision(let first, let second):
            return "\(first) and \(second) hash to the same random stream key; rename one of them"
        case .selfCorrelation(let correlation):
            return "correlation \(Self.describe(correlation)) names the same parameter twice"
        case .unknownPath(let path, let correlation):
            return "correlation \(Self.describe(correlation)): no parameter at \(path)"
        case .fixedParameter(let path, let correlation):
            return "correlation \(Self.describe(correlation)): \(path) is a fixed number; "
                + "only parameters given as distributions can be correlated"
        case .rhoOutOfRange(let correlation):
            return "correlation \(Self.describe(correlation)): rho must be strictly between −1 and 1"
        case .repeatedPair(let correlation, let earlier):
            return "correlation \(Self.describe(correlation)) repeats \(Self.describe(earlier)); keep one of them"
        case .inconsistentCorrelations(let path, let conflicting):
            let pairs = conflicting.map(Self.describe).joined(separator: ", ")
            return "correlations are inconsistent at \(path): its correlations \(pairs) cannot hold together "
                + "with those among the parameters before it (the correlation matrix is not positive definite); "
                + "weaken one of them"
        }
    }

    private static func describe(_ correlation: Scenario.Correlation) -> String {
        "[\(correlation.first), \(correlation.second)] rho \(correlation.rho)"
    }
}
