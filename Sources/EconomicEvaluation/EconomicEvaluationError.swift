import DrawStatistics

/// Why a cost-effectiveness result could not be computed.
///
/// Every case carries the option, draw or value at fault, and ``description`` says what to change.
public enum EconomicEvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An input that needs at least one entry (options, draws) has none.
    case empty(what: String)
    /// Two inputs that must line up (one entry per option or per draw) have different lengths.
    case lengthMismatch(what: String, expected: Int, found: Int)
    /// A QALY or cost total is NaN or infinite.
    case nonFiniteValue(option: String, draw: Int, what: String, value: Double)
    /// A willingness-to-pay threshold is negative, not finite, or 0 where it divides.
    case invalidThreshold(Double, requirement: String)
    /// The population for per-person values is not a finite number > 0.
    case invalidPopulation(Double)
    /// A column file of per-draw values (the run's, or one derived in its work folder) could not
    /// be read or written.
    case unreadableColumn(path: String, reason: String)

    public var description: String {
        switch self {
        case .empty(let what):
            return "\(what): none given; give at least one"
        case .lengthMismatch(let what, let expected, let found):
            return "\(what): expected \(expected) entries, found \(found)"
        case .nonFiniteValue(let option, let draw, let what, let value):
            return "option \(option), draw \(draw): \(what) is \(value); every value must be a finite number"
        case .invalidThreshold(let value, let requirement):
            return "threshold £\(value) per QALY: \(requirement)"
        case .invalidPopulation(let value):
            return "population \(value) must be a finite number > 0 (the year-0 population of the scenario)"
        case .unreadableColumn(let path, let reason):
            return "cannot use the run's column file \(path): \(reason)"
        }
    }
}

extension EconomicEvaluationError {
    /// The shape problem ``DrawLayout`` found, in this module's terms.
    init(_ problem: DrawLayout.Problem) {
        switch problem {
        case .empty(let what): self = .empty(what: what)
        case .lengthMismatch(let what, let expected, let found): self = .lengthMismatch(what: what, expected: expected, found: found)
        }
    }
}

extension EconomicEvaluationError {
    /// A failure of ``DrawColumn`` or ``ScratchSpace``, which throw only ``DrawColumnError`` (their
    /// signatures are untyped, so anything else is passed on by its description).
    init(column error: any Error) {
        if let error = error as? DrawColumnError {
            self = .unreadableColumn(path: error.path, reason: error.reason)
        } else {
            self = .unreadableColumn(path: "(unknown)", reason: String(describing: error))
        }
    }
}
