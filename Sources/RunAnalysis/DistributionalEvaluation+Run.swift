import DrawStatistics
import EquityAnalysis
import MonteCarlo
import ScenarioModel

extension DistributionalEvaluation {
    /// The distributional analysis of a finished run (MODEL.md §4, "Equity"): each option's
    /// group QALYs and costs per draw, read from the table's columns, with the scenario's baseline
    /// health and opportunity cost. Group populations are year-0 means over draws.
    /// - Parameter scratch: where per-draw results are kept (a folder for runs too large to hold).
    /// - Throws: `EquityError` when the run cannot be analysed (e.g. a non-finite result);
    ///   `DrawColumnError` when a column file cannot be read or written.
    public init(scenario: Scenario, table: DrawTable, scratch: ScratchSpace? = nil) throws {
        let scratch = scratch ?? table.scratch
        let O = table.optionCount, G = table.groupCount, D = table.draws
        let populations = try (0..<G).map { g in try table.column(.groupPopulation, index: g).sum() / Double(D) }
        let opportunityCost = try scenario.equity.opportunityCost.map { try OpportunityCost(perQALY: $0.perQaly, shares: $0.shares) }
        try self.init(
            groups: table.groupNames, populations: populations, optionNames: table.optionNames,
            qalys: (0..<O).map { o in (0..<G).map { g in table.column(.groupQalys, option: o, index: g) } },
            costs: (0..<O).map { table.column(.cost, option: $0) },
            baselineHealth: scenario.equity.baselineHealth, opportunityCost: opportunityCost, scratch: scratch)
    }
}
