import ArgumentParser
import Foundation
import MonteCarlo
import ScenarioModel

/// How many draws, from which seed, on how many threads, or deterministic: the flags every
/// simulating command shares (each command adds how it chooses options).
struct DrawOptions: ParsableArguments {
    @Option(help: "Monte Carlo draws (default: the scenario's monte_carlo.draws).")
    var draws: Int?

    @OptionGroup var stream: StreamOptions

    func validate() throws {
        if let draws, draws < 1 { throw ValidationError("--draws must be at least 1 (got \(draws))") }
        if stream.deterministic, let draws, draws != 1 {
            throw ValidationError("--deterministic runs one draw at the means; drop --draws \(draws) or --deterministic")
        }
    }

    /// Which of these flags were given, by name (for commands where they do not apply).
    var given: [String] {
        [("--draws", draws != nil), ("--seed", stream.seed != nil), ("--threads", stream.threads != nil), ("--deterministic", stream.deterministic)]
            .filter(\.1).map(\.0)
    }

    /// Settings for `options` of `scenario`, flags overriding the file.
    func settings(for scenario: Scenario, options: [Int]) -> RunSettings {
        RunSettings(
            draws: draws ?? scenario.monteCarlo.draws, seed: stream.seed ?? scenario.monteCarlo.seed,
            threads: stream.threadCount, deterministic: stream.deterministic, options: options)
    }
}
