/// The health displaced elsewhere in the health system by an option's extra cost, and who loses it
/// (`equity.opportunity_cost` in MODEL.md §1 and §4).
///
/// An extra cost `ΔC` displaces `ΔC / per_qaly` QALYs, of which group `g` loses the share `s_g`.
/// Evidence for both: Claxton K et al. (2015) Methods for the estimation of the NICE cost
/// effectiveness threshold. Health Technol Assess 19(14) (cost per QALY); Love-Koh J, Cookson R,
/// Claxton K, Griffin S (2020) Estimating social variation in the health effects of changes in
/// health care expenditure. Med Decis Making 40(2):170–182 (shares by deprivation).
public struct OpportunityCost: Equatable, Sendable {
    /// How far the sum of the shares may stray from 1 (rounding in published tables).
    public static let shareSumTolerance = 1e-6

    /// £ of health-system spending that displaces one QALY.
    public let perQALY: Double
    /// Share `s_g` of the displaced health lost by each equity group, in group order; sums to 1.
    public let shares: [Double]

    /// - Throws: ``EquityError/invalidOpportunityCost(_:)`` when `perQALY` is not finite and > 0,
    ///   a share is negative or not finite, or the shares do not sum to 1 (within
    ///   ``shareSumTolerance``).
    public init(perQALY: Double, shares: [Double]) throws(EquityError) {
        guard perQALY.isFinite && perQALY > 0 else {
            throw .invalidOpportunityCost("per_qaly is \(perQALY); give the £ per QALY displaced, a number > 0")
        }
        if let bad = shares.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw .invalidOpportunityCost("share \(bad + 1) is \(shares[bad]); shares must be ≥ 0")
        }
        let sum = shares.reduce(0, +)
        guard abs(sum - 1) <= Self.shareSumTolerance else {
            throw .invalidOpportunityCost("shares sum to \(sum); they must sum to 1")
        }
        self.perQALY = perQALY
        self.shares = shares
    }

    /// QALYs that group `g` loses when spending rises by `incrementalCost`: `(ΔC / per_qaly) · s_g`
    /// (negative, a gain, when the option saves money).
    public func displacedHealth(incrementalCost: Double, group g: Int) -> Double {
        incrementalCost / perQALY * shares[g]
    }
}
