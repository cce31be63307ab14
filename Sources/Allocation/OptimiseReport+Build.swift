import DrawStatistics
import RunAnalysis

extension OptimiseReport {
    /// Thresholds behind the warnings of ``init(session:result:summary:)`` (docs/MODEL-NOTES.md,
    /// "Reports of `phm optimise` and `phm frontier`", Warnings).
    public enum WarningThreshold {
        /// Fewer draws per curve point than this leave Monte Carlo noise in the curves' slopes
        /// large enough to move the allocation between runs: warn and suggest --curve-draws.
        public static let steadyCurveDraws = 50
        /// A curve point further below its concave envelope than this share of the envelope
        /// (at least 1 QALY's worth of scale) is a real dip, not rounding: the line is
        /// reported as bridged.
        public static let concavityTolerance = 1e-6
    }

    public static let additivityNote = "The LP adds up the lines' response curves, simulated one line at a time; lines that interact (a prevention programme and the service whose demand it avoids) make the sum an approximation. The simulated gains measure its error."

    /// The report of an allocation whose option is the last of `summary`'s options.
    public init(session: AllocationSession, result: AllocationResult, summary: RunSummary) {
        let optimised = summary.options[summary.options.count - 1]
        var warnings: [String] = [], technical: [String] = []
        if !result.outOfOrderLines.isEmpty {
            technical.append("segments filled out of order (the predicted gains of these lines are optimistic): \(result.outOfOrderLines.joined(separator: ", "))")
        }
        if session.curves.draws < WarningThreshold.steadyCurveDraws && !summary.deterministic {
            warnings.append("response curves average only \(session.curves.draws) draws; raise --curve-draws for a steadier allocation")
        }
        let curves = session.curves
        let program = AllocationProgram(session.problem).program
        let nonConcave = curves.lines.indices.filter { l in
            (0..<curves.groups.count).contains { g in
                zip(session.problem.envelope[l][g], session.problem.netGain[l]).contains { $0 - $1[g] > WarningThreshold.concavityTolerance * max(1, abs($0)) }
            }
        }
        if !nonConcave.isEmpty {
            technical.append("not concave, bridged by the envelope: \(nonConcave.map { curves.lines[$0].name }.joined(separator: ", "))")
        }
        let bridged = session.problem.linesOnBridgedStretches(result)
        if !bridged.isEmpty {
            warnings.append("the chosen budget lies where the simulated response dips and the optimiser assumed a straight line across the dip, so simulation will find less than predicted: \(bridged.joined(separator: ", ")); narrow these lines with optimise.lines min/max")
        }
        let closing = session.scenario.services.indices.filter { l in
            let total = curves.lines[l].qalyGain.map { $0.reduce(0, +) }
            return curves.lines[l].levels[0] == 0 && curves.lines[l].current > 0 && total.count > 1 && total[0] > total[1]
        }
        if !closing.isEmpty {
            warnings.append("closing these services loses fewer QALYs than halving them (with supply_elasticity > 0, a budget of 0 removes the service's demand: (0/K0)^η = 0): \(closing.map { curves.lines[$0].name }.joined(separator: ", ")); set optimise.lines.LINE.min if closing them is not an option")
        }
        self.init(
            status: "optimal", scenario: session.scenario.name, objectiveName: result.objective,
            objectiveUnits: result.objectiveUnits, objective: result.objectiveValue,
            total: session.problem.total, atMost: session.problem.atMost,
            allocation: result.lines.map {
                LineRow(line: $0.line, current: $0.current, optimal: $0.optimal, change: $0.optimal - $0.current,
                        lower: $0.lower, upper: $0.upper, binding: $0.binding, boundPricePerMillion: $0.boundPricePerMillion)
            },
            predicted: Predicted(
                groups: result.groups.map { PredictedGroup(name: $0.name, netGain: $0.netGain, health: $0.health, noWorseOffPrice: $0.noWorseOffPrice) },
                totalNetGain: result.totalNetGain, costChange: result.costChange),
            simulated: Simulated(
                option: optimised.name, draws: summary.draws, deterministic: summary.deterministic,
                groups: optimised.groups.map { SimulatedGroup(name: $0.name, netGain: $0.netGain, health: $0.health) },
                totalNetGain: optimised.incremental?.netHealth ?? Interval(mean: 0, low: 0, high: 0),
                costChange: optimised.incremental?.cost ?? Interval(mean: 0, low: 0, high: 0),
                options: summary.options.dropFirst().map {
                    SimulatedOption(name: $0.name, netHealth: $0.incremental?.netHealth ?? Interval(mean: 0, low: 0, high: 0),
                                    cost: $0.incremental?.cost ?? Interval(mean: 0, low: 0, high: 0))
                }),
            shadowPrices: ShadowPrices(totalPerMillion: result.totalPricePerMillion, gap: result.gapPrice, constraints: result.constraintPrices),
            approximationGap: result.approximationGap,
            lp: ProgramSize(variables: program.variableCount, constraints: program.constraintCount, iterations: result.iterations),
            curveDraws: curves.draws, curvesFromCache: session.curvesFromCache,
            warnings: warnings, notes: [Self.additivityNote])
        technicalWarnings = technical
        simulated.deathsChange = optimised.incremental?.deaths
        simulated.gapChange = optimised.equity.gapChange
        simulated.todaysGap = summary.options[0].equity.gap.mean
    }
}
