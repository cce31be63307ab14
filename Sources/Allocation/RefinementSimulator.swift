import MonteCarlo
import ScenarioModel

/// The engine behind `phm optimise --refine`: simulates allocations for ``AllocationRefinement``.
///
/// Each allocation becomes an option whose `budgets:` give every line its profile scaled to the
/// allocation's mean yearly budget (as the response curves and the re-simulation do); a batch is
/// one Monte Carlo pass beside base with the curves' draws and seed, so every allocation and
/// every round see the same parameter values (common random numbers).
public struct RefinementSimulator: Sendable {
    /// Runs one batch: the command line passes a runner that shows progress and honours Ctrl-C;
    /// the label says what the batch is ("refining: curves around the allocation (9 points)").
    public typealias Run = @Sendable (_ runner: MonteCarloRunner, _ label: String) async throws -> DrawTable

    public let scenario: Scenario
    public let curves: ResponseCurves
    public let draws: Int
    public let seed: UInt64
    public let threads: Int
    public let deterministic: Bool
    public let run: Run

    public init(scenario: Scenario, curves: ResponseCurves, draws: Int, seed: UInt64, threads: Int, deterministic: Bool,
                run: @escaping Run = { runner, _ in try await runner.run() }) {
        self.scenario = scenario
        self.curves = curves
        self.draws = draws
        self.seed = seed
        self.threads = threads
        self.deterministic = deterministic
        self.run = run
    }

    /// Each allocation's QALY gain by group and cost change against today's (means over draws).
    public func outcomes(_ allocations: [[Double]]) async throws -> [AllocationRefinement.Outcome] {
        let lines = scenario.budgetLines
        let options = allocations.enumerated().map { i, x in
            ScenarioOption(
                name: "refine-\(i)", description: "allocation simulated by --refine", shifts: [], overrides: [],
                budgets: Dictionary(uniqueKeysWithValues: lines.indices.map { (lines[$0], curves.lines[$0].yearlyBudget(x[$0])) }))
        }
        let variants = scenario.replacingOptions(options)
        let settings = RunSettings(draws: draws, seed: seed, threads: threads, deterministic: deterministic,
                                   options: Array(variants.allOptions.indices))
        let label = allocations.count == 1 ? "refining: simulating the allocation" : "refining: curves around the allocation (\(allocations.count) points)"
        let table = try await run(try MonteCarloRunner(scenario: variants, settings: settings), label)
        let G = table.groupCount
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        let baseQalys = (0..<G).map { table.groupQalys(option: 0, group: $0) }
        let baseCost = Array(table.values(table.cost, option: 0))
        return allocations.indices.map { i in
            AllocationRefinement.Outcome(
                qalyGain: (0..<G).map { g in mean(zip(table.groupQalys(option: i + 1, group: g), baseQalys[g]).map { $0 - $1 }) },
                costChange: mean(zip(table.values(table.cost, option: i + 1), baseCost).map { $0 - $1 }))
        }
    }
}
