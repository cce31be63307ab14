import Allocation
import ArgumentParser
import Foundation
import ScenarioModel

/// Flags shared by `phm optimise` and `phm frontier`: they override the scenario's `optimise:`
/// section (MODEL.md §5) and set how the response curves are simulated.
struct AllocationOptions: ParsableArguments {
    @Option(help: "Objective: total-health, weighted, maximin, atkinson or gap-limit (default: optimise.objective).")
    var objective: Scenario.Optimisation.Objective?

    @Option(help: "Inequality aversion ε for --objective atkinson (default: optimise.epsilon, else 1).")
    var epsilon: Double?

    @Option(help: "Largest gap h_last − h_first for --objective gap-limit (default: optimise.gap).")
    var gap: Double?

    @Option(help: "Group weights for --objective weighted, e.g. Q1=2,Q2=1.5 (unlisted groups weigh 1).",
            transform: AllocationArguments.weights)
    var weights: [(group: String, weight: Double)]?

    @Option(help: "Total of the lines' mean yearly budgets: keep (today's) or £, e.g. 2.5e9 (default: optimise.total).",
            transform: AllocationArguments.total)
    var total: Scenario.Optimisation.Total?

    @Option(help: "New money added to the total, £ a year (negative for a cut; default: optimise.add, else 0).")
    var add: Double?

    @Flag(help: "Spend at most the total instead of exactly it.")
    var atMost = false

    @Flag(help: "Every group's predicted net health at least today's.")
    var noGroupWorseOff = false

    @Option(name: .customLong("min"), help: "A line's lowest budget, LINE=£ or LINE=N% of today's (repeatable; overrides optimise.lines).",
            transform: AllocationArguments.lineLimit(flag: "--min"))
    var minimums: [AllocationArguments.LineLimit] = []

    @Option(name: .customLong("max"), help: "A line's highest budget, LINE=£ or LINE=N% of today's (repeatable).",
            transform: AllocationArguments.lineLimit(flag: "--max"))
    var maximums: [AllocationArguments.LineLimit] = []

    @Option(help: "A line's largest change from today, LINE=£ or LINE=N% (repeatable).",
            transform: AllocationArguments.lineLimit(flag: "--max-change"))
    var maxChange: [AllocationArguments.LineLimit] = []

    @Option(help: "A line that may not fall below today's budget (repeatable).")
    var ringFence: [String] = []

    @Option(help: "Monte Carlo draws per response-curve point (default: optimise.curve_draws, else 200).")
    var curveDraws: Int?

    /// --seed, --threads, --deterministic (one draw at the means for the curves and the re-simulation).
    @OptionGroup var stream: StreamOptions

    func validate() throws {
        if let epsilon, !(epsilon >= 0 && epsilon.isFinite) { throw ValidationError("--epsilon must be ≥ 0 (got \(epsilon))") }
        if let curveDraws, curveDraws < 1 { throw ValidationError("--curve-draws must be at least 1 (got \(curveDraws))") }
        // A flag that only one objective reads, given with another objective, would be ignored.
        if let objective {
            for (flag, given, reader) in [("--epsilon", epsilon != nil, Scenario.Optimisation.Objective.atkinson),
                                          ("--gap", gap != nil, .gapLimit), ("--weights", weights != nil, .weighted)]
            where given && objective != reader {
                throw ValidationError("\(flag) is read only by --objective \(reader.rawValue); drop it or use that objective (got --objective \(objective.rawValue))")
            }
        }
    }


    /// The scenario's `optimise:` section (or its defaults) with the flags written over it.
    /// - Throws: `ValidationError` (usage, exit 64) for a line or group the scenario does not
    ///   have, or a gap limit without a gap: checked as soon as the scenario is loaded, before
    ///   any curve is simulated.
    func settings(for scenario: Scenario) throws -> Scenario.Optimisation {
        var settings = scenario.optimisation ?? Scenario.Optimisation()
        if let objective { settings.objective = objective }
        if let epsilon { settings.epsilon = epsilon }
        if let gap { settings.gap = gap }
        if let weights { settings.weights = try Self.groupWeights(weights, groups: scenario.groupNames) }
        if let total { settings.total = total }
        if let add { settings.add = add }
        if atMost { settings.atMost = true }
        if noGroupWorseOff { settings.noGroupWorseOff = true }
        if let curveDraws { settings.curveDraws = curveDraws }
        try applyLineLimits(to: &settings, scenario: scenario)
        if settings.objective == .gapLimit && settings.gap == nil {
            throw ValidationError(AllocationSession.missingGapMessage)
        }
        return settings
    }

    /// A weight per equity group, 1 for the groups `--weights` does not name.
    static func groupWeights(_ pairs: [(group: String, weight: Double)], groups: [String]) throws -> [Double] {
        var weights = [Double](repeating: 1, count: groups.count)
        for (group, weight) in pairs {
            guard let g = groups.firstIndex(of: group) else {
                throw ValidationError("--weights: unknown equity group `\(group)`; the groups are \(groups.joined(separator: ", "))")
            }
            weights[g] = weight
        }
        return weights
    }
}
