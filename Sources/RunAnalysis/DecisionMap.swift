import EconomicEvaluation
import MonteCarlo
import ParameterSampling

/// Two-way sensitivity analysis (`phm sensitivity --two-way A,B`): the option with the highest
/// net monetary benefit (base included) over a grid of two parameters, every other parameter at
/// its mean, no count noise. A decision map shows where the choice changes as both move.
public struct DecisionMap: Codable, Sendable {
    /// Key paths of the two parameters.
    public let first: String
    public let second: String
    /// Grid values of each, from its low to its high quantile in equal steps.
    public let firstValues: [Double]
    public let secondValues: [Double]
    /// Name of the best option at `(firstValues[i], secondValues[j])`, `best[i][j]`.
    public let best: [[String]]
    /// Incremental net monetary benefit against base (£), `incrementalNMB[option][i][j]`, options in run order.
    public let options: [String]
    public let incrementalNMB: [[[Double]]]

    /// The parameter vectors of the grid: `steps × steps` rows, `first` varying slowest.
    ///
    /// - Precondition: `first` and `second` index uncertain parameters of `sampler`; `steps ≥ 2`.
    public static func design(_ sampler: ParameterSampler, first: Int, second: Int, low: Double, high: Double, steps: Int)
        -> (rows: [[Double]], firstValues: [Double], secondValues: [Double]) {
        func grid(_ i: Int) -> [Double] {
            let a = sampler.quantile(parameter: i, low), b = sampler.quantile(parameter: i, high)
            return (0..<steps).map { a + (b - a) * Double($0) / Double(steps - 1) }
        }
        let xs = grid(first), ys = grid(second)
        var rows: [[Double]] = []
        for x in xs {
            for y in ys {
                var row = sampler.means
                row[first] = x
                row[second] = y
                rows.append(row)
            }
        }
        return (rows, xs, ys)
    }

    /// The map from the grid's runs (draw `i·steps + j` is grid point `(i, j)`).
    /// - Throws: `EconomicEvaluationError` when net benefit cannot be computed.
    public init(table: DrawTable, threshold: Double, first: String, second: String, firstValues: [Double], secondValues: [Double]) throws {
        let O = table.optionCount, n = secondValues.count
        let cea = try CostEffectivenessAnalysis(
            optionNames: table.optionNames,
            qalys: (0..<O).map { table.column(.qalys, option: $0) },
            costs: (0..<O).map { table.column(.cost, option: $0) })
        // The grid is steps² draws, and the map reports every one: net benefit is held in memory.
        var nmb: [[Double]] = []
        for o in 0..<O { nmb.append(try cea.netMonetaryBenefit(option: o, threshold: threshold)) }
        self.first = first
        self.second = second
        self.firstValues = firstValues
        self.secondValues = secondValues
        self.options = table.optionNames
        self.incrementalNMB = nmb.map { draws in firstValues.indices.map { i in (0..<n).map { draws[i * n + $0] } } }
        self.best = firstValues.indices.map { i in
            (0..<n).map { j in table.optionNames[SensitivitySummary.best(nmb.map { $0[i * n + j] })] }
        }
    }
}
