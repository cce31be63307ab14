import LinearProgramming

/// Why an allocation could not be found, in terms a person setting up `optimise:` can act on.
public enum AllocationError: Error, Equatable, CustomStringConvertible {
    /// A line's min, max, ring fence and max change leave no budget.
    case emptyBounds(line: String, low: Double, high: Double)
    /// The lines' bounds cannot add up to the total.
    case totalOutOfReach(total: Double, lowest: Double, highest: Double)
    /// An objective needs a setting it was not given (e.g. gap-limit without δ).
    case missingSetting(String)
    /// An invalid setting (e.g. weights of the wrong length, a baseline health ≤ 0 for Atkinson).
    case invalidSetting(String)
    /// The linear program has no solution under these constraints.
    case infeasible(detail: String)
    /// The solver failed for another reason.
    case solver(LinearProgramError)

    public var description: String {
        func m(_ pounds: Double) -> String { "£\((pounds / 1e4).rounded() / 100)m" }
        switch self {
        case .emptyBounds(let line, let low, let high):
            return "optimise.lines.\(line): the limits leave no budget (lowest \(m(low)) is above highest \(m(high))); loosen min, max, ring_fenced or max_change"
        case .totalOutOfReach(let total, let lowest, let highest):
            return "the total \(m(total)) a year cannot be reached: the lines' limits allow \(m(lowest)) to \(m(highest)); change --total or the lines' limits"
        case .missingSetting(let text), .invalidSetting(let text):
            return text
        case .infeasible(let detail):
            return "no allocation satisfies every constraint (\(detail)); relax no_group_worse_off, the gap limit or the lines' limits"
        case .solver(let error):
            return "the LP solver failed: \(error)"
        }
    }
}
