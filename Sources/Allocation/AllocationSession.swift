import ScenarioModel

/// What `phm optimise` and `phm frontier` share: the scenario, its allocation settings (the
/// file's `optimise:` with the command's flags written over it), the response curves (simulated,
/// or read from the cache) and the LP problem of MODEL.md §5.
///
/// Built in two steps so that a command can show progress and honour Ctrl-C around the one slow
/// part: ``Plan`` checks the settings and finds the curves' levels and cache (no simulation),
/// then ``Plan/session(threads:progress:)`` reads or simulates the curves and builds the problem.
public struct AllocationSession: Sendable {
    public let scenario: Scenario
    public let settings: Scenario.Optimisation
    /// The scenario's fingerprint (``ScenarioFingerprint``), which names its results folders.
    public let hash: String
    public let seed: UInt64
    public let curves: ResponseCurves
    public let curvesFromCache: Bool
    public let problem: AllocationProblem

    /// Everything that can be checked and decided before a curve is simulated.
    public struct Plan: Sendable {
        public let scenario: Scenario
        public let settings: Scenario.Optimisation
        public let hash: String
        public let seed: UInt64
        public let deterministic: Bool
        public let bounds: [ClosedRange<Double>]
        public let levels: BudgetLevels
        public let objective: AllocationObjective
        /// Draws per curve point: one in deterministic mode (every value at its mean).
        public let curveDraws: Int
        public let cache: CurveCache

        /// - Parameter cacheRoot: the results root; curves are cached under `<root>/<scenario>/.cache/`.
        /// - Throws: ``AllocationError`` when the settings cannot be met (empty bounds, a missing
        ///   gap limit), before any simulation.
        public init(scenario: Scenario, settings: Scenario.Optimisation, hash: String, seed: UInt64,
                    deterministic: Bool, cacheRoot: String) throws(AllocationError) {
            self.scenario = scenario
            self.settings = settings
            self.hash = hash
            self.seed = seed
            self.deterministic = deterministic
            bounds = try AllocationBounds.bounds(scenario: scenario, settings: settings)
            levels = BudgetLevels(scenario: scenario, settings: settings, bounds: bounds)
            objective = try AllocationSession.objective(settings, groups: scenario.groupNames.count)
            curveDraws = deterministic ? 1 : settings.curveDraws
            cache = CurveCache(root: cacheRoot, scenarioHash: hash, scenario: scenario, levels: levels, draws: curveDraws,
                               seed: seed, deterministic: deterministic)
        }

        /// How many budget levels the curves are simulated at, over every line.
        public var pointCount: Int { levels.levels.reduce(0) { $0 + $1.count } }

        /// The cached curves of this plan, if an earlier run stored them.
        public func cachedCurves() -> ResponseCurves? { cache.load() }

        /// Simulates the response curves (common random numbers, MODEL.md §5); store them with
        /// `cache.store(_:)`. `progress` receives the number of draws done.
        public func simulateCurves(threads: Int, progress: (@Sendable (Int) -> Void)? = nil) async throws -> ResponseCurves {
            try await ResponseCurves.simulate(scenario: scenario, levels: levels, draws: curveDraws, seed: seed,
                                              threads: threads, deterministic: deterministic, progress: progress)
        }

        /// The session on `curves`: the allocation problem with the settings' total (today's or
        /// an amount, plus `add`), bounds and constraints.
        public func session(curves: ResponseCurves, fromCache: Bool) throws(AllocationError) -> AllocationSession {
            var total: Double
            switch settings.total {
            case .keep: total = levels.current.reduce(0, +)
            case .amount(let value): total = value
            }
            total += settings.add
            let opportunityCost = scenario.equity.opportunityCost.map { (perQaly: $0.perQaly, shares: $0.shares) }
            let problem = try AllocationProblem(
                curves: curves, objective: objective, total: total, atMost: settings.atMost, bounds: bounds,
                noGroupWorseOff: settings.noGroupWorseOff, baselineHealth: scenario.equity.baselineHealth,
                opportunityCost: opportunityCost)
            return AllocationSession(scenario: scenario, settings: settings, hash: hash, seed: seed, curves: curves,
                                     curvesFromCache: fromCache, problem: problem)
        }
    }

    /// The LP objective the settings name.
    /// - Throws: ``AllocationError/missingSetting(_:)`` for gap-limit without a gap.
    public static func objective(_ settings: Scenario.Optimisation, groups: Int) throws(AllocationError) -> AllocationObjective {
        switch settings.objective {
        case .totalHealth: return .totalHealth
        case .weighted: return .weighted(settings.weights ?? Array(repeating: 1, count: groups))
        case .maximin: return .maximin
        case .atkinson: return .atkinson(epsilon: settings.epsilon)
        case .gapLimit:
            guard let gap = settings.gap else { throw .missingSetting(AllocationSession.missingGapMessage) }
            return .gapLimit(gap)
        }
    }

    /// What to do when gap-limit has no gap (the flag and the scenario key that give one).
    public static let missingGapMessage = "--objective gap-limit needs the largest gap allowed: --gap D or optimise.gap"
}
