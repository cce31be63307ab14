import ArgumentParser
import Foundation
import MonteCarlo
import ScenarioModel

/// Flags shared by commands that simulate a scenario's options: the draw flags and which
/// options to run besides base.
struct SimulationOptions: ParsableArguments {
    @OptionGroup var draw: DrawOptions

    @Option(help: "Comma-separated options to simulate besides base (default: all).")
    var options: String?

    /// Which of these flags were given, by name (for commands where they do not apply).
    var given: [String] { draw.given + (options == nil ? [] : ["--options"]) }

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
        return draw.settings(for: scenario, options: selected)
    }
}
