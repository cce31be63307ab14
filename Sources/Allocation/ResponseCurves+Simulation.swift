import MonteCarlo
import ScenarioModel

extension ResponseCurves {
    /// Simulates every line at every level of `levels` (MODEL.md §5).
    ///
    /// Each point is an option of base with one line's `budgets` set to the level (everything else
    /// today's), all run in one Monte Carlo pass so that every option of draw `d` sees the same
    /// parameter values (common random numbers): a point's gain is the mean over draws of its
    /// QALYs by group minus base's. Today's level is not simulated again; its gain is 0.
    ///
    /// - Parameters:
    ///   - draws: draws per point (ignored in deterministic mode, which runs one at the means).
    ///   - progress: receives the number of draws finished.
    /// - Throws: the runner's errors, or `CancellationError`.
    public static func simulate(
        scenario: Scenario, levels: BudgetLevels, draws: Int, seed: UInt64, threads: Int, deterministic: Bool,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> ResponseCurves {
        let lines = scenario.budgetLines
        var options: [ScenarioOption] = []
        var optionIndex: [[Int?]] = []   // [line][level] → option position (1-based; nil = today's)
        for (l, line) in lines.enumerated() {
            var row: [Int?] = []
            for level in levels.levels[l] {
                if abs(level - levels.current[l]) <= BudgetLevels.samePounds { row.append(nil); continue }
                let yearly = levels.profiles[l].map { level * $0 }
                options.append(ScenarioOption(
                    name: "curve-\(l)-\(row.count)", description: "\(scenario.name(of: line)) at £\(level) a year",
                    shifts: [], overrides: [], budgets: [line: yearly]))
                row.append(options.count)
            }
            optionIndex.append(row)
        }
        let variants = scenario.replacingOptions(options)
        let settings = RunSettings(draws: draws, seed: seed, threads: threads, deterministic: deterministic,
                                   options: Array(variants.allOptions.indices))
        let table = try await MonteCarloRunner(scenario: variants, settings: settings).run(progress: progress)
        let D = table.draws, G = table.groupCount
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        let baseGroupQalys = (0..<G).map { table.groupQalys(option: 0, group: $0) }
        let baseCost = Array(table.values(table.cost, option: 0))
        var curves: [LineCurve] = []
        for (l, line) in lines.enumerated() {
            var gains: [[Double]] = [], costs: [Double] = []
            for option in optionIndex[l] {
                guard let o = option else {
                    gains.append(Array(repeating: 0, count: G)); costs.append(0); continue
                }
                gains.append((0..<G).map { g in
                    mean(zip(table.groupQalys(option: o, group: g), baseGroupQalys[g]).map { $0 - $1 })
                })
                costs.append(mean(zip(table.values(table.cost, option: o), baseCost).map { $0 - $1 }))
            }
            curves.append(LineCurve(
                name: scenario.name(of: line), current: levels.current[l], profile: levels.profiles[l],
                levels: levels.levels[l], qalyGain: gains, costChange: costs))
        }
        return ResponseCurves(
            groups: table.groupNames,
            populations: (0..<G).map { mean(table.groupPopulation(group: $0)) },
            baseQalys: baseGroupQalys.map(mean), baseCost: mean(baseCost), draws: D, lines: curves)
    }
}
