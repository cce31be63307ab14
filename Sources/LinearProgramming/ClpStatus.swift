/// Clp's problem status after a solve (`Clp_status`; `ClpModel::problemStatus_` in COIN-OR Clp's
/// ClpModel.hpp: 0 optimal, 1 primal infeasible, 2 dual infeasible, 3 stopped on iterations or
/// time, 4 stopped due to errors, 5 stopped by an event handler; −1 before any solve).
public enum ClpStatus: Equatable, Sendable {
    case optimal
    /// No point satisfies the constraints (a Farkas ray may name them).
    case primalInfeasible
    /// The dual is infeasible: with a feasible primal, the objective is unbounded.
    case dualInfeasible
    /// The iteration or time limit stopped the simplex before it proved optimality.
    case stoppedOnLimit
    /// Clp gave up on numerical difficulties.
    case stoppedOnErrors
    /// Any other code (5, an event handler; −1, not solved): unexpected in this layer.
    case other(Int)

    public init(clpCode code: Int) {
        switch code {
        case 0: self = .optimal
        case 1: self = .primalInfeasible
        case 2: self = .dualInfeasible
        case 3: self = .stoppedOnLimit
        case 4: self = .stoppedOnErrors
        default: self = .other(code)
        }
    }

    /// The number Clp reports, for messages.
    public var clpCode: Int {
        switch self {
        case .optimal: 0
        case .primalInfeasible: 1
        case .dualInfeasible: 2
        case .stoppedOnLimit: 3
        case .stoppedOnErrors: 4
        case .other(let code): code
        }
    }
}
