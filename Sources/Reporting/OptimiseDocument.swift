import Allocation
import DrawStatistics
import Foundation
import RunAnalysis

/// The report of `phm optimise` (`report.md`, `report.html`), built from the ``OptimiseReport``
/// the command prints and writes to `summary.json`, so the three never disagree: the answer in
/// words first (what moves where, what the LP predicts, what re-simulation found and whether the
/// two agree), then the allocation, who gains, the shadow prices and the caveats.
extension OptimiseReport {
    public func document(manifest: RunManifest) -> ReportDocument {
        var document = ReportDocument(
            title: "\(scenario): where the budget should go",
            subtitle: "\(objectiveName) allocation of \(atMost ? "at most" : "exactly") \(Formatting.millions(total)) a year (mean over the horizon); \(simulated.deterministic ? "response curves and re-simulation with every value at its mean" : "response curves of \(curveDraws) draw\(curveDraws == 1 ? "" : "s") per point, re-simulated with \(Formatting.grouped(Double(simulated.draws))) draws, seed \(manifest.seed)"). QALYs discounted.")
        document.sections = [answer, allocationSection, gainsSection, optionsSection]
        if !warnings.isEmpty {
            document.sections.append(ReportSection("Warnings", [.bullets(warnings.map { "**Warning:** \($0)" })]))
        }
        document.sections.append(pricesSection)
        if let refinement { document.sections.append(Self.refinementSection(refinement)) }
        document.sections.append(RunReport.about(manifest, replay: Self.replay(manifest), contents: "This folder also holds summary.json (every number in this report, as `phm optimise --json` prints it), allocation.csv (the allocation table) and manifest.json. The response curves are cached under the results root's .cache folder for this scenario."))
        return document
    }

    /// The answer in words.
    public var answer: ReportSection {
        var blocks: [ReportBlock] = []
        let moves = self.moves
        let up = moves.filter { $0.change > 0 }, down = moves.filter { $0.change < 0 }
        func list(_ rows: [LineRow]) -> String {
            rows.map { "\($0.line) (\(Formatting.millions($0.change, decimals: 3, signed: true)))" }.joined(separator: ", ")
        }
        if moves.isEmpty {
            blocks.append(.paragraph("**Today's allocation is already optimal** for \(objectiveName): no line's budget changes."))
        } else {
            let added = up.reduce(0) { $0 + $1.change }, taken = down.reduce(0) { $0 - $1.change }
            let text = up.isEmpty ? "takes **\(Formatting.millions(taken)) a year** out of \(list(down))."
                : down.isEmpty ? "adds **\(Formatting.millions(added)) a year** to \(list(up))."
                : "moves **\(Formatting.millions(taken)) a year** out of \(list(down)) and puts \(Formatting.millions(added)) into \(list(up))."
            blocks.append(.paragraph("The \(objectiveName) allocation \(text)"))
        }
        let total = simulated.totalNetGain
        let simulatedText = hasIntervals
            ? "\(Formatting.signed(total.mean, decimals: 1)) QALYs (95% interval \(Formatting.signed(total.low, decimals: 1)) to \(Formatting.signed(total.high, decimals: 1)))"
            : "\(Formatting.signed(total.mean, decimals: 1)) QALYs"
        blocks.append(.paragraph("The linear program predicts **\(Formatting.signed(predicted.totalNetGain, decimals: 1)) QALYs** of total net health against today's allocation (discounted cost \(Formatting.money(predicted.costChange, signed: true))). Re-simulating the whole allocation with \(simulated.deterministic ? "every value at its mean" : "\(Formatting.grouped(Double(simulated.draws))) draws") found **\(simulatedText)** (cost \(Formatting.money(simulated.costChange.mean, signed: true)))."))
        switch agreement {
        case .agree:
            blocks.append(.paragraph("The prediction and the simulation **agree**, so the response curves' sum describes this allocation well."))
        case .roughly:
            blocks.append(.paragraph("The prediction and the simulation **differ by 10–25%**: lines interact more than the LP assumes; trust the simulated gains over the predicted ones."))
        case .disagree:
            // First in the report: the allocation itself rests on the approximation that failed.
            let interval = hasIntervals ? ", with the prediction outside the simulated 95% interval" : ""
            blocks.insert(.paragraph("**Warning: the prediction and the simulation disagree** (by more than 25%\(interval)). The LP adds up response curves simulated one line at a time; here the lines interact strongly, so **the additive approximation is not to be trusted for this allocation**. Use the simulated gains, and narrow the lines that move most (optimise.lines min/max) before relying on the allocation."), at: 0)
        }
        blocks += OptimiseWords(self).outcomes.map(ReportBlock.paragraph)
        if let worst = zip(predicted.groups, simulated.groups).min(by: { $0.1.netGain.mean < $1.1.netGain.mean }), worst.1.netGain.mean < 0 {
            blocks.append(.paragraph("Not every group gains on average: \(worst.0.name) \(Formatting.signed(worst.1.netGain.mean, decimals: 1)) QALYs in the simulation (the mean over draws)."))
        }
        return ReportSection("The answer", blocks)
    }

    public var allocationSection: ReportSection {
        let rows = allocation.map { row in
            [row.line, Formatting.millions(row.current, decimals: 3), Formatting.millions(row.optimal, decimals: 3),
             Formatting.millions(row.change, decimals: 3, signed: true), row.binding ?? "",
             row.boundPricePerMillion.map { OptimiseText.price(abs($0)) } ?? ""]
        }
        return ReportSection("The allocation", [
            .table(ReportTable(header: ["line", "today £m/yr", "optimal £m/yr", "change", "binding bound", "value of £1m more room"],
                               rows: rows, numericColumns: [1, 2, 3, 5])),
            .note("Mean yearly budgets over the horizon. Binding bound: the line sits at its lower or upper bound; its value is the gain in the objective (\(objectiveUnits)) from £1m a year more room at that bound."),
            .chart(AllocationCharts.budgetChanges(lines: allocation.map(\.line), changes: allocation.map(\.change))),
        ])
    }

    /// A simulated value: its mean, with its 95% interval when there is one.
    public func simulatedText(_ value: Interval) -> String {
        hasIntervals ? Formatting.interval(value.mean, value.low, value.high, decimals: 1) : Formatting.signed(value.mean, decimals: 1)
    }

    public var gainsSection: ReportSection {
        var rows = zip(predicted.groups, simulated.groups).map { p, s in
            [p.name, Formatting.signed(p.netGain, decimals: 1), simulatedText(s.netGain),
             Formatting.grouped(p.health, decimals: 4), Formatting.grouped(s.health.mean, decimals: 4)]
        }
        rows.append(["total", Formatting.signed(predicted.totalNetGain, decimals: 1), simulatedText(simulated.totalNetGain), "", ""])
        return ReportSection("Who gains: predicted and simulated", [
            .chart(AllocationCharts.predictedAndSimulated(groups: predicted.groups.map(\.name), predicted: predicted.groups.map(\.netGain),
                                                          simulated: simulated.groups.map(\.netGain), draws: hasIntervals ? simulated.draws : 1)),
            .table(ReportTable(header: ["group", "predicted gain", hasIntervals ? "simulated gain (95% interval)" : "simulated gain", "predicted health", "simulated health"],
                               rows: rows, numericColumns: [1, 2, 3, 4])),
            .note("Net QALYs (discounted) against today's allocation; health is each group's final health, as in equity.baseline_health."),
        ])
    }

    /// The `--refine` rounds, as printed (``OptimiseText/refinementText(_:)``).
    public static func refinementSection(_ rounds: [AllocationRefinement.Round]) -> ReportSection {
        let rows = rounds.map { round in
            [String(round.round), round.round == 0 ? "first LP" : "± \(Formatting.grouped(100 * round.radius, decimals: 1))% of range",
             Formatting.signed(round.predictedTotal, decimals: 1), Formatting.signed(round.simulatedTotal, decimals: 1),
             round.accepted ? "yes" : "no"]
        }
        // Round 0 (the first LP) is always kept; with no kept round there is nothing to name.
        let kept = rounds.last(where: \.accepted).map { " The allocation above is round \($0.round)'s." } ?? ""
        return ReportSection("Technical appendix: refinement by successive linear programming", [
            .table(ReportTable(header: ["round", "trust region", "predicted total net health", "simulated total net health", "kept"],
                               rows: rows, numericColumns: [0, 2, 3])),
            .note("Each round simulates response curves around the last kept allocation (each line within the trust region, every other line at that allocation, the curves' draws and seed), solves the LP on them and keeps the new allocation only if its simulation is better.\(kept)"),
        ])
    }

    public var pricesSection: ReportSection {
        var bullets = ["One more £1m a year on the total is worth \(OptimiseText.price(shadowPrices.totalPerMillion)) (\(objectiveUnits))."]
        if let gap = shadowPrices.gap {
            bullets.append("The gap limit costs \(OptimiseText.price(gap)) QALYs of total net health per unit of gap closed.")
        }
        for group in predicted.groups {
            if let value = group.noWorseOffPrice, abs(value) > 1e-9 {
                bullets.append("“No group worse off” binds for \(group.name): \(Formatting.grouped(value, decimals: 4)) per QALY.")
            }
        }
        if let approximationGap {
            bullets.append("Atkinson tangent approximation gap (LP value − exact welfare): \(OptimiseText.price(approximationGap)).")
        }
        bullets += technicalWarnings.map { "Warning: \($0)." } + notes
        var blocks: [ReportBlock] = [.paragraph("What the linear programme behind the allocation reports, for analysts: shadow prices are the change in the objective per unit more on a constraint."), .bullets(bullets)]
        if !shadowPrices.constraints.isEmpty {
            blocks.append(.table(ReportTable(header: ["constraint (as named in the MPS file)", "shadow price"],
                                             rows: shadowPrices.constraints.map { [$0.name, OptimiseText.price($0.price)] }, numericColumns: [1])))
            blocks.append(.note("Change in the objective per unit more on the constraint's right-hand side (money rows per £1m); constraints with price 0 are left out."))
        }
        return ReportSection("Technical appendix: the linear programme", blocks)
    }

    public var optionsSection: ReportSection {
        let rows = simulated.options.map { option in
            [option.name, simulatedText(option.netHealth), Formatting.millions(option.cost.mean, decimals: 2, signed: true)]
        }
        return ReportSection("Every option against base", [
            .table(ReportTable(header: ["option", hasIntervals ? "Δ net health, QALYs (95% interval)" : "Δ net health, QALYs", "Δ cost"],
                               rows: rows, numericColumns: [1, 2])),
            .note("The scenario's own options and the optimised allocation (\(simulated.option)), simulated together with common random numbers."),
        ])
    }

    /// The command as typed (`phm` for the binary's path), with `--seed` added when it was not
    /// given, each word quoted for a POSIX shell: what makes an allocation folder again.
    public static func replay(_ manifest: RunManifest) -> [String] {
        let words = ["phm"] + manifest.command.dropFirst()
            + (manifest.command.contains("--seed") || manifest.deterministic ? [] : ["--seed", "\(manifest.seed)"])
        return words.map(shellWord)
    }

    /// A word as a POSIX shell reads it back: quoted when it holds anything but safe characters.
    public static func shellWord(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=,:+@%".contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
