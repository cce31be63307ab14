/// Why a linear program has no optimal solution, or could not be solved or written.
public enum LinearProgramError: Error, Equatable, CustomStringConvertible {
    /// No point satisfies every constraint. `conflicting` names the constraints on which Clp's
    /// Farkas (infeasibility) ray is non-zero: rows that cannot hold together, given the
    /// variables' bounds. Empty when Clp gives no ray.
    case infeasible(conflicting: [String])
    /// The objective improves without limit; `direction` names the variables that move along
    /// Clp's unbounded ray, when Clp supplies one.
    case unbounded(direction: [String])
    /// The solver stopped at its iteration limit before proving optimality.
    case iterationLimit(iterations: Int)
    /// Clp stopped for a reason this layer does not expect (`status` is Clp's problem status).
    case solverFailure(status: ClpStatus, detail: String)
    case cannotWrite(path: String, reason: String)
    /// The program is malformed: the message names the variable or constraint and what was expected.
    case invalidProblem(String)

    public var description: String {
        switch self {
        case .infeasible(let conflicting):
            conflicting.isEmpty
                ? "the linear program is infeasible: no allocation meets every constraint"
                : "the linear program is infeasible: these constraints cannot all hold together: \(conflicting.joined(separator: ", "))"
        case .unbounded(let direction):
            direction.isEmpty
                ? "the linear program is unbounded: the objective improves without limit (a bound is missing)"
                : "the linear program is unbounded: the objective improves without limit along \(direction.joined(separator: ", ")) (a bound is missing)"
        case .iterationLimit(let iterations):
            "the solver stopped after \(iterations) iterations without reaching an optimum; raise the iteration limit"
        case .solverFailure(let status, let detail):
            "the LP solver failed (Clp status \(status.clpCode)): \(detail)"
        case .cannotWrite(let path, let reason):
            "cannot write the MPS file \(path): \(reason)"
        case .invalidProblem(let message):
            "invalid linear program: \(message)"
        }
    }
}
