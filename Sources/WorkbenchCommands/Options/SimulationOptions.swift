import ArgumentParser
import Foundation
import MonteCarlo
import ScenarioModel

/// Flags shared by commands that simulate: draws, seed, threads, deterministic mode, options.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Monte Carlo draws (default: the scenario's monte_carlo.draws).")
    var draws: Int?

    @Option(help: "Seed of the random streams (default: the scenario's monte_carlo.seed).")
    var seed: UInt64?

    @Option(help: "Worker threads; results are identical for any number (default: all cores).")
    var threads: Int?

    @Flag(help: "Replace every distribution by its mean and run one draw (MODEL.md deterministic mode).")
    var deterministic = false

    @Option(help: "Comma-separated options to simulate besides base (default: all).")
    var options: String?

    func validate() throws {
        if let draws, draws < 1 { throw ValidationError("--draws must be at least 1 (got \(draws))") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
        if deterministic, let draws, draws != 1 {
            throw ValidationError("--deterministic runs one draw at the means; drop --draws \(draws) or --deterministic")
        }
    }

    /// Settings for `scenario`, flags overriding the file.
    func settings(for scenario: Scenario) throws -> RunSettings {
        var selected = Array(scenario.allOptions.indices)
        if let options {
            let names = scenario.allOptions.map(\.name)
            selected = [0]
            for name in options.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let index = names.firstIndex(of: name) else {
                    throw ValidationError("--options: unknown option `\(name)`; the scenario has \(names.joined(separator: ", "))")
                }
                if !selected.contains(index) { selected.append(index) }
            }
        }
        return RunSettings(
            draws: draws ?? scenario.monteCarlo.draws, seed: seed ?? scenario.monteCarlo.seed,
            threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
            deterministic: deterministic, options: selected)
    }
}
