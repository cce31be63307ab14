import ArgumentParser
import Foundation
import ScenarioModel

/// Flags shared by `phm optimise` and `phm frontier`: they override the scenario's `optimise:`
/// section (MODEL.md §5) and set how the response curves are simulated.
struct AllocationOptions: ParsableArguments {
    @Option(help: "Objective: total-health, weighted, maximin, atkinson or gap-limit (default: optimise.objective).")
    var objective: String?

    @Option(help: "Inequality aversion ε for --objective atkinson (default: optimise.epsilon, else 1).")
    var epsilon: Double?

    @Option(help: "Largest gap h_last − h_first for --objective gap-limit (default: optimise.gap).")
    var gap: Double?

    @Option(help: "Group weights for --objective weighted, e.g. Q1=2,Q2=1.5 (unlisted groups weigh 1).")
    var weights: String?

    @Option(help: "Total of the lines' mean yearly budgets: keep (today's) or £, e.g. 2.5e9 (default: optimise.total).")
    var total: String?

    @Option(help: "New money added to the total, £ a year (negative for a cut; default: optimise.add, else 0).")
    var add: Double?

    @Flag(help: "Spend at most the total instead of exactly it.")
    var atMost = false

    @Flag(help: "Every group's predicted net health at least today's.")
    var noGroupWorseOff = false

    @Option(name: .customLong("min"), help: "A line's lowest budget, LINE=£ or LINE=N% of today's (repeatable; overrides optimise.lines).")
    var minimums: [String] = []

    @Option(name: .customLong("max"), help: "A line's highest budget, LINE=£ or LINE=N% of today's (repeatable).")
    var maximums: [String] = []

    @Option(help: "A line's largest change from today, LINE=£ or LINE=N% (repeatable).")
    var maxChange: [String] = []

    @Option(help: "A line that may not fall below today's budget (repeatable).")
    var ringFence: [String] = []

    @Option(help: "Monte Carlo draws per response-curve point (default: optimise.curve_draws, else 200).")
    var curveDraws: Int?

    /// --seed, --threads, --deterministic (one draw at the means for the curves and the re-simulation).
    @OptionGroup var stream: StreamOptions

    func validate() throws {
        if let objective, Scenario.Optimisation.Objective(rawValue: objective) == nil {
            let names = Scenario.Optimisation.Objective.allCases.map(\.rawValue)
            throw ValidationError("--objective must be one of \(names.joined(separator: ", ")) (got \(objective))")
        }
        if let epsilon, !(epsilon >= 0 && epsilon.isFinite) { throw ValidationError("--epsilon must be ≥ 0 (got \(epsilon))") }
        if let curveDraws, curveDraws < 1 { throw ValidationError("--curve-draws must be at least 1 (got \(curveDraws))") }
        if let total, total != "keep", !(Double(total).map { $0 >= 0 && $0.isFinite } ?? false) {
            throw ValidationError("--total must be `keep` or an amount in £ ≥ 0 (got \(total))")
        }
    }

    /// The scenario's `optimise:` section (or its defaults) with the flags written over it.
    func settings(for scenario: Scenario) throws -> Scenario.Optimisation {
        var settings = scenario.optimisation ?? Scenario.Optimisation()
        if let objective { settings.objective = Scenario.Optimisation.Objective(rawValue: objective)! }
        if let epsilon { settings.epsilon = epsilon }
        if let gap { settings.gap = gap }
        if let weights { settings.weights = try Self.parseWeights(weights, groups: scenario.groupNames) }
        if let total { settings.total = total == "keep" ? .keep : .amount(Double(total)!) }
        if let add { settings.add = add }
        if atMost { settings.atMost = true }
        if noGroupWorseOff { settings.noGroupWorseOff = true }
        if let curveDraws { settings.curveDraws = curveDraws }
        try applyLineLimits(to: &settings, scenario: scenario)
        return settings
    }

    static func parseWeights(_ text: String, groups: [String]) throws -> [Double] {
        var weights = [Double](repeating: 1, count: groups.count)
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]), value >= 0 else {
                throw ValidationError("--weights: expected GROUP=WEIGHT pairs such as Q1=2,Q2=1.5 (got `\(item)`)")
            }
            guard let g = groups.firstIndex(of: parts[0]) else {
                throw ValidationError("--weights: unknown equity group `\(parts[0])`; the groups are \(groups.joined(separator: ", "))")
            }
            weights[g] = value
        }
        return weights
    }
}
