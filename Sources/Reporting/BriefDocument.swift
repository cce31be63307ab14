import RunAnalysis

/// The board brief: two A4 pages a board reads before anything else — the answer in sentences
/// (each option's warning first), the board table cut to the columns a decision needs, deaths
/// and unmet need, who gains and when it pays back. `brief.html` in a run folder, the first part
/// of `report.html` (everything else follows as an appendix) and `phm compare --brief`.
/// Every number is read from the ``RunSummary`` (so it equals `summary.json`) or, for the
/// payback chart, the run's ``RunDetail``.
public enum BriefDocument {
    /// The board table's columns that the brief keeps, by their heading in ``BoardComparison``.
    static func keeps(_ heading: String) -> Bool {
        heading == "option" || heading.hasPrefix("QALYs gained") || heading == "Δcost" || heading.hasPrefix("NMB ")
            || heading.hasPrefix("P(CE vs base)") || heading.hasPrefix("Δdeaths") || heading == "Δunmet demand" || heading.hasPrefix("Δgap")
    }

    /// The short board table: the same cells as the full one (``BoardComparison/reportTable``),
    /// fewer columns, so it fits an A4 page and an 800-pixel screen without scrolling.
    public static func table(_ board: BoardComparison) -> ReportTable {
        let full = board.reportTable
        let columns = full.header.indices.filter { keeps(full.header[$0]) }
        return ReportTable(header: columns.map { full.header[$0] }, rows: full.rows.map { row in columns.map { row[$0] } },
                           numericColumns: Set(columns.indices.filter { full.numericColumns.contains(columns[$0]) }))
    }

    /// What the short table's columns mean and the rates behind them.
    static func notes(_ board: BoardComparison) -> [String] {
        let first = board.groups.first ?? "", last = board.groups.last ?? ""
        return [
            "Against base, with 95% intervals over \(board.draws) draw\(board.draws == 1 ? "" : "s"). QALYs and costs discounted over \(board.horizon) years\(board.netOfOpportunityCost ? "; net QALYs take off the health the extra spending displaces elsewhere, gross QALYs do not" : ""). NMB: net monetary benefit; P(CE vs base): share of draws with a positive NMB. Δdeaths and Δunmet demand (units of activity, all services): over the \(board.horizon) years, undiscounted, in total and in \(first).",
            board.gapWords.note(first: first, last: last),
            board.rates,
        ]
    }

    /// The brief's sections; without `detail` (a results folder read back) there is no payback chart.
    public static func sections(summary: RunSummary, detail: RunDetail?) -> [ReportSection] {
        let board = BoardComparison(summary)
        var sections = [
            RunReport.answer(summary, board: board),
            ReportSection("Board table", [.table(table(board))] + notes(board).map(ReportBlock.note)),
            RunReport.lives(summary),
            ReportSection("Who gains", [.chart(RunCharts.groupGains(summary))]),
        ]
        if let detail, !detail.balances.isEmpty {
            sections.append(ReportSection("When does it pay back?", [
                .chart(RunCharts.netBenefitByYear(detail, threshold: summary.threshold)),
                .paragraph(paybackSentence(detail, summary: summary)),
            ]))
        }
        return sections
    }

    /// "upstream-2pc pays back from 2029/30; core20-focus does not pay back by 2035/36 (…)": with the
    /// rate it is judged at, and, when the board table's health is net, that this is before the
    /// health the extra cost displaces (the net monetary benefit counts QALYs at the threshold).
    static func paybackSentence(_ detail: RunDetail, summary: RunSummary) -> String {
        detail.balances.map { balance in
            guard let year = balance.paybackYear else {
                return "\(balance.option) does not pay back by \(detail.financialYear(detail.horizon - 1))"
            }
            return year == 0 ? "\(balance.option) pays back in its first year, \(detail.financialYear(0))" : "\(balance.option) pays back from \(detail.financialYear(year))"
        }.joined(separator: "; ")
            + " (cumulative net monetary benefit at £\(Formatting.grouped(summary.threshold)) per QALY\(summary.healthHeadline.isNet ? ", before the health displaced by extra cost" : ""); financial years, April to March)."
    }

    /// The brief on its own (`brief.html`, `phm compare --brief --format md`).
    public static func document(summary: RunSummary, detail: RunDetail?) -> ReportDocument {
        ReportDocument(title: "\(summary.scenario): board brief", subtitle: RunReport.subtitle(summary),
                       sections: sections(summary: summary, detail: detail))
    }
}
