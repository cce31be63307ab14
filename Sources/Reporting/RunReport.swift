import DrawStatistics
import RunAnalysis

/// The report of a `phm run` (`report.md`, `report.html`): the answer first — which option,
/// for whom, at what cost — then the board table, the ethical stances, and the charts that
/// show who gains, the equity–efficiency trade-off, value for money, the services that run
/// short and when the spending pays back. Sections are public so other commands can reuse them.
public enum RunReport {
    public static func document(summary: RunSummary, detail: RunDetail) -> ReportDocument {
        let board = BoardComparison(summary)
        var document = ReportDocument(title: "\(summary.scenario): which option, for whom, at what cost", subtitle: subtitle(summary))
        document.sections = BriefDocument.sections(summary: summary, detail: detail)
        document.briefSectionCount = document.sections.count
        var appendix = [
            ReportSection("Appendix: the board table in full", [.table(board.reportTable)] + board.notes.map(ReportBlock.note), startsAppendix: true),
            unmetByService(summary),
            stances(summary),
            tradeOff(summary, detail: detail),
            valueForMoney(summary, detail: detail),
        ]
        if !detail.balances.isEmpty { appendix.append(payback(summary, detail: detail)) }
        if !detail.shortServices.isEmpty {
            appendix.append(ReportSection(
                "Services that run short",
                [.paragraph("These services have more demand than their budget buys in some years; the excess goes unmet and costs health.")]
                    + detail.shortServices.map { .chart(RunCharts.demandAndCapacity($0, detail: detail)) }))
        }
        document.sections += appendix
        return document
    }

    /// What was run: draws, seed, horizon, threshold.
    static func subtitle(_ summary: RunSummary) -> String {
        "\(summary.draws) Monte Carlo draw\(summary.draws == 1 ? "" : "s")\(summary.deterministic ? " (deterministic: every value at its mean)" : ""), seed \(summary.seed), \(summary.horizon) years, QALYs and costs discounted; £\(Formatting.grouped(summary.threshold)) per QALY."
    }

    /// The recommendation in words: the best option for total health, the best value at the
    /// threshold, who gains, and where the choice changes with concern for inequality.
    public static func answer(_ summary: RunSummary, board: BoardComparison) -> ReportSection {
        var blocks: [ReportBlock] = []
        let bestValue = summary.options.max { ($0.incremental == nil ? 0 : $0.economics.nmb.mean) < ($1.incremental == nil ? 0 : $1.economics.nmb.mean) }
        if let best = board.best(under: "0") {
            if best == summary.options.first?.name {
                blocks.append(.paragraph("**No option adds to total health**\(summary.healthHeadline.isNet ? " once the health displaced by its cost is counted" : ""): base (no change) comes first when every QALY counts the same."))
            } else {
                blocks.append(.paragraph("**\(best)** gives the greatest total health\(summary.healthHeadline.isNet ? ", net of the health its cost displaces elsewhere" : "")."))
            }
        }
        if let bestValue {
            let text = bestValue.incremental == nil
                ? "At £\(Formatting.grouped(summary.threshold)) per QALY no option has a positive net monetary benefit against base."
                : "At £\(Formatting.grouped(summary.threshold)) per QALY, **\(bestValue.name)** has the highest net monetary benefit (\(Formatting.money(bestValue.economics.nmb.mean, signed: true)) against base)\(summary.draws > 1 ? ", is cost-effective against base in \(Formatting.grouped((bestValue.economics.probabilityCostEffectiveVersusBase ?? 0) * 100))% of draws and the best value of all \(summary.options.count) options in \(Formatting.grouped(bestValue.economics.probabilityBestValue * 100))%" : "")."
            blocks.append(.paragraph(text))
        }
        blocks.append(.bullets(board.boldSentences))
        if let fair = board.best(under: "inf"), fair != board.best(under: "0") {
            blocks.append(.paragraph("Giving priority to the worst-off group changes the answer: **\(fair)** comes first under maximin."))
        }
        blocks += board.switchSentences.map(ReportBlock.paragraph)
        return ReportSection("The answer", blocks)
    }

    /// The ranking under each inequality aversion and the aversions at which it changes.
    public static func stances(_ summary: RunSummary) -> ReportSection {
        let rows = summary.rankByEpsilon.map { ranking in
            [ranking.epsilon == "inf" ? "∞ (worst-off first)" : (ranking.epsilon == "0" ? "0 (total health)" : ranking.epsilon),
             ranking.order.first ?? "", ranking.order.joined(separator: " > ")]
        }
        var blocks: [ReportBlock] = [
            .paragraph("Each row ranks the options by social welfare: the equally distributed equivalent health (Atkinson) times the population. ε is how much more a QALY counts for a worse-off group: 0 counts all QALYs alike, 10 strongly favours the worse off, ∞ looks only at the worst-off group."),
            .table(ReportTable(header: ["inequality aversion ε", "best", "ranking (best first)"], rows: rows, numericColumns: [])),
        ]
        blocks.append(.paragraph(summary.aversionSwitches.isEmpty
            ? "The best option is the same for every inequality aversion between 0 and 100."
            : summary.aversionSwitches.map { "Above ε = \(Formatting.grouped($0.epsilon, decimals: 2)), \($0.to) overtakes \($0.from)." }.joined(separator: " ")))
        return ReportSection("Ethical stances", blocks)
    }

    /// The impact plane and the share of draws in each quadrant.
    public static func tradeOff(_ summary: RunSummary, detail: RunDetail) -> ReportSection {
        let rows = summary.options.compactMap { option -> [String]? in
            guard let plane = option.equity.impactPlane else { return nil }
            return [option.name] + [plane.winWin, plane.moreHealthMoreInequality, plane.lessHealthLessInequality, plane.loseLose, plane.onAxis]
                .map { Formatting.grouped($0 * 100) + "%" }
        }
        return ReportSection("Equity and efficiency", [
            .chart(RunCharts.impactPlane(detail, summary: summary)),
            .table(ReportTable(header: ["option", "win–win", "more health, more inequality", "less health, less inequality", "lose–lose", "no change"],
                               rows: rows, numericColumns: Set(1...5))),
            .note("Share of draws in each quadrant. Inequality is measured by the absolute slope index of inequality across \(summary.groups.joined(separator: ", "))."),
        ])
    }

    /// Value for money: the cost-effectiveness plane, the acceptability curves (multi-option with the frontier, and pairwise
    /// against base) and the EVPI curve, with EVPI at the threshold in words.
    public static func valueForMoney(_ summary: RunSummary, detail: RunDetail) -> ReportSection {
        let population = summary.options.first.map { $0.groups.reduce(0) { $0 + $1.population } } ?? 0
        var blocks: [ReportBlock] = detail.costEffectivenessPlanes.isEmpty ? [] : [.chart(RunCharts.costEffectivenessPlane(detail, summary: summary))]
        blocks += [.chart(RunCharts.acceptability(summary)), .chart(RunCharts.acceptabilityVersusBase(summary))]
        if population > 0 { blocks.append(.chart(RunCharts.valueOfInformation(summary, population: population))) }
        blocks.append(.paragraph("Expected value of perfect information at £\(Formatting.grouped(summary.threshold)) per QALY: \(Formatting.money(summary.evpi.population)) for the population over \(summary.horizon) years (\(Formatting.moneyPrecise(summary.evpi.perPerson)) per person). This is the most it could be worth paying to remove the uncertainty before choosing; `phm voi` splits it by parameter."))
        return ReportSection("Value for money", blocks)
    }

    /// Deaths, life-years and unmet demand against base, with their 95% intervals and the share
    /// of draws in which they rise: a death averted keeps a person in the population, so it shows
    /// here and in the QALYs (MODEL.md §2); unmet demand is demand the services' budgets do not buy.
    public static func lives(_ summary: RunSummary) -> ReportSection {
        let mostDeprived = summary.groups.first ?? ""
        let multiple = summary.draws > 1
        func interval(_ value: Interval?, decimals: Int = 0) -> String {
            value.map { Formatting.interval($0.mean, $0.low, $0.high, decimals: decimals) } ?? "–"
        }
        func percent(_ value: Double?) -> String { value.map { Formatting.grouped($0 * 100) + "%" } ?? "–" }
        let rows = summary.options.compactMap { option -> [String]? in
            guard let increment = option.incremental else { return nil }
            var row: [String] = [option.name, Formatting.grouped(option.deaths.mean, decimals: 1), interval(increment.deaths, decimals: 1)]
            row.append(interval(option.groups.first?.incrementalDeaths, decimals: 1))
            row.append(interval(option.harms?.unmet))
            row.append(interval(increment.lifeYears))
            if multiple { row += [percent(option.harms?.probabilityMoreDeaths), percent(option.harms?.probabilityMoreUnmet)] }
            return row
        }
        let header = ["option", "deaths", "change in deaths (95% interval)", "change in deaths, \(mostDeprived)", "change in unmet demand",
                      "life-years gained (95% interval)"] + (multiple ? ["P(more deaths)", "P(more unmet demand)"] : [])
        return ReportSection("Deaths, life-years and unmet demand", [
            .table(ReportTable(header: header, rows: rows, numericColumns: Set(1..<header.count))),
            .note("Over the \(summary.horizon) years, undiscounted, against base (\(Formatting.grouped(summary.options.first?.deaths.mean ?? 0, decimals: 1)) deaths). Unmet demand: demand that the services' budgets do not buy, summed over services and years (units of activity). Life-years: people alive each year, summed. People kept alive also count in later years' demand and health, and those alive at the end carry their expected QALYs past the horizon."),
        ])
    }

    /// Unmet demand service by service: the board table's total adds up units of different kinds
    /// (appointments, admissions), so a fall in one can hide a rise in another; this table, like
    /// the warning, keeps them apart.
    static func unmetByService(_ summary: RunSummary) -> ReportSection {
        let multiple = summary.draws > 1
        let rows = summary.options.flatMap { option -> [[String]] in
            guard let harms = option.harms else { return [] }
            return harms.services.filter { $0.change.high != 0 || $0.change.low != 0 }.map { service in
                [option.name, service.name, Formatting.interval(service.change.mean, service.change.low, service.change.high, decimals: 0)]
                    + (multiple ? [Formatting.grouped(service.probabilityMore * 100) + "%"] : [])
            }
        }
        let header = ["option", "service", "change in unmet demand (95% interval)"] + (multiple ? ["P(more unmet demand)"] : [])
        return ReportSection("Unmet demand by service", [
            rows.isEmpty
                ? .paragraph("No option changes the demand any service leaves unmet.")
                : .table(ReportTable(header: header, rows: rows, numericColumns: Set(2..<header.count))),
            .note("Against base, over the \(summary.horizon) years, undiscounted, in each service's own units of activity; services an option leaves unchanged are not listed."),
        ])
    }

    /// Cumulative gains and costs by year, and the year each option pays back.
    public static func payback(_ summary: RunSummary, detail: RunDetail) -> ReportSection {
        let rows = detail.balances.map { balance in
            [balance.option,
             Formatting.signed(balance.qalys.last ?? 0, decimals: Formatting.decimals(forMagnitude: balance.qalys.last ?? 0) > 0 && abs(balance.qalys.last ?? 0) < 100 ? 1 : 0),
             Formatting.money(balance.cost.last ?? 0, signed: true),
             Formatting.money(balance.netBenefit.last ?? 0, signed: true),
             balance.paybackYear.map { detail.financialYear($0) } ?? "not within \(detail.horizon) years"]
        }
        return ReportSection("Gains and costs year by year", RunCharts.cumulative(detail, headline: summary.healthHeadline).map(ReportBlock.chart) + [
            .table(ReportTable(header: ["option", "QALYs gained by the end", "extra cost by the end", "net monetary benefit", "pays back from"],
                               rows: rows, numericColumns: [1, 2, 3])),
            .note("From yearly means over draws, discounted\(summary.healthHeadline.isNet ? "; QALYs here are before the health displaced by extra cost, which the board table subtracts" : ""). Pays back from: the first financial year (April to March; the horizon runs from \(detail.financialYear(0)) to \(detail.financialYear(detail.horizon - 1))) from which the cumulative net monetary benefit (QALYs × £\(Formatting.grouped(summary.threshold)) − extra cost) stays above zero."),
        ])
    }
}

extension RunReport {
    /// How the run was made and how to make it again, from its manifest; and what else is in the folder.
    public static func about(_ manifest: RunManifest) -> ReportSection {
        let others = manifest.options.dropFirst()
        let replay = ["phm", "run", manifest.scenarioFile] + (manifest.deterministic ? ["--deterministic"] : ["--draws", "\(manifest.draws)", "--seed", "\(manifest.seed)"])
            + (others.isEmpty ? [] : ["--options", others.joined(separator: ",")])
        return about(manifest, replay: replay,
                     contents: "This folder also holds summary.json and summary.csv (every number in this report), draws.csv (each draw's QALYs, costs, deaths and life-years, also by group), yearly.csv (yearly demand, activity, unmet demand, capacity, QALYs, cost, deaths and life-years) and manifest.json.")
    }

    /// "About this run" for any command: the manifest's settings, `replay` (the command that makes
    /// the folder again) and `contents` (what else the folder holds).
    public static func about(_ manifest: RunManifest, replay: [String], contents: String) -> ReportSection {
        ReportSection("About this run", [
            .bullets([
                "Scenario file \(manifest.scenarioFile) (fingerprint \(manifest.scenarioHash)), \(manifest.deterministic ? "deterministic: every value at its mean" : "\(Formatting.grouped(Double(manifest.draws))) draws, seed \(manifest.seed)"), count noise: \(manifest.countNoise).",
                "phm \(manifest.toolVersion), started \(manifest.startedUTC), \(String(format: "%.1f", manifest.wallSeconds)) s on \(manifest.threads) thread\(manifest.threads == 1 ? "" : "s"); the same seed gives the same numbers with any number of threads.",
                "To run it again: \(replay.joined(separator: " "))",
            ]),
            .paragraph(contents),
        ])
    }
}
