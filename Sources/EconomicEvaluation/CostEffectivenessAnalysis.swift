import DrawStatistics

/// Cost-effectiveness of a set of options over Monte Carlo draws (MODEL.md §4, "Economics").
///
/// Inputs are the discounted QALYs and costs over the horizon, summed over the population, of each
/// option in each draw; option 0 is the comparator (`base`). Draws are paired across options
/// (common random numbers, MODEL.md §3), so differences are taken draw by draw. Results live in
/// extensions: the efficiency frontier (`EfficiencyFrontier.swift`), net benefit and the
/// probability of being cost-effective (`CostEffectivenessAnalysis+NetBenefit.swift`),
/// acceptability curves (`AcceptabilityCurve.swift`) and the value of information
/// (`ValueOfInformation.swift`).
public struct CostEffectivenessAnalysis: Sendable {
    /// Option names; index 0 is the comparator.
    public let optionNames: [String]
    /// Discounted QALYs, population total over the horizon, `qalys[option][draw]`.
    public let qalys: [[Double]]
    /// Discounted costs (£), population total over the horizon, `costs[option][draw]`.
    public let costs: [[Double]]

    /// - Throws: ``EconomicEvaluationError/lengthMismatch(what:expected:found:)`` unless there is at
    ///   least one option and one draw and every option has the same number of draws;
    ///   ``EconomicEvaluationError/nonFiniteValue(option:draw:what:value:)`` for NaN or infinity.
    public init(optionNames: [String], qalys: [[Double]], costs: [[Double]]) throws(EconomicEvaluationError) {
        guard !optionNames.isEmpty else { throw .empty(what: "options") }
        guard qalys.count == optionNames.count else {
            throw .lengthMismatch(what: "qalys (one entry per option)", expected: optionNames.count, found: qalys.count)
        }
        guard costs.count == optionNames.count else {
            throw .lengthMismatch(what: "costs (one entry per option)", expected: optionNames.count, found: costs.count)
        }
        let drawCount = qalys[0].count
        guard drawCount > 0 else { throw .empty(what: "draws of option \(optionNames[0])") }
        for (o, name) in optionNames.enumerated() {
            for (what, values) in [("QALYs", qalys[o]), ("cost", costs[o])] {
                guard values.count == drawCount else {
                    throw .lengthMismatch(what: "\(what) draws of option \(name)",
                                          expected: drawCount, found: values.count)
                }
                if let d = values.firstIndex(where: { !$0.isFinite }) {
                    throw .nonFiniteValue(option: name, draw: d, what: what, value: values[d])
                }
            }
        }
        self.optionNames = optionNames
        self.qalys = qalys
        self.costs = costs
    }

    /// Number of Monte Carlo draws.
    public var drawCount: Int { qalys[0].count }

    /// Incremental QALYs against base in each draw, `ΔQ_d = Q[o][d] − Q[0][d]`.
    public func incrementalQALYs(option: Int) -> [Double] {
        zip(qalys[option], qalys[0]).map { $0 - $1 }
    }

    /// Incremental cost against base in each draw, `ΔC_d = C[o][d] − C[0][d]`.
    public func incrementalCosts(option: Int) -> [Double] {
        zip(costs[option], costs[0]).map { $0 - $1 }
    }

    /// Incremental QALYs and cost against base with 95% intervals, and the ICER against base as the
    /// ratio of the mean increments, `E[ΔC] / E[ΔQ]` (MODEL.md §4).
    ///
    /// - Precondition: `option` indexes ``optionNames``.
    public func incremental(option: Int) -> Increment {
        let qalys = Interval(incrementalQALYs(option: option))
        let costs = Interval(incrementalCosts(option: option))
        return Increment(option: option, qalys: qalys, costs: costs,
                         ratio: IncrementalRatio(incrementalQALYs: qalys.mean, incrementalCost: costs.mean))
    }
}
