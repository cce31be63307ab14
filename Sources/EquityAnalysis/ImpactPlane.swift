import DrawStatistics

/// One option's position on the equity–efficiency impact plane against base (MODEL.md §4): its
/// change in total net health against its change in health inequality, draw by draw, and the share
/// of draws in each quadrant.
///
/// Reference: Cookson R, Mirelman AJ, Griffin S, et al. (2017) Using cost-effectiveness analysis
/// to address health equity concerns. Value Health 20(2):206–212.
public struct ImpactPlane: Sendable {
    /// How the size of inequality is measured on the plane's inequality axis.
    public enum InequalityMeasure: Equatable, Sendable {
        /// `|SII|`, the default: it uses every group and their population sizes.
        case slopeIndex
        /// `|h_last − h_first|`, the gap between the two extreme groups.
        case gap

        /// The size of inequality in a distribution. The absolute value makes a gradient that
        /// favours the most deprived count as inequality too, so "less inequality" always means
        /// closer to equal.
        public func size(of distribution: HealthDistribution) -> Double {
            switch self {
            case .slopeIndex: return abs(distribution.slopeIndex)
            case .gap: return abs(distribution.gap)
            }
        }
    }

    /// Where one draw falls. A draw exactly on an axis (no change in total health, or none in
    /// inequality) is ``onAxis`` rather than being forced into a quadrant.
    public enum Quadrant: CaseIterable, Hashable, Sendable {
        /// More health and less inequality.
        case winWin
        /// More health but more inequality (a trade-off).
        case moreHealthMoreInequality
        /// Less health but less inequality (a trade-off).
        case lessHealthLessInequality
        /// Less health and more inequality.
        case loseLose
        /// No change in total health or no change in inequality.
        case onAxis

        /// The quadrant of a change `(ΔH, ΔI)`: ΔH > 0 is more health, ΔI < 0 less inequality.
        public init(healthChange: Double, inequalityChange: Double) {
            if healthChange == 0 || inequalityChange == 0 {
                self = .onAxis
            } else if healthChange > 0 {
                self = inequalityChange < 0 ? .winWin : .moreHealthMoreInequality
            } else {
                self = inequalityChange < 0 ? .lessHealthLessInequality : .loseLose
            }
        }
    }

    /// Index of the option in ``DistributionalEvaluation/optionNames``.
    public let option: Int
    /// The inequality measure on the vertical axis.
    public let measure: InequalityMeasure
    /// Per draw: change in total net health against base, in QALYs (the option's
    /// ``DistributionalEvaluation/healthChanges``).
    public let healthChanges: DrawColumn
    /// Per draw: change in the size of inequality against base, `size(option) − size(base)`.
    public let inequalityChanges: DrawColumn
    /// Share of draws in each quadrant; the shares sum to 1.
    public let shares: [Quadrant: Double]

    /// Mean and 95% interval of the change in total net health.
    /// - Throws: `DrawColumnError` when the column file cannot be read.
    public var healthChange: Interval { get throws { try Interval(healthChanges) } }
    /// Mean and 95% interval of the change in inequality.
    /// - Throws: `DrawColumnError` when the column file cannot be read.
    public var inequalityChange: Interval { get throws { try Interval(inequalityChanges) } }
}

extension DistributionalEvaluation {
    /// The impact plane of every option other than base, in option order (MODEL.md §4): one pass
    /// over each option's draws counts the quadrants and writes the inequality changes to the
    /// scratch space.
    ///
    /// - Parameter measure: the inequality axis; the slope index of inequality by default.
    /// - Throws: `DrawColumnError` when a column file cannot be read or written.
    /// - Complexity: O(options × draws × groups).
    public func impactPlanes(measure: ImpactPlane.InequalityMeasure = .slopeIndex) throws -> [ImpactPlane] {
        try optionNames.indices.dropFirst().map { o in
            var counts = Dictionary(uniqueKeysWithValues: ImpactPlane.Quadrant.allCases.map { ($0, 0) })
            var inequalityChanges = try scratch.builder()
            try forEachDistributionWithBase(option: o) { _, health, base, healthChange in
                let inequalityChange = measure.size(of: health) - measure.size(of: base)
                counts[ImpactPlane.Quadrant(healthChange: healthChange, inequalityChange: inequalityChange), default: 0] += 1
                try inequalityChanges.append(inequalityChange)
            }
            return ImpactPlane(
                option: o, measure: measure, healthChanges: healthChanges[o], inequalityChanges: try inequalityChanges.finish(),
                shares: counts.mapValues { Double($0) / Double(drawCount) })
        }
    }
}
