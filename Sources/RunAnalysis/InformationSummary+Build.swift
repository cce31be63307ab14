import EconomicEvaluation
import EquityAnalysis
import InformationValue
import MonteCarlo
import ScenarioModel

extension InformationSummary {
    /// A named set of parameter paths whose EVPPI is estimated jointly.
    public typealias Group = Scenario.InformationGroup

    /// Value of information of a finished run.
    ///
    /// Net benefit of option `o` in draw `d` is `Q_od·λ − C_od` (£, population over the horizon);
    /// the regression uses each option's increment over base. With `epsilon`, the decision is
    /// instead by social welfare `EDE_ε(h_od)·N` (MODEL.md §4), valued at `λ` £ per QALY, with the
    /// health distribution net of opportunity cost where the scenario sets it.
    ///
    /// Parameters (and groups) are estimated concurrently on up to `threads` tasks; each estimate
    /// depends only on its own inputs and stream, so results do not depend on `threads`.
    /// - Precondition: every group path is one of `parameters.paths` (the command checks).
    /// - Throws: `EconomicEvaluationError` or `EquityError` when the results cannot be analysed.
    public init(scenario: Scenario, table: DrawTable, settings: RunSettings, parameters: ParameterDraws,
                groups: [Group], epsilon: Double?) async throws {
        let O = table.optionCount, D = table.draws
        let qalys = (0..<O).map { Array(table.values(table.qalys, option: $0)) }
        let costs = (0..<O).map { Array(table.values(table.cost, option: $0)) }
        let people = (0..<table.groupCount).reduce(0.0) { sum, g in sum + table.groupPopulation(group: g).reduce(0, +) / Double(D) }
        let threshold = scenario.threshold
        let cea = try CostEffectivenessAnalysis(optionNames: table.optionNames, qalys: qalys, costs: costs)
        let curve = try cea.acceptabilityCurve(population: people)
        let atThreshold = try cea.valueOfPerfectInformation(threshold: threshold, population: people)
        let incremental = try (1..<max(O, 1)).map { try cea.netMonetaryBenefit(option: $0, threshold: threshold) }

        var inputs: [(name: String, columns: [[Double]])] = parameters.paths.indices.map { (parameters.paths[$0], [parameters.column($0)]) }
        for group in groups {
            inputs.append(("group:\(group.name)", group.paths.map { parameters.column(parameters.paths.firstIndex(of: $0)!) }))
        }
        let seed = settings.seed, threads = settings.threads
        func partials(_ values: [[Double]]) async -> [Partial] {
            let estimates = await Self.estimate(values, inputs: inputs, seed: seed, threads: threads)
            let rows = zip(inputs, estimates).map { input, estimate in
                Partial(parameter: input.name, perPerson: estimate.value / people, population: estimate.value, se: estimate.standardError)
            }
            // Largest first; ties (often exact zeros) keep the file order of the parameters.
            return rows.indices.sorted { (-rows[$0].population, $0) < (-rows[$1].population, $1) }.map { rows[$0] }
        }

        var equity: Equity?
        if let epsilon {
            let dcea = try DistributionalEvaluation(scenario: scenario, table: table)
            var welfare: [[Double]] = []
            for o in 0..<O {
                var values: [Double] = []
                try dcea.forEachDistribution(option: o) { _, h in values.append(try h.atkinsonEDE(epsilon: epsilon) * h.totalPopulation) }
                welfare.append(values)
            }
            let gains = (1..<max(O, 1)).map { o in (0..<D).map { (welfare[o][$0] - welfare[0][$0]) * threshold } }
            let evpi = InformationEstimate.perfect(gains)
            equity = Equity(epsilon: epsilon, evpi: Value(perPerson: evpi / people, population: evpi), evppi: await partials(gains))
        }
        self.init(
            scenario: scenario.name, draws: D, seed: settings.seed, horizon: scenario.horizon, threshold: threshold,
            personCount: people, options: table.optionNames,
            evpi: Value(perPerson: atThreshold.perPerson, population: atThreshold.population),
            evppi: await partials(incremental),
            evpiCurve: Curve(thresholds: curve.thresholds, perPerson: curve.valueOfInformation.map(\.perPerson),
                             population: curve.valueOfInformation.map(\.population)),
            equity: equity)
    }

    /// EVPPI of every input set, spread over `threads` tasks (input `i` goes to task `i mod threads`).
    private static func estimate(_ incremental: [[Double]], inputs: [(name: String, columns: [[Double]])],
                                 seed: UInt64, threads: Int) async -> [PartialValue] {
        let workers = max(1, min(threads, inputs.count))
        return await withTaskGroup(of: [(Int, PartialValue)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    stride(from: worker, to: inputs.count, by: workers).map { i in
                        (i, InformationEstimate.partial(incremental: incremental, inputs: inputs[i].columns, seed: seed, key: inputs[i].name))
                    }
                }
            }
            var results = [PartialValue?](repeating: nil, count: inputs.count)
            for await batch in group { for (i, value) in batch { results[i] = value } }
            return results.map { $0! }
        }
    }
}
