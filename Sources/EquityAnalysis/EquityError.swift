import DrawStatistics

/// Why an equity measure or a distributional evaluation could not be computed.
///
/// Every case carries the group, option or value at fault, and ``description`` says what to change.
public enum EquityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A distribution needs at least one equity group.
    case noGroups
    /// An input that needs at least one entry (options, draws) has none.
    case empty(what: String)
    /// Two inputs that must line up (one entry per group, option or draw) have different lengths.
    case lengthMismatch(what: String, expected: Int, found: Int)
    /// A group's year-0 population is zero, negative or not finite.
    case invalidPopulation(group: String, value: Double)
    /// A health value (or a QALY or cost total that feeds one) is NaN or infinite.
    case nonFiniteValue(what: String, value: Double)
    /// The Atkinson family needs every group's health to be strictly positive.
    case nonPositiveHealth(group: String, value: Double)
    /// A relative measure divides by a quantity that is zero or negative.
    case nonPositiveDenominator(measure: String, value: Double)
    /// The Atkinson inequality aversion ε must be ≥ 0 (it may be `.infinity`).
    case invalidAtkinsonAversion(Double)
    /// The Kolm inequality aversion α must be > 0 (it may be `.infinity`).
    case invalidKolmAversion(Double)
    /// `opportunity_cost` is unusable: the text says which part.
    case invalidOpportunityCost(String)
    /// A search setting (grid size, range, tolerance) is out of range: the text says which.
    case invalidSearch(String)
    /// An error met while evaluating one option in one Monte Carlo draw.
    indirect case inDraw(option: String, draw: Int, EquityError)

    public var description: String {
        switch self {
        case .noGroups:
            return "no equity groups: give at least one level of the equity dimension"
        case .empty(let what):
            return "\(what): none given; give at least one"
        case .lengthMismatch(let what, let expected, let found):
            return "\(what): expected \(expected) entries, found \(found)"
        case .invalidPopulation(let group, let value):
            return "group \(group): population \(value) must be a finite number > 0"
        case .nonFiniteValue(let what, let value):
            return "\(what) is \(value); every value must be a finite number"
        case .nonPositiveHealth(let group, let value):
            return "group \(group): health \(value) ≤ 0, but the Atkinson index and its EDE need every "
                + "group's health > 0 (use the Kolm index for absolute inequality, or check "
                + "equity.baseline_health and opportunity_cost.per_qaly)"
        case .nonPositiveDenominator(let measure, let value):
            return "\(measure) divides by \(value), which must be > 0; use the absolute measure instead"
        case .invalidAtkinsonAversion(let epsilon):
            return "Atkinson inequality aversion ε = \(epsilon) must be ≥ 0 (∞ means the worst-off group)"
        case .invalidKolmAversion(let alpha):
            return "Kolm inequality aversion α = \(alpha) must be > 0 (∞ means the worst-off group)"
        case .invalidOpportunityCost(let problem):
            return "equity.opportunity_cost: \(problem)"
        case .invalidSearch(let problem):
            return "inequality-aversion search: \(problem)"
        case .inDraw(let option, let draw, let error):
            return "option \(option), draw \(draw): \(error.description)"
        }
    }
}

extension EquityError {
    /// The shape problem ``DrawLayout`` found, in this module's terms.
    init(_ problem: DrawLayout.Problem) {
        switch problem {
        case .empty(let what): self = .empty(what: what)
        case .lengthMismatch(let what, let expected, let found): self = .lengthMismatch(what: what, expected: expected, found: found)
        }
    }
}
