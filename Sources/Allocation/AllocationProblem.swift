import LinearProgramming

/// The allocation linear program of MODEL.md §5, built from response curves.
///
/// Money is in £ millions inside the LP (mean yearly budget over the horizon) so coefficients
/// stay near 1. For line ℓ with breakpoints `v_0 < … < v_n`:
///
///     x_ℓ = v_0 + Σ_k s_ℓk,            0 ≤ s_ℓk ≤ v_{k+1} − v_k,     min_ℓ ≤ x_ℓ ≤ max_ℓ
///     G_g = Σ_ℓ [ e_ℓg(v_0) − e_ℓg(today_ℓ) + Σ_k slope_ℓgk · s_ℓk ]   (net QALY gain of group g)
///     Σ_ℓ x_ℓ = total   (or ≤ total)
///
/// where `e_ℓg` is the upper concave envelope of the group's net gain over the line's levels
/// within its bounds (measured from its value at today's budget when that is within them, so
/// that today's allocation predicts no change even where the envelope bridges a dip there)
/// `ΔQ_g − ΔC · share_g / per_qaly` (just `ΔQ_g` without `opportunity_cost`) over the breakpoints.
/// Concave envelopes give falling slopes, so an objective that values a group's health fills a
/// line's segments in order; objectives that trade groups off against each other (maximin,
/// gap-limit) need not, which ``AllocationResult/outOfOrderLines`` reports.
/// Final health is `h_g = b_g + G_g / N_g` with `b_g` the baseline health (or base QALYs per
/// person). The model assumes that lines' effects add up; the re-simulation measures the error.
public struct AllocationProblem: Sendable {
    public let curves: ResponseCurves
    public let objective: AllocationObjective
    /// Mean yearly £ the lines add up to.
    public let total: Double
    public let atMost: Bool
    /// £ bounds per line.
    public let bounds: [ClosedRange<Double>]
    public let noGroupWorseOff: Bool
    /// `b_g`.
    public let baselineHealth: [Double]
    /// Net QALY gain curve of each line and group at each breakpoint, `[line][level][group]`
    /// (before the envelope).
    public let netGain: [[[Double]]]
    /// Its upper concave envelope, `[line][group][level]`.
    public let envelope: [[[Double]]]
    /// QALYs added to each group's predicted gain `G_g` before any line's curve: 0, except in a
    /// refinement round (``AllocationRefinement``), where the curves are measured around an
    /// allocation whose simulated gain against today is this offset.
    public var gainOffset: [Double]
    /// Index of today's budget among each line's levels (nil when today's is outside the bounds).
    public var currentLevel: [Int?] {
        curves.lines.map { line in line.levels.firstIndex { abs($0 - line.current) <= BudgetLevels.samePounds } }
    }

    /// Tangent points per group for `atkinson` (see ``AtkinsonTangents``).
    public static let tangentCount = 41

    /// - Parameters:
    ///   - baselineHealth: `equity.baseline_health`, or nil for base QALYs per person.
    ///   - opportunityCost: `(per_qaly, shares)` or nil.
    /// - Throws: ``AllocationError`` for bounds that cannot meet the total or bad settings.
    public init(
        curves: ResponseCurves, objective: AllocationObjective, total: Double, atMost: Bool,
        bounds: [ClosedRange<Double>], noGroupWorseOff: Bool, baselineHealth: [Double]?,
        opportunityCost: (perQaly: Double, shares: [Double])?
    ) throws(AllocationError) {
        let G = curves.groups.count
        precondition(bounds.count == curves.lines.count, "one bound per line")
        let lowest = bounds.reduce(0) { $0 + $1.lowerBound }, highest = bounds.reduce(0) { $0 + $1.upperBound }
        if lowest > total + 1 || (!atMost && highest < total - 1) {
            throw .totalOutOfReach(total: total, lowest: lowest, highest: highest)
        }
        if case .weighted(let weights) = objective, weights.count != G {
            throw .invalidSetting("weights: expected one per equity group (\(G)), found \(weights.count)")
        }
        self.curves = curves
        self.objective = objective
        self.total = total
        self.atMost = atMost
        self.bounds = bounds
        self.noGroupWorseOff = noGroupWorseOff
        self.baselineHealth = baselineHealth ?? (0..<G).map { curves.baseQalys[$0] / curves.populations[$0] }
        netGain = curves.lines.map { line in
            line.levels.indices.map { k in
                (0..<G).map { g in
                    line.qalyGain[k][g] - (opportunityCost.map { line.costChange[k] / $0.perQaly * $0.shares[g] } ?? 0)
                }
            }
        }
        envelope = zip(curves.lines, netGain).map { line, gains in
            (0..<G).map { g in ConcaveEnvelope.values(x: line.levels, y: gains.map { $0[g] }) }
        }
        gainOffset = Array(repeating: 0, count: G)
        if case .atkinson = objective, let bad = self.baselineHealth.firstIndex(where: { $0 <= 0 }) {
            throw .invalidSetting("atkinson needs positive health; group \(curves.groups[bad]) starts at \(self.baselineHealth[bad])")
        }
    }

    /// Population shares `p_g`.
    public var populationShares: [Double] {
        let total = curves.populations.reduce(0, +)
        return curves.populations.map { $0 / total }
    }

    /// The lowest and highest final health the curves allow group `g` (each line at its
    /// envelope's extremes): the range the Atkinson tangents cover.
    public func healthRange(group g: Int) -> ClosedRange<Double> {
        var low = baselineHealth[g], high = baselineHealth[g]
        let today = currentLevel
        for l in curves.lines.indices {
            let values = envelope[l][g]
            let zero = today[l].map { values[$0] } ?? 0
            low += (values.min()! - zero) / curves.populations[g]
            high += (values.max()! - zero) / curves.populations[g]
        }
        low += gainOffset[g] / curves.populations[g]
        high += gainOffset[g] / curves.populations[g]
        return low...high
    }
}

extension AllocationProblem {
    /// `other` with another objective (curves, envelopes and constraints unchanged).
    init(copying other: AllocationProblem, objective: AllocationObjective) throws(AllocationError) {
        if case .weighted(let weights) = objective, weights.count != other.curves.groups.count {
            throw .invalidSetting("weights: expected one per equity group (\(other.curves.groups.count)), found \(weights.count)")
        }
        if case .atkinson = objective, let bad = other.baselineHealth.firstIndex(where: { $0 <= 0 }) {
            throw .invalidSetting("atkinson needs positive health; group \(other.curves.groups[bad]) starts at \(other.baselineHealth[bad])")
        }
        curves = other.curves
        self.objective = objective
        total = other.total
        atMost = other.atMost
        bounds = other.bounds
        noGroupWorseOff = other.noGroupWorseOff
        baselineHealth = other.baselineHealth
        netGain = other.netGain
        envelope = other.envelope
        gainOffset = other.gainOffset
    }
}
