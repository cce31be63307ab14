/// Net benefit against base and the probability of being cost-effective (MODEL.md §4).
///
/// References: Stinnett AA, Mullahy J (1998) Net health benefits: a new framework for the analysis
/// of uncertainty in cost-effectiveness analysis. Med Decis Making 18(2 Suppl):S68–S80; Fenwick E,
/// Claxton K, Sculpher M (2001) Representing uncertainty: the role of cost-effectiveness
/// acceptability curves. Health Econ 10(8):779–787.
extension CostEffectivenessAnalysis {
    /// Net monetary benefit against base in each draw, `NMB = ΔQ · λ − ΔC` (£; 0 for base).
    ///
    /// - Throws: ``EconomicEvaluationError/invalidThreshold(_:requirement:)`` unless `λ` is finite and ≥ 0.
    public func netMonetaryBenefit(option: Int, threshold: Double) throws(EconomicEvaluationError) -> [Double] {
        guard threshold.isFinite && threshold >= 0 else {
            throw .invalidThreshold(threshold, requirement: "must be a finite number ≥ 0")
        }
        return zip(incrementalQALYs(option: option), incrementalCosts(option: option)).map { $0 * threshold - $1 }
    }

    /// Net health benefit against base in each draw, `NHB = ΔQ − ΔC / λ` (QALYs; 0 for base).
    ///
    /// - Throws: ``EconomicEvaluationError/invalidThreshold(_:requirement:)`` unless `λ` is finite and > 0.
    public func netHealthBenefit(option: Int, threshold: Double) throws(EconomicEvaluationError) -> [Double] {
        guard threshold.isFinite && threshold > 0 else {
            throw .invalidThreshold(threshold, requirement: "must be a finite number > 0 to convert £ into QALYs")
        }
        return zip(incrementalQALYs(option: option), incrementalCosts(option: option)).map { $0 - $1 / threshold }
    }

    /// Probability that each option is cost-effective at threshold `λ`: the share of draws in which
    /// it has the highest net monetary benefit. When `k` options tie for the highest in a draw, each
    /// gets `1/k` of it, so the probabilities always sum to 1.
    ///
    /// - Throws: as ``netMonetaryBenefit(option:threshold:)``.
    /// - Complexity: O(options × draws).
    public func probabilityCostEffective(threshold: Double) throws(EconomicEvaluationError) -> [Double] {
        let benefits = try netMonetaryBenefits(threshold: threshold)
        var wins = Array(repeating: 0.0, count: optionNames.count)
        for d in 0..<drawCount {
            let best = benefits.reduce(-Double.infinity) { max($0, $1[d]) }
            let winners = optionNames.indices.filter { benefits[$0][d] == best }
            for o in winners {
                wins[o] += 1 / Double(winners.count)
            }
        }
        return wins.map { $0 / Double(drawCount) }
    }

    /// `NMB[option][draw]` against base for every option.
    func netMonetaryBenefits(threshold: Double) throws(EconomicEvaluationError) -> [[Double]] {
        var benefits: [[Double]] = []
        for o in optionNames.indices {
            benefits.append(try netMonetaryBenefit(option: o, threshold: threshold))
        }
        return benefits
    }
}
