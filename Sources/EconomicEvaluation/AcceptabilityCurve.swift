/// Cost-effectiveness acceptability curves and the acceptability frontier over a grid of
/// thresholds (MODEL.md §4, "Economics").
///
/// At each threshold `λ` the curve of option `o` is the probability that `o` has the highest net
/// monetary benefit (``CostEffectivenessAnalysis/probabilityCostEffective(threshold:)``; the
/// options' values sum to 1). The frontier follows the option a decision maker would choose, the
/// one with the highest *expected* net monetary benefit, which need not be the one most likely to
/// be cost-effective.
///
/// References: Fenwick E, Claxton K, Sculpher M (2001) Representing uncertainty: the role of
/// cost-effectiveness acceptability curves. Health Econ 10(8):779–787; Barton GR, Briggs AH,
/// Fenwick EAL (2008) Optimal cost-effectiveness decisions: the role of the cost-effectiveness
/// acceptability curve (CEAC), the cost-effectiveness acceptability frontier (CEAF), and the
/// expected value of perfection information (EVPI). Value Health 11(5):886–897.
public struct AcceptabilityCurve: Equatable, Sendable {
    /// £0 to £100,000 per QALY in steps of £1,000 (101 thresholds).
    public static let defaultThresholds: [Double] = (0...100).map { Double($0) * 1_000 }

    /// Thresholds `λ`, £ per QALY.
    public let thresholds: [Double]
    /// Probability of being cost-effective, `probabilities[option][threshold]`.
    public let probabilities: [[Double]]
    /// At each threshold, the option with the highest expected net monetary benefit (ties: lower index).
    public let frontierOptions: [Int]

    /// At each threshold, the probability that the frontier option is cost-effective.
    public var frontierProbabilities: [Double] {
        thresholds.indices.map { probabilities[frontierOptions[$0]][$0] }
    }
}

extension CostEffectivenessAnalysis {
    /// The acceptability curves of every option and the acceptability frontier.
    ///
    /// - Parameter thresholds: £ per QALY, each finite and ≥ 0; ``AcceptabilityCurve/defaultThresholds`` by default.
    /// - Throws: ``EconomicEvaluationError/invalidThreshold(_:requirement:)`` for a bad threshold.
    /// - Complexity: O(thresholds × options × draws).
    public func acceptabilityCurve(
        thresholds: [Double] = AcceptabilityCurve.defaultThresholds
    ) throws(EconomicEvaluationError) -> AcceptabilityCurve {
        var probabilities = Array(repeating: [Double](), count: optionNames.count)
        var frontierOptions: [Int] = []
        for threshold in thresholds {
            for (o, p) in try probabilityCostEffective(threshold: threshold).enumerated() {
                probabilities[o].append(p)
            }
            frontierOptions.append(Self.bestOption(try expectedNetMonetaryBenefits(threshold: threshold)))
        }
        return AcceptabilityCurve(thresholds: thresholds, probabilities: probabilities,
                                  frontierOptions: frontierOptions)
    }

    /// Mean net monetary benefit over draws of every option, `E[NMB_o]`.
    func expectedNetMonetaryBenefits(threshold: Double) throws(EconomicEvaluationError) -> [Double] {
        try netMonetaryBenefits(threshold: threshold).map { $0.reduce(0, +) / Double(drawCount) }
    }

    /// Index of the largest value; ties go to the lower index.
    static func bestOption(_ values: [Double]) -> Int {
        values.indices.reduce(0) { values[$1] > values[$0] ? $1 : $0 }
    }
}
