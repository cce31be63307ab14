import EquityAnalysis
import MonteCarlo
import ScenarioModel

extension DistributionalEvaluation {
    /// The distributional analysis of a finished run (MODEL.md §4, "Equity"): each option's
    /// group QALYs and costs per draw, with the scenario's baseline health and opportunity cost.
    /// Group populations are year-0 means over draws.
    /// - Throws: `EquityError` when the run cannot be analysed (e.g. a non-finite result).
    public init(scenario: Scenario, table: DrawTable) throws {
        let O = table.optionCount, G = table.groupCount, D = table.draws
        let populations = (0..<G).map { g in table.groupPopulation(group: g).reduce(0, +) / Double(D) }
        let opportunityCost = try scenario.equity.opportunityCost.map { try OpportunityCost(perQALY: $0.perQaly, shares: $0.shares) }
        let groupQalys = (0..<O).map { o in (0..<D).map { d in (0..<G).map { g in table.groupQalys[(o * D + d) * G + g] } } }
        try self.init(
            groups: table.groupNames, populations: populations, optionNames: table.optionNames,
            qalys: groupQalys, costs: (0..<O).map { Array(table.values(table.cost, option: $0)) },
            baselineHealth: scenario.equity.baselineHealth, opportunityCost: opportunityCost)
    }
}
