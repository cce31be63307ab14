import DrawStatistics

/// Distributional cost-effectiveness analysis (DCEA) of a set of options over Monte Carlo draws:
/// the final health distribution of every option in every draw (MODEL.md §4, "Equity").
///
/// Inputs are population totals per option and draw, option 0 being `base`. For group `g` with
/// year-0 population `N_g`, option `o` and draw `d`:
///
///     ΔQ_g = Q[o][d][g] − Q[0][d][g],   ΔC = C[o][d] − C[0][d]
///     net gain  G_g = ΔQ_g − (ΔC / per_qaly) · s_g      (G_g = ΔQ_g without opportunity_cost)
///     h_g = b_g + G_g / N_g
///
/// where the baseline `b_g` is `equity.baseline_health[g]` when given, and otherwise the base
/// option's discounted QALYs per person in that draw, `Q[0][d][g] / N_g`. The base option's own
/// distribution is the baseline. Summaries, the equity–efficiency impact plane and the
/// social-welfare rankings are in extensions (`ImpactPlane.swift`, `WelfareRanking.swift`,
/// `AversionSwitch.swift`).
///
/// Reference: Asaria M, Griffin S, Cookson R (2016) Distributional cost-effectiveness analysis: a
/// tutorial. Med Decis Making 36(1):8–19.
public struct DistributionalEvaluation: Sendable {
    /// Equity groups, most deprived first.
    public let groups: [String]
    /// Year-0 population of each group.
    public let populations: [Double]
    /// Option names; index 0 is the comparator (`base`).
    public let optionNames: [String]
    /// Final health distribution, `distributions[option][draw]`.
    public let distributions: [[HealthDistribution]]
    /// Change in total (net) health against base, `Σ_g G_g` in QALYs, `healthChanges[option][draw]`.
    public let healthChanges: [[Double]]

    /// Builds every option's final health distribution in every draw.
    ///
    /// - Parameters:
    ///   - groups: equity groups, most deprived first.
    ///   - populations: year-0 population `N_g` per group.
    ///   - optionNames: one name per option, `base` first.
    ///   - qalys: discounted QALYs over the horizon, population totals, `qalys[option][draw][group]`.
    ///   - costs: discounted costs over the horizon, `costs[option][draw]`.
    ///   - baselineHealth: `equity.baseline_health` per group, or `nil` to use the base option's
    ///     QALYs per person.
    ///   - opportunityCost: `equity.opportunity_cost`, or `nil` for health gains without it.
    /// - Throws: ``EquityError`` naming the input at fault: mismatched lengths, no draws, invalid
    ///   populations, non-finite values, or opportunity-cost shares not one per group.
    public init(
        groups: [String], populations: [Double], optionNames: [String],
        qalys: [[[Double]]], costs: [[Double]],
        baselineHealth: [Double]? = nil, opportunityCost: OpportunityCost? = nil
    ) throws(EquityError) {
        if let baselineHealth, baselineHealth.count != groups.count {
            throw .lengthMismatch(what: "equity.baseline_health", expected: groups.count, found: baselineHealth.count)
        }
        // Groups, populations and the baseline get the checks any distribution gets.
        _ = try HealthDistribution(groups: groups, populations: populations, health: baselineHealth ?? populations)
        guard !optionNames.isEmpty else { throw .empty(what: "options") }
        guard qalys.count == optionNames.count else {
            throw .lengthMismatch(what: "qalys (one entry per option)", expected: optionNames.count, found: qalys.count)
        }
        guard costs.count == optionNames.count else {
            throw .lengthMismatch(what: "costs (one entry per option)", expected: optionNames.count, found: costs.count)
        }
        let drawCount = qalys[0].count
        guard drawCount > 0 else { throw .empty(what: "draws of option \(optionNames[0])") }
        for (o, name) in optionNames.enumerated() {
            guard qalys[o].count == drawCount else {
                throw .lengthMismatch(what: "qalys draws of option \(name)", expected: drawCount, found: qalys[o].count)
            }
            guard costs[o].count == drawCount else {
                throw .lengthMismatch(what: "cost draws of option \(name)", expected: drawCount, found: costs[o].count)
            }
            for d in 0..<drawCount {
                guard qalys[o][d].count == groups.count else {
                    throw .lengthMismatch(what: "qalys groups of option \(name), draw \(d)",
                                          expected: groups.count, found: qalys[o][d].count)
                }
                for (g, value) in qalys[o][d].enumerated() where !value.isFinite {
                    throw .nonFiniteValue(what: "QALYs of option \(name), draw \(d), group \(groups[g])", value: value)
                }
                guard costs[o][d].isFinite else {
                    throw .nonFiniteValue(what: "cost of option \(name), draw \(d)", value: costs[o][d])
                }
            }
        }
        if let opportunityCost, opportunityCost.shares.count != groups.count {
            throw .lengthMismatch(what: "opportunity_cost.shares", expected: groups.count,
                                  found: opportunityCost.shares.count)
        }

        var distributions: [[HealthDistribution]] = []
        var healthChanges: [[Double]] = []
        for o in optionNames.indices {
            var optionDistributions: [HealthDistribution] = []
            var optionChanges: [Double] = []
            for d in 0..<drawCount {
                let incrementalCost = costs[o][d] - costs[0][d]
                var health: [Double] = []
                var change = 0.0
                for g in groups.indices {
                    let displaced = opportunityCost?.displacedHealth(incrementalCost: incrementalCost, group: g) ?? 0
                    let netGain = qalys[o][d][g] - qalys[0][d][g] - displaced
                    let baseline = baselineHealth?[g] ?? qalys[0][d][g] / populations[g]
                    health.append(baseline + netGain / populations[g])
                    change += netGain
                }
                optionDistributions.append(
                    HealthDistribution(checkedGroups: groups, populations: populations, health: health))
                optionChanges.append(change)
            }
            distributions.append(optionDistributions)
            healthChanges.append(optionChanges)
        }
        self.groups = groups
        self.populations = populations
        self.optionNames = optionNames
        self.distributions = distributions
        self.healthChanges = healthChanges
    }

    /// Number of Monte Carlo draws.
    public var drawCount: Int { distributions[0].count }

    /// `Σ N_g`, the population that social welfare counts.
    public var totalPopulation: Double { distributions[0][0].totalPopulation }

    /// Mean and 95% interval over draws of any measure of one option's final distribution, e.g.
    /// `summary(option: 1) { $0.slopeIndex }` or `summary(option: 1) { try $0.atkinsonIndex(epsilon: 1) }`.
    ///
    /// - Precondition: `option` indexes ``optionNames``.
    /// - Throws: the measure's ``EquityError`` wrapped in ``EquityError/inDraw(option:draw:_:)``.
    public func summary(
        option: Int, _ measure: (HealthDistribution) throws(EquityError) -> Double
    ) throws(EquityError) -> Interval {
        Interval(try values(option: option, measure))
    }

    /// The measure in every draw of one option, errors labelled with option and draw.
    func values(
        option: Int, _ measure: (HealthDistribution) throws(EquityError) -> Double
    ) throws(EquityError) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(drawCount)
        for (d, distribution) in distributions[option].enumerated() {
            do {
                values.append(try measure(distribution))
            } catch {
                throw .inDraw(option: optionNames[option], draw: d, error)
            }
        }
        return values
    }
}
