import Allocation

/// The tables `phm optimise` prints and its `allocation.csv`; every number is read from the
/// ``OptimiseReport`` that is also written to `summary.json`.
public enum OptimiseText {
    /// The answer in plain words first (``OptimiseWords``), then the allocation, who gains and
    /// every option, then warnings, and last a technical appendix with the linear programme's
    /// objective, shadow prices and refinement rounds.
    public static func text(_ report: OptimiseReport) -> String {
        let spend = report.atMost ? "at most" : "exactly"
        var lines = ["\(report.scenario): where the budget should go (\(report.objectiveName) allocation of \(spend) \(Formatting.millions(report.total)) a year, mean over the horizon)", ""]
        lines += OptimiseWords(report).sentences
        lines.append("")
        var grid = TextGrid(header: ["line", "today £m/yr", "best £m/yr", "change", "limit reached"],
                            alignments: [.left, .right, .right, .right, .left])
        for row in report.allocation {
            grid.append([row.line, Formatting.millions(row.current, decimals: 3), Formatting.millions(row.optimal, decimals: 3),
                         Formatting.millions(row.change, decimals: 3, signed: true), row.binding.map { "\($0) limit" } ?? ""])
        }
        lines.append(grid.text)
        lines.append("")
        lines.append("Net health by group (QALYs, discounted; predicted by the optimiser, simulated with \(report.simulated.draws) draw\(report.simulated.draws == 1 ? "" : "s")\(report.simulated.deterministic ? ", deterministic" : "")):")
        var groups = TextGrid(header: ["group", "predicted gain", "simulated gain (95% interval)", "predicted health", "simulated health"],
                              alignments: [.left, .right, .right, .right, .right])
        for (p, s) in zip(report.predicted.groups, report.simulated.groups) {
            groups.append([
                p.name, Formatting.signed(p.netGain, decimals: 1),
                Formatting.interval(s.netGain.mean, s.netGain.low, s.netGain.high, decimals: 1),
                Formatting.grouped(p.health, decimals: 4), Formatting.grouped(s.health.mean, decimals: 4),
            ])
        }
        let total = report.simulated.totalNetGain
        groups.append(["total", Formatting.signed(report.predicted.totalNetGain, decimals: 1),
                       Formatting.interval(total.mean, total.low, total.high, decimals: 1), "", ""])
        lines.append(groups.text)
        lines.append("")
        lines.append("Every option against base (net health change, simulated together):")
        var options = TextGrid(header: ["option", "Δ net health (95% interval)", "Δcost"], alignments: [.left, .right, .right])
        for option in report.simulated.options {
            options.append([option.name, Formatting.interval(option.netHealth.mean, option.netHealth.low, option.netHealth.high, decimals: 1),
                            Formatting.millions(option.cost.mean, decimals: 2, signed: true)])
        }
        lines.append(options.text)
        lines.append("")
        for warning in report.warnings { lines.append("warning: \(warning)") }
        if !report.warnings.isEmpty { lines.append("") }
        lines += technicalAppendix(report)
        return lines.joined(separator: "\n")
    }

    /// The linear programme's own numbers: objective, value of more room at each limit, shadow
    /// prices, refinement rounds, warnings about the curves, and the additivity note.
    static func technicalAppendix(_ report: OptimiseReport) -> [String] {
        var lines = ["Technical appendix (the linear programme):",
                     "LP objective \(Formatting.grouped(report.objective, decimals: Formatting.decimals(forMagnitude: report.objective))) (\(report.objectiveUnits))"]
        let bound = report.allocation.compactMap { row in
            row.boundPricePerMillion.map { "\(row.line) \(price(abs($0)))" }
        }
        if !bound.isEmpty { lines.append("Value of £1m a year more room at a binding limit: \(bound.joined(separator: ", "))") }
        lines.append("Shadow prices: one more £1m a year on the total is worth \(price(report.shadowPrices.totalPerMillion)) (\(report.objectiveUnits))")
        if let gap = report.shadowPrices.gap {
            lines.append("  gap limit: \(Formatting.grouped(gap, decimals: Formatting.decimals(forMagnitude: gap))) QALYs of total net health forgone per unit of gap closed")
        }
        for group in report.predicted.groups {
            if let value = group.noWorseOffPrice, abs(value) > 1e-9 {
                lines.append("  no group worse off binds for \(group.name): \(Formatting.grouped(value, decimals: 4)) per QALY")
            }
        }
        if let gap = report.approximationGap {
            lines.append("Atkinson tangent approximation gap (LP value − exact welfare): \(gap)")
        }
        if let rounds = report.refinement { lines += refinementText(rounds) }
        for warning in report.technicalWarnings { lines.append("warning: \(warning)") }
        for note in report.notes { lines.append("note: \(note)") }
        return lines
    }

    /// The `--refine` rounds: each round's predicted and simulated total (simulated with the
    /// curves' draws) and whether it was kept.
    public static func refinementText(_ rounds: [AllocationRefinement.Round]) -> [String] {
        var grid = TextGrid(header: ["round", "trust region", "predicted total", "simulated total", "error", "kept"],
                            alignments: [.right, .right, .right, .right, .right, .left])
        for round in rounds {
            let error = round.simulatedTotal != 0 ? (round.predictedTotal - round.simulatedTotal) / abs(round.simulatedTotal) : 0
            grid.append([
                "\(round.round)", round.round == 0 ? "first LP" : "± \(Formatting.grouped(100 * round.radius, decimals: 1))% of range",
                Formatting.signed(round.predictedTotal, decimals: 1), Formatting.signed(round.simulatedTotal, decimals: 1),
                Formatting.signed(100 * error, decimals: 1) + "%", round.accepted ? "yes" : "no",
            ])
        }
        var lines = ["Refinement by successive linear programming (net health, QALYs; curves around each kept allocation):", grid.text]
        // Round 0 (the first LP) is always kept; with no kept round there is nothing to name.
        if let kept = rounds.last(where: \.accepted) {
            lines.append("Kept: round \(kept.round), predicted \(Formatting.signed(kept.predictedTotal, decimals: 1)) against simulated \(Formatting.signed(kept.simulatedTotal, decimals: 1)) (the tables above are this allocation's).")
        }
        return lines
    }

    public static func price(_ value: Double) -> String {
        Formatting.grouped(value, decimals: Formatting.decimals(forMagnitude: value))
    }

    /// One row per line: today's and the optimal mean yearly budget, the change and the bounds.
    public static func allocationCSV(_ report: OptimiseReport) -> String {
        var csv = CSVText(header: ["line", "current", "optimal", "change", "lower", "upper", "binding", "bound_price_per_million"])
        for row in report.allocation {
            csv.append([.text(row.line), .number(row.current), .number(row.optimal), .number(row.change), .number(row.lower),
                        .number(row.upper), .text(row.binding ?? ""), row.boundPricePerMillion.map(CSVField.number) ?? ""])
        }
        return csv.text
    }
}
