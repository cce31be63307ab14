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
/// distribution is the baseline.
///
/// The inputs are kept as ``DrawColumn``s and each draw's distribution is computed when it is
/// visited (``forEachDistribution(option:draws:_:)``), a few thousand draws at a time, so memory
/// does not grow with the number of draws (issue 18); per-draw results are written to the
/// ``ScratchSpace`` given at construction. Summaries, the equity–efficiency impact plane and the
/// social-welfare rankings are in extensions (`DistributionalEvaluation+Summaries.swift`,
/// `ImpactPlane.swift`, `WelfareRanking.swift`, `KolmWelfare.swift`, `AversionSwitch.swift`).
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
    /// Number of Monte Carlo draws.
    public let drawCount: Int
    /// Change in total (net) health against base, `Σ_g G_g` in QALYs, one column per option
    /// (base's is all zeros). Written by the initialiser's pass over the draws, which needs the
    /// other properties set first, hence `var`.
    public private(set) var healthChanges: [DrawColumn]

    /// Group QALYs, `qalys[option][group]`, and costs, `costs[option]`.
    let qalys: [[DrawColumn]]
    let costs: [DrawColumn]
    let baselineHealth: [Double]?
    let opportunityCost: OpportunityCost?
    /// `Σ N_g`, the population that social welfare counts.
    public let totalPopulation: Double
    /// Population shares `p_g`, computed once as every ``HealthDistribution`` would.
    let shares: [Double]
    /// Where per-draw results (health changes, measures being summarised) are kept.
    let scratch: ScratchSpace

    /// Checks the inputs in one pass over each option's columns and writes each option's change
    /// in total health to `scratch`.
    ///
    /// - Parameters:
    ///   - groups: equity groups, most deprived first.
    ///   - populations: year-0 population `N_g` per group.
    ///   - optionNames: one name per option, `base` first.
    ///   - qalys: discounted QALYs over the horizon, population totals, `qalys[option][group]`, one
    ///     value per draw.
    ///   - costs: discounted costs over the horizon, `costs[option]`, one value per draw.
    ///   - baselineHealth: `equity.baseline_health` per group, or `nil` to use the base option's
    ///     QALYs per person.
    ///   - opportunityCost: `equity.opportunity_cost`, or `nil` for health gains without it.
    ///   - scratch: where per-draw results are kept; in memory by default.
    /// - Throws: ``EquityError`` naming the input at fault: mismatched lengths, no draws, invalid
    ///   populations, non-finite values (by option, draw and group), or opportunity-cost shares
    ///   not one per group; `DrawColumnError` when a column file cannot be read or written.
    public init(
        groups: [String], populations: [Double], optionNames: [String],
        qalys: [[DrawColumn]], costs: [DrawColumn],
        baselineHealth: [Double]? = nil, opportunityCost: OpportunityCost? = nil, scratch: ScratchSpace = .memory
    ) throws {
        if let baselineHealth, baselineHealth.count != groups.count {
            throw EquityError.lengthMismatch(what: "equity.baseline_health", expected: groups.count, found: baselineHealth.count)
        }
        // Groups, populations and the baseline get the checks any distribution gets.
        let check = try HealthDistribution(groups: groups, populations: populations, health: baselineHealth ?? populations)
        guard !optionNames.isEmpty else { throw EquityError.empty(what: "options") }
        guard qalys.count == optionNames.count else {
            throw EquityError.lengthMismatch(what: "qalys (one entry per option)", expected: optionNames.count, found: qalys.count)
        }
        guard costs.count == optionNames.count else {
            throw EquityError.lengthMismatch(what: "costs (one entry per option)", expected: optionNames.count, found: costs.count)
        }
        let drawCount = costs[0].count
        guard drawCount > 0 else { throw EquityError.empty(what: "draws of option \(optionNames[0])") }
        for (o, name) in optionNames.enumerated() {
            guard qalys[o].count == groups.count else {
                throw EquityError.lengthMismatch(what: "qalys groups of option \(name)", expected: groups.count, found: qalys[o].count)
            }
            for (g, column) in qalys[o].enumerated() where column.count != drawCount {
                throw EquityError.lengthMismatch(what: "qalys draws of option \(name), group \(groups[g])",
                                                 expected: drawCount, found: column.count)
            }
            guard costs[o].count == drawCount else {
                throw EquityError.lengthMismatch(what: "cost draws of option \(name)", expected: drawCount, found: costs[o].count)
            }
        }
        if let opportunityCost, opportunityCost.shares.count != groups.count {
            throw EquityError.lengthMismatch(what: "opportunity_cost.shares", expected: groups.count,
                                             found: opportunityCost.shares.count)
        }
        self.groups = groups
        self.populations = populations
        self.optionNames = optionNames
        self.drawCount = drawCount
        self.qalys = qalys
        self.costs = costs
        self.baselineHealth = baselineHealth
        self.opportunityCost = opportunityCost
        self.shares = check.shares
        self.totalPopulation = check.totalPopulation
        self.scratch = scratch
        self.healthChanges = []
        // Option 0 is checked in its own pass before any option's health is computed from it.
        var changes: [DrawColumn] = []
        for o in optionNames.indices {
            var builder = try scratch.builder()
            try forEachPiece(option: o, draws: 0..<drawCount) { piece in
                for i in 0..<piece.count {
                    try piece.check(draw: i, option: optionNames[o], groups: groups)
                    try builder.append(finalHealth(piece, draw: i).change)
                }
            }
            changes.append(try builder.finish())
        }
        self.healthChanges = changes
    }

    /// Builds the evaluation from arrays held in memory (small runs, tests, other commands).
    ///
    /// - Parameter qalys: population totals, `qalys[option][draw][group]`.
    /// - Parameter costs: `costs[option][draw]`.
    /// - Throws: ``EquityError`` as the column-based initialiser, and when the arrays are ragged.
    public init(
        groups: [String], populations: [Double], optionNames: [String],
        qalys: [[[Double]]], costs: [[Double]],
        baselineHealth: [Double]? = nil, opportunityCost: OpportunityCost? = nil
    ) throws(EquityError) {
        let drawCount: Int
        do {
            drawCount = try DrawLayout.drawCount(optionNames: optionNames, qalys: qalys, costs: costs)
        } catch {
            throw EquityError(error)
        }
        for (o, name) in optionNames.enumerated() {
            guard qalys[o].count == drawCount else {
                throw .lengthMismatch(what: "qalys draws of option \(name)", expected: drawCount, found: qalys[o].count)
            }
            guard costs[o].count == drawCount else {
                throw .lengthMismatch(what: "cost draws of option \(name)", expected: drawCount, found: costs[o].count)
            }
            for d in 0..<drawCount where qalys[o][d].count != groups.count {
                throw .lengthMismatch(what: "qalys groups of option \(name), draw \(d)",
                                      expected: groups.count, found: qalys[o][d].count)
            }
        }
        let columns = qalys.map { option in groups.indices.map { g in DrawColumn(option.map { $0[g] }) } }
        do {
            try self.init(groups: groups, populations: populations, optionNames: optionNames,
                          qalys: columns, costs: costs.map(DrawColumn.init), baselineHealth: baselineHealth,
                          opportunityCost: opportunityCost)
        } catch let error as EquityError {
            throw error
        } catch {
            preconditionFailure("columns in memory cannot fail to read: \(error)")
        }
    }
}
