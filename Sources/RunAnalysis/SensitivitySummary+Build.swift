import EconomicEvaluation
import EquityAnalysis
import MonteCarlo
import ParameterSampling
import ScenarioModel

extension SensitivitySummary {
    /// The parameter vectors of a one-way analysis: row 0 all means, then for each uncertain
    /// parameter `i` (in sampler order) a row with `i` at its `low` quantile and one at its `high`.
    public static func design(_ sampler: ParameterSampler, low: Double, high: Double) -> (rows: [[Double]], parameters: [Int]) {
        let uncertain = sampler.parameters.indices.filter { sampler.parameters[$0].distribution.isUncertain }
        var rows = [sampler.means]
        for i in uncertain {
            for p in [low, high] {
                var row = sampler.means
                row[i] = sampler.quantile(parameter: i, p)
                rows.append(row)
            }
        }
        return (rows, uncertain)
    }

    /// Analyses the scripted runs of ``design(_:low:high:)``.
    ///
    /// - Parameters:
    ///   - table: the runs, draw `d` = design row `d`.
    ///   - options: option indices in `table` to report (all but base by default).
    /// - Throws: `EconomicEvaluationError` or `EquityError` when an outcome cannot be computed.
    public init(scenario: Scenario, table: DrawTable, sampler: ParameterSampler, parameters: [Int],
                low: Double, high: Double, epsilon: Double, options: [Int]) throws {
        let O = table.optionCount
        let cea = try CostEffectivenessAnalysis(
            optionNames: table.optionNames,
            qalys: (0..<O).map { Array(table.values(table.qalys, option: $0)) },
            costs: (0..<O).map { Array(table.values(table.cost, option: $0)) })
        let dcea = try DistributionalEvaluation(scenario: scenario, table: table)
        var outcomes: [[[Double]]] = []  // [option][outcome][draw]
        for o in 0..<O {
            let nmb = try cea.netMonetaryBenefit(option: o, threshold: scenario.threshold)
            var gap: [Double] = [], ede: [Double] = []
            try dcea.forEachDistributionWithBase(option: o) { _, h, base, _ in
                gap.append(h.gap - base.gap)
                ede.append(try h.atkinsonEDE(epsilon: epsilon) - base.atkinsonEDE(epsilon: epsilon))
            }
            outcomes.append([nmb, gap, ede])
        }
        var rows: [Row] = []
        var flips: [Flip] = []
        for (k, i) in parameters.enumerated() {
            let path = sampler.parameters[i].path
            let lowValue = sampler.quantile(parameter: i, low), highValue = sampler.quantile(parameter: i, high)
            let (dl, dh) = (1 + 2 * k, 2 + 2 * k)
            for o in options {
                for (m, name) in Self.outcomes.enumerated() {
                    let a = outcomes[o][m][dl], b = outcomes[o][m][dh]
                    rows.append(Row(parameter: path, lowValue: lowValue, highValue: highValue, option: table.optionNames[o],
                                    outcome: name, atLow: a, atHigh: b, swing: abs(b - a)))
                }
            }
            let nmbLow = (0..<O).map { outcomes[$0][0][dl] }, nmbHigh = (0..<O).map { outcomes[$0][0][dh] }
            let best = (low: Self.best(nmbLow), high: Self.best(nmbHigh))
            if best.low != best.high {
                // Linear in the parameter between the runs: the difference a − b crosses 0 at fraction t.
                let before = nmbLow[best.low] - nmbLow[best.high], after = nmbHigh[best.low] - nmbHigh[best.high]
                let t = before / (before - after)
                flips.append(Flip(parameter: path, atLow: table.optionNames[best.low], atHigh: table.optionNames[best.high],
                                  threshold: lowValue + t * (highValue - lowValue)))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: options.enumerated().map { (table.optionNames[$0.element], $0.offset) })
        rows.sort {
            ((order[$0.option] ?? 0), Self.outcomes.firstIndex(of: $0.outcome)!, -$0.swing)
                < ((order[$1.option] ?? 0), Self.outcomes.firstIndex(of: $1.outcome)!, -$1.swing)
        }
        self.init(scenario: scenario.name, horizon: scenario.horizon, threshold: scenario.threshold,
                  lowQuantile: low, highQuantile: high, epsilon: epsilon,
                  central: options.flatMap { o in Self.outcomes.enumerated().map { CentralValue(option: table.optionNames[o], outcome: $1, value: outcomes[o][$0][0]) } },
                  rows: rows, flips: flips)
    }

    /// Index of the largest value; ties go to the lower index (base first).
    static func best(_ values: [Double]) -> Int {
        values.indices.reduce(0) { values[$1] > values[$0] ? $1 : $0 }
    }
}
