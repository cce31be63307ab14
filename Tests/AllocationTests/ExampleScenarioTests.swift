import Allocation
import MonteCarlo
import RunAnalysis
import ScenarioLoading
import ScenarioModel
import SimulationEngine
import WorkbenchTestSupport
import XCTest

/// Every objective on every example scenario (deterministic curves, one draw at the means):
/// the allocation respects the total and the bounds, and the total-health allocation, simulated
/// again, gives at least as much total net health as every option written in the file.
final class ExampleScenarioTests: XCTestCase {
    /// Mean yearly budget summed over lines for each option (base first), at the means.
    static func optionTotals(_ scenario: Scenario) throws -> [Double] {
        let layout = try ModelLayout(scenario)
        let means = scenario.allParameters.map(\.distribution.mean)
        return scenario.allOptions.indices.map { o in
            layout.lineBudgets(layout.optionValues(means, option: o), option: o).reduce(0, +) / Double(scenario.horizon)
        }
    }

    func testEveryObjectiveIsFeasibleAndTotalHealthBeatsEveryOption() async throws {
        let files = RepositoryPaths.exampleScenarios
        XCTAssertGreaterThanOrEqual(files.count, 4)
        for file in files {
            let scenario = try ScenarioLoader.load(path: file.path)
            let name = file.lastPathComponent
            let settings = scenario.optimisation ?? Scenario.Optimisation()
            let bounds = try AllocationBounds.bounds(scenario: scenario, settings: settings)
            let levels = BudgetLevels(scenario: scenario, settings: settings, bounds: bounds)
            let curves = try await ResponseCurves.simulate(scenario: scenario, levels: levels, draws: 1, seed: 1, threads: 2, deterministic: true)
            // Up to the largest total any option spends, so every budget-only option is feasible.
            let total = try Self.optionTotals(scenario).max()!
            let opportunityCost = scenario.equity.opportunityCost.map { (perQaly: $0.perQaly, shares: $0.shares) }
            func problem(_ objective: AllocationObjective, total: Double, atMost: Bool) throws -> AllocationProblem {
                try AllocationProblem(curves: curves, objective: objective, total: total, atMost: atMost, bounds: bounds,
                                      noGroupWorseOff: false, baselineHealth: scenario.equity.baselineHealth, opportunityCost: opportunityCost)
            }
            let G = scenario.groupNames.count
            let today = levels.current.reduce(0, +)
            for (limit, atMost) in [(total, true), (today, false)] {
                let frontier = try EquityFrontier(problem: problem(.totalHealth, total: limit, atMost: atMost), points: 2)
                let midGap = (frontier.unconstrainedGap + frontier.smallestGap) / 2
                let objectives: [AllocationObjective] = [
                    .totalHealth, .weighted((0..<G).map { $0 == 0 ? 2 : 1 }), .maximin, .atkinson(epsilon: 1), .gapLimit(midGap),
                ]
                for objective in objectives {
                    let result = try problem(objective, total: limit, atMost: atMost).solve()
                    let spent = result.lines.reduce(0) { $0 + $1.optimal }
                    if atMost {
                        XCTAssertLessThanOrEqual(spent, limit + 1, "\(name) \(objective.name)")
                    } else {
                        XCTAssertEqual(spent, limit, accuracy: 1, "\(name) \(objective.name): Σ x = total")
                    }
                    for (line, bound) in zip(result.lines, bounds) {
                        XCTAssertGreaterThanOrEqual(line.optimal, bound.lowerBound - 1, "\(name) \(objective.name) \(line.line)")
                        XCTAssertLessThanOrEqual(line.optimal, bound.upperBound + 1, "\(name) \(objective.name) \(line.line)")
                    }
                    if case .gapLimit(let delta) = objective {
                        let h = result.groups.map(\.health)
                        XCTAssertLessThanOrEqual(h[G - 1] - h[0], delta + 1e-7, "\(name): gap limit")
                    }
                    if let gap = result.approximationGap { XCTAssertGreaterThanOrEqual(gap, -1e-9, "\(name): outer approximation") }
                }
            }

            let best = try problem(.totalHealth, total: total, atMost: true).solve()
            let option = best.option(named: "optimised", description: "", scenario: scenario, curves: curves)
            let variants = scenario.replacingOptions(scenario.options + [option])
            let table = try await EngineRuns.deterministic(variants)
            let settingsRun = RunSettings(draws: 1, seed: 1, threads: 1, deterministic: true, options: Array(variants.allOptions.indices))
            let summary = try RunSummary(scenario: variants, table: table, settings: settingsRun)
            let gains = summary.options.dropFirst().map { ($0.name, $0.incremental!.netHealth.mean) }
            let optimised = gains.last!.1
            for (option, gain) in gains.dropLast() {
                XCTAssertGreaterThanOrEqual(optimised, gain, "\(name): the total-health allocation (\(optimised)) against \(option) (\(gain))")
            }
        }
    }
}
