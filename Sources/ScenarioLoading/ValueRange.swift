/// The range a value must respect, checked at its mean (draws outside are clamped by the
/// engine; see docs/MODEL-NOTES.md "Values at draw time").
enum ValueRange {
    case any
    case nonNegative
    case positive
    /// A share in [0, 1].
    case share
    /// A yearly growth rate: above −100% (a population cannot shrink below nothing).
    case growthRate
    /// A yearly rate per person, such as a death or progression rate: in [0, 1] per year.
    case yearlyRate

    func problem(with mean: Double) -> String? {
        switch self {
        case .any: return nil
        case .nonNegative: return mean >= 0 ? nil : "must not be negative"
        case .positive: return mean > 0 ? nil : "must be greater than 0"
        case .share: return (0...1).contains(mean) ? nil : "is a share and must be within [0, 1]"
        case .growthRate: return mean > -1 ? nil : "is a yearly growth rate and must be greater than −1 (−100%)"
        case .yearlyRate: return (0...1).contains(mean) ? nil : "is a rate per person-year and must be within [0, 1]"
        }
    }
}
