import ArgumentParser
import Foundation
import MonteCarlo
import ScenarioModel

/// How many draws, from which seed, on how many threads, or deterministic: the flags every
/// simulating command shares (each command adds how it chooses options).
struct DrawOptions: ParsableArguments {
    @Option(help: "Monte Carlo draws (default: the scenario's monte_carlo.draws).")
    var draws: Int?

    @Option(help: "Seed of the random streams (default: the scenario's monte_carlo.seed).")
    var seed: UInt64?

    @Option(help: "Worker threads; results are identical for any number (default: all cores).")
    var threads: Int?

    @Flag(help: "Replace every distribution by its mean and run one draw (MODEL.md deterministic mode).")
    var deterministic = false

    func validate() throws {
        if let draws, draws < 1 { throw ValidationError("--draws must be at least 1 (got \(draws))") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
        if deterministic, let draws, draws != 1 {
            throw ValidationError("--deterministic runs one draw at the means; drop --draws \(draws) or --deterministic")
        }
    }

    /// Which of these flags were given, by name (for commands where they do not apply).
    var given: [String] {
        [("--draws", draws != nil), ("--seed", seed != nil), ("--threads", threads != nil), ("--deterministic", deterministic)]
            .filter(\.1).map(\.0)
    }

    /// Settings for `options` of `scenario`, flags overriding the file.
    func settings(for scenario: Scenario, options: [Int]) -> RunSettings {
        RunSettings(
            draws: draws ?? scenario.monteCarlo.draws, seed: seed ?? scenario.monteCarlo.seed,
            threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
            deterministic: deterministic, options: options)
    }
}
