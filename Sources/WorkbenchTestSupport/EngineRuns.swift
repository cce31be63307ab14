import MonteCarlo
import ScenarioModel

/// Runs the Monte Carlo engine from tests with explicit settings.
public enum EngineRuns {
    /// Every option of `scenario`, deterministic (one draw at the means).
    public static func deterministic(_ scenario: Scenario) async throws -> DrawTable {
        let settings = RunSettings(draws: 1, seed: scenario.monteCarlo.seed, threads: 1, deterministic: true, options: Array(scenario.allOptions.indices))
        return try await MonteCarloRunner(scenario: scenario, settings: settings).run()
    }

    /// Every option of `scenario` over `draws` draws.
    public static func draws(_ scenario: Scenario, draws: Int, seed: UInt64 = 7, threads: Int = 2, commonRandomNumbers: Bool = true) async throws -> DrawTable {
        let settings = RunSettings(draws: draws, seed: seed, threads: threads, options: Array(scenario.allOptions.indices), commonRandomNumbers: commonRandomNumbers)
        return try await MonteCarloRunner(scenario: scenario, settings: settings).run()
    }
}
