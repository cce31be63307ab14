import MonteCarlo
import ScenarioModel

/// Runs what `phm payments` needs and analyses it (MODEL.md §6):
/// 1. the plan: the base option at the means (deterministic), recording each contract's activity;
/// 2. the Monte Carlo run of the chosen option, recording activity, populations and budgets;
/// 3. for each contract, the same run with its demand reduced by ``preventionReduction``
///    (same seed and draws: common random numbers), for incentive alignment.
public struct PaymentStudy: Sendable {
    /// "Prevention removes 1% of the contract's demand" (MODEL.md §6).
    public static let preventionReduction = 0.01

    public let scenario: Scenario
    /// The Monte Carlo settings; `options` holds base and, if chosen, one other option.
    public let settings: RunSettings
    /// Index of the reported option in `scenario.allOptions`.
    public let option: Int
    let probe: ContractProbe

    /// - Throws: ``PaymentStudyError/noContracts`` when the scenario has no `contracts`.
    public init(scenario: Scenario, settings: RunSettings, option: Int) throws {
        guard !scenario.contracts.isEmpty else { throw PaymentStudyError.noContracts(scenario: scenario.name) }
        self.scenario = scenario
        self.option = option
        var settings = settings
        settings.options = option == 0 ? [0] : [0, option]
        self.settings = settings
        probe = ContractProbe(scenario: scenario)
    }

    /// Draws simulated in all (for progress): the plan, the main run, one prevention run per contract.
    public var totalDraws: Int { 1 + settings.draws * (1 + scenario.contracts.count) }

    /// - Throws: `CancellationError` when cancelled; `ParameterSamplerError` for bad correlations.
    public func run(progress: (@Sendable (Int) -> Void)? = nil) async throws -> PaymentReport {
        let planSettings = RunSettings(draws: 1, seed: settings.seed, threads: 1, deterministic: true, options: [0])
        let plan = try await MonteCarloRunner(scenario: scenario, settings: planSettings).run(probe: probe.probe)
        progress?(1)
        let runner = try MonteCarloRunner(scenario: scenario, settings: settings)
        let main = try await runner.run(probe: probe.probe) { progress?(1 + $0) }
        var prevention: [ProbeTable] = []
        for k in scenario.contracts.indices {
            let offset = 1 + settings.draws * (1 + k)
            let run = try await runner.run(probe: probe.prevention(contract: k, reduction: Self.preventionReduction)) { progress?(offset + $0) }
            prevention.append(run.probe)
        }
        let position = option == 0 ? 0 : 1  // settings.options is [0] or [0, option] (init)
        let T = scenario.horizon
        let planServiceActivity = scenario.services.indices.map { s in (0..<T).map { plan.table.yearly[0].activity[s * T + $0] } }
        let contracts = scenario.contracts.enumerated().map { k, contract in
            let planActivity = probe.streams[k].map { Array(plan.probe.activity(option: 0, draw: 0, stream: $0)) }
            let terms = ContractTerms(contract: contract, scenario: scenario, planActivity: planActivity, planServiceActivity: planServiceActivity)
            let analysis = ContractAnalysis(terms: terms, streams: probe.streams[k], weightings: probe.weightings[k], discountRate: scenario.discount.costs)
            return analysis.result(
                main: main.probe, prevention: prevention[k], option: position,
                serviceNames: scenario.services.map(\.name), cohortLabel: cohortLabel(contract))
        }
        return PaymentReport(
            scenario: scenario.name, option: scenario.allOptions[option].name, draws: settings.draws, seed: settings.seed,
            deterministic: settings.deterministic, horizon: T, discountRate: scenario.discount.costs,
            preventionReduction: Self.preventionReduction, contracts: contracts)
    }

    /// `age: 85+; imd: Q1, Q2`, or `all cohorts`.
    func cohortLabel(_ contract: Contract) -> String {
        guard !contract.cohorts.isEmpty else { return "all cohorts" }
        return contract.cohorts.keys.sorted().map { d in
            let dimension = scenario.dimensions[d]
            let levels = contract.cohorts[d]!.sorted().map { dimension.levels[$0] }
            return "\(dimension.name): \(levels.joined(separator: ", "))"
        }.joined(separator: "; ")
    }
}

/// Why a payments study cannot run.
public enum PaymentStudyError: Error, Sendable, CustomStringConvertible {
    case noContracts(scenario: String)

    public var description: String {
        switch self {
        case .noContracts(let scenario):
            return "scenario \(scenario) has no `contracts`; add one (see Scenarios/README.md, \"Contracts\") to compare payment models"
        }
    }
}
