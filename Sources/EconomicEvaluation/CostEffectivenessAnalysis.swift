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
///
/// The draws are read as ``DrawColumn``s, a piece at a time (``ColumnPieces``), and per-draw series
/// derived from them are written to a ``ScratchSpace``, so memory does not grow with the number
/// of draws when the columns are files (issue 18).
public struct CostEffectivenessAnalysis: Sendable {
    /// Option names; index 0 is the comparator.
    public let optionNames: [String]
    /// Discounted QALYs, population total over the horizon, `qalys[option]` over draws.
    public let qalys: [DrawColumn]
    /// Discounted costs (£), population total over the horizon, `costs[option]` over draws.
    public let costs: [DrawColumn]
    /// Where per-draw series (increments, net benefit) are written.
    let scratch: ScratchSpace
    /// Mean QALYs and mean cost of each option (`Σ_d x_d / D`, summed in draw order), taken in
    /// the pass that checks the inputs: the efficiency frontier needs nothing else.
    let meanQALYs: [Double], meanCosts: [Double]

    /// Checks the columns in one pass over their pieces.
    ///
    /// - Parameter scratch: where the per-draw series the analysis derives are kept (a run's work
    ///   folder for a run too large to hold in memory).
    /// - Throws: ``EconomicEvaluationError/empty(what:)`` or
    ///   ``EconomicEvaluationError/lengthMismatch(what:expected:found:)`` unless there is at least
    ///   one option and one draw and every option has the same number of draws;
    ///   ``EconomicEvaluationError/nonFiniteValue(option:draw:what:value:)`` for NaN or infinity
    ///   (the first by option, QALYs before cost, then by draw);
    ///   ``EconomicEvaluationError/unreadableColumn(path:reason:)`` when a column file cannot be read.
    public init(optionNames: [String], qalys: [DrawColumn], costs: [DrawColumn],
                scratch: ScratchSpace = .memory) throws(EconomicEvaluationError) {
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
            for (what, column) in [("QALYs", qalys[o]), ("cost", costs[o])] where column.count != drawCount {
                throw .lengthMismatch(what: "\(what) draws of option \(name)", expected: drawCount, found: column.count)
            }
        }
        let O = optionNames.count
        var sums = Array(repeating: 0.0, count: 2 * O)  // QALYs of every option, then costs
        var firstNonFinite: [(draw: Int, value: Double)?] = Array(repeating: nil, count: 2 * O)
        let pieces = ColumnPieces(qalys: qalys, costs: costs, draws: drawCount)
        while try pieces.nextPiece() {
            for c in 0..<(2 * O) {
                for (i, value) in pieces[c].enumerated() {
                    sums[c] += value
                    if !value.isFinite && firstNonFinite[c] == nil {
                        firstNonFinite[c] = (pieces.range.lowerBound + i, value)
                    }
                }
            }
        }
        for (o, name) in optionNames.enumerated() {
            for (what, c) in [("QALYs", o), ("cost", O + o)] {
                if let (draw, value) = firstNonFinite[c] {
                    throw .nonFiniteValue(option: name, draw: draw, what: what, value: value)
                }
            }
        }
        self.optionNames = optionNames
        self.qalys = qalys
        self.costs = costs
        self.scratch = scratch
        meanQALYs = sums[..<O].map { $0 / Double(drawCount) }
        meanCosts = sums[O...].map { $0 / Double(drawCount) }
    }

    /// Per-draw values in memory, `qalys[option][draw]` and `costs[option][draw]` (small runs,
    /// sensitivity grids and tests); the same analysis as the column initialiser.
    ///
    /// - Throws: as ``init(optionNames:qalys:costs:scratch:)``.
    public init(optionNames: [String], qalys: [[Double]], costs: [[Double]]) throws(EconomicEvaluationError) {
        try self.init(optionNames: optionNames, qalys: qalys.map { DrawColumn($0) }, costs: costs.map { DrawColumn($0) })
    }

    /// Number of Monte Carlo draws.
    public var drawCount: Int { qalys[0].count }

    /// Incremental QALYs against base in each draw, `ΔQ_d = Q[o][d] − Q[0][d]`, in the scratch space.
    /// - Throws: ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    public func incrementalQALYColumn(option: Int) throws(EconomicEvaluationError) -> DrawColumn {
        try seriesAgainstBase(option: option) { deltaQ, _ in deltaQ }
    }

    /// Incremental cost against base in each draw, `ΔC_d = C[o][d] − C[0][d]`, in the scratch space.
    /// - Throws: ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    public func incrementalCostColumn(option: Int) throws(EconomicEvaluationError) -> DrawColumn {
        try seriesAgainstBase(option: option) { _, deltaC in deltaC }
    }

    /// Incremental QALYs and cost against base with 95% intervals, and the ICER against base as the
    /// ratio of the mean increments, `E[ΔC] / E[ΔQ]` (MODEL.md §4).
    ///
    /// - Precondition: `option` indexes ``optionNames``.
    /// - Throws: ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    public func incremental(option: Int) throws(EconomicEvaluationError) -> Increment {
        let qalys = try interval(incrementalQALYColumn(option: option))
        let costs = try interval(incrementalCostColumn(option: option))
        return Increment(option: option, qalys: qalys, costs: costs,
                         ratio: IncrementalRatio(incrementalQALYs: qalys.mean, incrementalCost: costs.mean))
    }

    /// `value(ΔQ_d, ΔC_d)` against base in every draw, written to the scratch space piece by piece.
    ///
    /// - Precondition: `option` indexes ``optionNames``.
    func seriesAgainstBase(
        option: Int, _ value: (_ deltaQ: Double, _ deltaC: Double) -> Double
    ) throws(EconomicEvaluationError) -> DrawColumn {
        precondition(optionNames.indices.contains(option), "no option \(option)")
        let pieces = ColumnPieces(qalys: [qalys[0], qalys[option]], costs: [costs[0], costs[option]], draws: drawCount)
        do {
            var builder = try scratch.builder()
            while try pieces.nextPiece() {
                let q0 = pieces[0], q = pieces[1], c0 = pieces[2], c = pieces[3]
                for i in 0..<pieces.range.count {
                    try builder.append(value(q[i] - q0[i], c[i] - c0[i]))
                }
            }
            return try builder.finish()
        } catch let error as EconomicEvaluationError {
            throw error
        } catch {
            throw EconomicEvaluationError(column: error)
        }
    }

    /// ``Interval`` of a column this analysis derived, its read failures in this module's terms.
    func interval(_ column: DrawColumn) throws(EconomicEvaluationError) -> Interval {
        do {
            return try Interval(column)
        } catch {
            throw EconomicEvaluationError(column: error)
        }
    }
}
