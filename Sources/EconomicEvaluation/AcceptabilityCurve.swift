/// Cost-effectiveness acceptability curves, the acceptability frontier and the EVPI curve over a
/// grid of thresholds (MODEL.md §4, "Economics").
///
/// Two curves per option, never one bare "probability cost-effective":
/// - ``bestValue``: the probability that the option has the highest net monetary benefit of all
///   options (the multi-option CEAC; the options' values sum to 1 at every threshold);
/// - ``versusBase``: the probability that it is cost-effective against base (the pairwise CEAC of
///   BCEA's `ceac`), which does not change when other options are added.
///
/// The frontier (CEAF) follows the option a decision maker would choose, the one with the highest
/// *expected* net monetary benefit, which need not be the one most likely to be best value.
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
    /// Probability of being the best value of all options, `bestValue[option][threshold]`.
    public let bestValue: [[Double]]
    /// Probability of being cost-effective against base, `versusBase[option][threshold]`; `nil` for base.
    public let versusBase: [[Double]?]
    /// At each threshold, the option with the highest expected net monetary benefit (ties: lower index).
    public let frontierOptions: [Int]
    /// EVPI at each threshold (per person and for the population).
    public let valueOfInformation: [ValueOfInformation]

    /// At each threshold, the probability that the frontier option is the best value (the CEAF).
    public var frontierProbabilities: [Double] {
        thresholds.indices.map { bestValue[frontierOptions[$0]][$0] }
    }
}

extension CostEffectivenessAnalysis {
    /// The acceptability curves of every option, the acceptability frontier and the EVPI curve,
    /// all thresholds from one pass over the draws.
    ///
    /// - Parameters:
    ///   - thresholds: £ per QALY, each finite and ≥ 0; ``AcceptabilityCurve/defaultThresholds`` by default.
    ///   - population: people the totals cover (year-0 `Σ N`), for EVPI per person.
    /// - Throws: ``EconomicEvaluationError/invalidThreshold(_:requirement:)`` for the first bad
    ///   threshold, then ``EconomicEvaluationError/invalidPopulation(_:)`` for a bad population;
    ///   ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    /// - Complexity: O(thresholds × options × draws), one pass over the columns.
    public func acceptabilityCurve(
        thresholds: [Double] = AcceptabilityCurve.defaultThresholds, population: Double = 1
    ) throws(EconomicEvaluationError) -> AcceptabilityCurve {
        for threshold in thresholds { try Self.check(threshold: threshold) }
        try Self.check(population: population)
        let tally = try NetBenefitTally(self, thresholds: thresholds)
        var bestValue = Array(repeating: [Double](), count: optionNames.count)
        var versusBase: [[Double]?] = [nil] + Array(repeating: [Double](), count: optionNames.count - 1)
        var frontierOptions: [Int] = []
        var information: [ValueOfInformation] = []
        for t in thresholds.indices {
            for (o, p) in tally.probabilityBestValue(t).enumerated() {
                bestValue[o].append(p)
            }
            for (o, p) in tally.probabilityCostEffectiveVersusBase(t).enumerated() {
                if let p { versusBase[o]?.append(p) }
            }
            frontierOptions.append(Self.bestOption(tally.expectedNetMonetaryBenefits(t)))
            information.append(ValueOfInformation(tally, threshold: t, population: population))
        }
        return AcceptabilityCurve(thresholds: thresholds, bestValue: bestValue, versusBase: versusBase,
                                  frontierOptions: frontierOptions, valueOfInformation: information)
    }

    /// Index of the largest value; ties go to the lower index.
    static func bestOption(_ values: [Double]) -> Int {
        values.indices.reduce(0) { values[$1] > values[$0] ? $1 : $0 }
    }
}
