import Foundation
import MonteCarlo
import RunAnalysis
import ScenarioModel

extension Bench {
    /// Parameters whose EVPPI is timed (issue 15: "20 parameters and 5,000 draws runs in seconds").
    static let voiParameters = 20

    /// Times `phm voi`'s analysis, EVPI plus the regression EVPPI of the first 20 uncertain
    /// parameters, on `--voi-draws` draws of the scenario (the simulation is timed apart).
    func benchInformation(_ scenario: Scenario, threads: Int) async throws {
        let settings = RunSettings(draws: voiDraws, seed: scenario.monteCarlo.seed, threads: threads, options: Array(scenario.allOptions.indices))
        let runner = try MonteCarloRunner(scenario: scenario, settings: settings)
        let simulated = Date()
        let table = try await runner.run()
        let simulation = Date().timeIntervalSince(simulated)
        let parameters = runner.parameterDraws().prefix(Self.voiParameters)
        let start = Date()
        let summary = try await InformationSummary(scenario: scenario, table: table, settings: settings, parameters: parameters, groups: [], epsilon: nil)
        let seconds = Date().timeIntervalSince(start)
        print("value of information: EVPPI of \(summary.evppi.count) parameters × \(voiDraws) draws × \(table.optionCount - 1) options in \(String(format: "%.2f", seconds)) s (\(threads) threads; simulating the draws took \(String(format: "%.1f", simulation)) s)")
    }
}
