import Allocation
import ArgumentParser
import Foundation
import ScenarioModel

/// What `phm optimise` and `phm frontier` share: the scenario, its allocation settings with the
/// flags applied, the response curves (simulated, or read from the cache) and the LP problem.
struct AllocationSession {
    let file: String
    let scenario: Scenario
    let settings: Scenario.Optimisation
    let hash: String
    let seed: UInt64
    let curves: ResponseCurves
    let curvesFromCache: Bool
    let problem: AllocationProblem

    static func prepare(file: String, options: AllocationOptions, out: String) async throws -> AllocationSession {
        let scenario = try ScenarioInput.load(file)
        let settings = try options.settings(for: scenario)
        let hash = ScenarioInput.hash(path: file, scenario: scenario)
        let seed = options.stream.seed ?? scenario.monteCarlo.seed
        let bounds = try Self.check { () throws(AllocationError) in try AllocationBounds.bounds(scenario: scenario, settings: settings) }
        let levels = BudgetLevels(scenario: scenario, settings: settings, bounds: bounds)
        let draws = options.stream.deterministic ? 1 : settings.curveDraws
        let cache = CurveCache(root: out, file: file, scenario: scenario, levels: levels, draws: draws, seed: seed, deterministic: options.stream.deterministic)
        var curves = cache.load()
        let fromCache = curves != nil
        if curves == nil {
            let points = levels.levels.reduce(0) { $0 + $1.count }
            let progress = ProgressBar(total: draws, label: "response curves (\(scenario.budgetLines.count) lines, \(points) points)")
            let threads = options.stream.threadCount, deterministic = options.stream.deterministic
            let simulated = try await Interrupt.cancellingOnSIGINT {
                try await ResponseCurves.simulate(scenario: scenario, levels: levels, draws: draws, seed: seed, threads: threads,
                                                  deterministic: deterministic) { progress.update($0) }
            }
            progress.finish()
            try cache.store(simulated)
            curves = simulated
        }
        let objective = try Self.objective(settings, groups: scenario.groupNames.count)
        var total: Double
        switch settings.total {
        case .keep: total = levels.current.reduce(0, +)
        case .amount(let value): total = value
        }
        total += settings.add
        let opportunityCost = scenario.equity.opportunityCost.map { (perQaly: $0.perQaly, shares: $0.shares) }
        let problem = try Self.check { () throws(AllocationError) in
            try AllocationProblem(
                curves: curves!, objective: objective, total: total, atMost: settings.atMost, bounds: bounds,
                noGroupWorseOff: settings.noGroupWorseOff, baselineHealth: scenario.equity.baselineHealth,
                opportunityCost: opportunityCost)
        }
        return AllocationSession(file: file, scenario: scenario, settings: settings, hash: hash, seed: seed, curves: curves!,
                                 curvesFromCache: fromCache, problem: problem)
    }

    static func objective(_ settings: Scenario.Optimisation, groups: Int) throws -> AllocationObjective {
        switch settings.objective {
        case .totalHealth: return .totalHealth
        case .weighted: return .weighted(settings.weights ?? Array(repeating: 1, count: groups))
        case .maximin: return .maximin
        case .atkinson: return .atkinson(epsilon: settings.epsilon)
        case .gapLimit:
            guard let gap = settings.gap else {
                throw ValidationError("--objective gap-limit needs the largest gap allowed: --gap D or optimise.gap")
            }
            return .gapLimit(gap)
        }
    }

    /// Runs `body`, turning an ``AllocationError`` into its message on standard error and exit 65
    /// (the scenario's allocation settings cannot be met).
    static func check<T>(_ body: () throws(AllocationError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            FileHandle.standardError.write(Data("phm: \(error.description)\n".utf8))
            throw ExitCode(65)
        }
    }
}
