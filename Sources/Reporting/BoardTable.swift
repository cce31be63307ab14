import RunAnalysis

/// The tables `phm run` prints: options against outcome, cost and equity, then the ranking of
/// options by social welfare at each inequality aversion. Every number is read from the
/// ``RunSummary`` that is also written to `summary.json`.
public enum BoardTable {
    /// The options table, led by any option's warning (more deaths or unmet demand behind a
    /// health gain) so it is read before the numbers.
    public static func text(_ summary: RunSummary) -> String {
        let thousands = Formatting.grouped(summary.threshold / 1000)
        let isNet = summary.healthHeadline.isNet
        let health = ["\(summary.healthHeadline.columnTitle) (95% interval)"] + (isNet ? [HealthHeadline.grossColumnTitle] : [])
        let mostDeprived = summary.groups.first ?? ""
        let gap = GapWords(summary)
        var grid = TextGrid(
            header: ["option", "QALYs", "cost"] + health + ["Δcost (95% interval)", "Δdeaths (95% interval)", "Δdeaths \(mostDeprived)",
                     "Δunmet demand", "Δunmet demand \(mostDeprived)", "Δlife-years", "frontier", "ICER £/QALY (vs)", "NMB @£\(thousands)k", "P(CE vs base) @£\(thousands)k",
                     "P(best value) @£\(thousands)k", gap.columnHeading, "ΔSII"],
            alignments: [.left] + Array(repeating: .right, count: health.count + 8) + [.left, .left] + Array(repeating: .right, count: 5))
        for option in summary.options {
            let increment = option.incremental
            var row = [option.name, Formatting.grouped(option.qalys.mean), Formatting.millions(option.cost.mean, decimals: 1)]
            row.append(increment.map { Formatting.interval($0.netHealth.mean, $0.netHealth.low, $0.netHealth.high) } ?? "–")
            if isNet { row.append(increment.map { Formatting.signed($0.qalys.mean) } ?? "–") }
            row += [
                increment.map { "\(Formatting.millions($0.cost.mean, signed: true)) (\(Formatting.millions($0.cost.low, signed: true)) to \(Formatting.millions($0.cost.high, signed: true)))" } ?? "–",
                increment.map { Formatting.interval($0.deaths.mean, $0.deaths.low, $0.deaths.high, decimals: 1) } ?? "–",
                option.groups.first?.incrementalDeaths.map { Formatting.signed($0.mean, decimals: 1) } ?? "–",
                option.harms.map { Formatting.signed($0.unmet.mean) } ?? "–",
                option.harms?.groupUnmet.first.map { Formatting.signed($0.change.mean) } ?? "–",
                increment.map { Formatting.signed($0.lifeYears.mean, decimals: 0) } ?? "–",
                status(option.economics.frontierStatus),
                frontierICER(option),
                increment == nil ? "–" : Formatting.millions(option.economics.nmb.mean, signed: true),
                option.economics.probabilityCostEffectiveVersusBase.map { Formatting.grouped($0, decimals: 2) } ?? "–",
                Formatting.grouped(option.economics.probabilityBestValue, decimals: 2),
                option.equity.gapChange.map { gap.cell($0.mean) } ?? "–",
                option.equity.siiChange.map { Formatting.signed($0.mean, decimals: 4) } ?? "–",
            ]
            grid.append(row)
        }
        let header = "\(summary.scenario): \(summary.draws) draw\(summary.draws == 1 ? "" : "s")\(summary.deterministic ? " (deterministic)" : ""), seed \(summary.seed), \(summary.horizon) years; QALYs and costs discounted"
        let board = BoardComparison(summary)
        let note = """
            Δ against base. \(isNet ? "Net QALYs take off the health the extra spending displaces elsewhere; gross QALYs do not. " : "")Deaths, unmet demand (units of activity, all services) and life-years (people alive each year, summed) are over the horizon, undiscounted; QALYs include the value survivors carry past it.
            frontier: on the efficiency frontier, dominated (another option gives more QALYs for less), or extendedly dominated (a mix of two others does better); ICER: against the next cheaper frontier option (vs).
            P(CE vs base): probability of a positive net benefit against base at £\(Formatting.grouped(summary.threshold)) per QALY; P(best value): probability of the highest net benefit of all \(summary.options.count) options.
            \(gap.note(first: summary.groups.first ?? "", last: summary.groups.last ?? "")) ΔSII: change in the slope index of inequality (negative = flatter).
            \(board.rates)
            """
        return ([header, ""] + board.warnings.flatMap { [$0, ""] } + [grid.text, "", note]).joined(separator: "\n")
    }

    /// "Which option at which inequality aversion" and where the choice flips.
    public static func epsilonText(_ summary: RunSummary) -> String {
        var grid = TextGrid(header: ["inequality aversion ε", "best", "ranking (best first)"], alignments: [.left, .left, .left])
        for ranking in summary.rankByEpsilon {
            let label = ranking.epsilon == "inf" ? "∞ (worst-off first)" : (ranking.epsilon == "0" ? "0 (total health)" : ranking.epsilon)
            grid.append([label, ranking.order.first ?? "", ranking.order.joined(separator: " > ")])
        }
        var lines = ["Ranking by social welfare (equally distributed equivalent health × population):", "", grid.text, ""]
        if summary.aversionSwitches.isEmpty {
            lines.append("The best option does not change with inequality aversion between 0 and 100.")
        } else {
            for change in summary.aversionSwitches {
                lines.append("An inequality aversion above \(Formatting.grouped(change.epsilon, decimals: 2)) favours \(change.to) over \(change.from).")
            }
        }
        if let searched = summary.switchSearchDraws {
            lines.append("(Where the best option changes was searched on the first \(Formatting.grouped(Double(searched), decimals: 0)) of the \(Formatting.grouped(Double(summary.draws), decimals: 0)) draws; the rankings above use every draw.)")
        }
        return lines.joined(separator: "\n")
    }

    /// dampack's statuses in words that fit a column.
    static func status(_ frontierStatus: String) -> String {
        frontierStatus == "extendedly_dominated" ? "ext. dominated" : frontierStatus
    }

    /// The incremental ICER along the efficiency frontier and its comparator, "£12,500 vs B"; "–"
    /// off the frontier and for its first (cheapest) option.
    static func frontierICER(_ option: OptionSummary) -> String {
        guard let icer = option.economics.icer, let comparator = option.economics.icerComparator else { return "–" }
        return "£\(Formatting.grouped(icer)) vs \(comparator)"
    }
}
