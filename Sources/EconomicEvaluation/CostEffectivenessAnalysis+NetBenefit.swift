import DrawStatistics

/// Net benefit against base and the probability of being cost-effective (MODEL.md §4).
///
/// References: Stinnett AA, Mullahy J (1998) Net health benefits: a new framework for the analysis
/// of uncertainty in cost-effectiveness analysis. Med Decis Making 18(2 Suppl):S68–S80; Fenwick E,
/// Claxton K, Sculpher M (2001) Representing uncertainty: the role of cost-effectiveness
/// acceptability curves. Health Econ 10(8):779–787.
extension CostEffectivenessAnalysis {
    /// Net monetary benefit against base in each draw, `NMB = ΔQ · λ − ΔC` (£; 0 for base), in the
    /// scratch space.
    ///
    /// - Throws: ``EconomicEvaluationError/invalidThreshold(_:requirement:)`` unless `λ` is finite
    ///   and ≥ 0; ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    public func netMonetaryBenefitColumn(option: Int, threshold: Double) throws(EconomicEvaluationError) -> DrawColumn {
        try Self.check(threshold: threshold)
        return try seriesAgainstBase(option: option) { deltaQ, deltaC in deltaQ * threshold - deltaC }
    }

    /// ``netMonetaryBenefitColumn(option:threshold:)`` in memory, for analyses that pick single
    /// draws out of it (sensitivity runs, EVPPI, the decision map): those runs are small.
    ///
    /// - Throws: as ``netMonetaryBenefitColumn(option:threshold:)``.
    public func netMonetaryBenefit(option: Int, threshold: Double) throws(EconomicEvaluationError) -> [Double] {
        let column = try netMonetaryBenefitColumn(option: option, threshold: threshold)
        do {
            return try column.array()
        } catch {
            throw EconomicEvaluationError(column: error)
        }
    }

    /// Net health benefit against base in each draw, `NHB = ΔQ − ΔC / λ` (QALYs; 0 for base), in
    /// the scratch space.
    ///
    /// - Throws: ``EconomicEvaluationError/invalidThreshold(_:requirement:)`` unless `λ` is finite
    ///   and > 0; ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    public func netHealthBenefitColumn(option: Int, threshold: Double) throws(EconomicEvaluationError) -> DrawColumn {
        guard threshold.isFinite && threshold > 0 else {
            throw .invalidThreshold(threshold, requirement: "must be a finite number > 0 to convert £ into QALYs")
        }
        return try seriesAgainstBase(option: option) { deltaQ, deltaC in deltaQ - deltaC / threshold }
    }

    /// Probability that each option is the best value at threshold `λ` (the multi-option CEAC):
    /// the share of draws in which it has the highest net monetary benefit of *all* options. When
    /// `k` options tie for the highest in a draw, each gets `1/k` of it, so the probabilities always
    /// sum to 1. Adding an option can lower every other option's value, so this is never reported
    /// as a bare "probability cost-effective" (see ``probabilityCostEffectiveVersusBase(threshold:)``).
    ///
    /// - Throws: as ``netMonetaryBenefitColumn(option:threshold:)``.
    /// - Complexity: O(options × draws), one pass.
    public func probabilityBestValue(threshold: Double) throws(EconomicEvaluationError) -> [Double] {
        try Self.check(threshold: threshold)
        return try NetBenefitTally(self, thresholds: [threshold]).probabilityBestValue(0)
    }

    /// Probability that each option is cost-effective against base at threshold `λ` (the pairwise
    /// CEAC of BCEA's `ceac`): the share of draws with `NMB_o > 0` against base, a draw with
    /// `NMB_o = 0` counting one half (as ties do in ``probabilityBestValue(threshold:)``). It does
    /// not depend on which other options are in the run. `nil` for base (index 0), which is the
    /// comparator of every pair.
    ///
    /// - Throws: as ``netMonetaryBenefitColumn(option:threshold:)``.
    /// - Complexity: O(options × draws), one pass.
    public func probabilityCostEffectiveVersusBase(threshold: Double) throws(EconomicEvaluationError) -> [Double?] {
        try Self.check(threshold: threshold)
        return try NetBenefitTally(self, thresholds: [threshold]).probabilityCostEffectiveVersusBase(0)
    }

    /// - Throws: ``EconomicEvaluationError/invalidThreshold(_:requirement:)`` unless `λ` is finite and ≥ 0.
    static func check(threshold: Double) throws(EconomicEvaluationError) {
        guard threshold.isFinite && threshold >= 0 else {
            throw .invalidThreshold(threshold, requirement: "must be a finite number ≥ 0")
        }
    }
}
