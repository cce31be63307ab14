import Allocation

/// The report of `phm frontier` (`report.md`, `report.html`): what closing the gap costs in
/// words, the frontier and the price of equity as charts, the frontier table (the numbers of
/// `frontier.csv`) and how to run it again.
public enum FrontierDocument {
    public static func document(_ frontier: EquityFrontier, scenario: String, groups: [String], baselineHealth: Bool, manifest: RunManifest) -> ReportDocument {
        let first = groups.first ?? "", last = groups.last ?? ""
        let points = frontier.points.map {
            AllocationCharts.FrontierPoint(gap: $0.gap, totalHealth: $0.totalHealth, shadowPrice: $0.shadowPrice, steep: $0.steep)
        }
        let axis = AllocationCharts.gapAxis(first: first, last: last, baselineHealth: baselineHealth)
        var document = ReportDocument(
            title: "\(scenario): what closing the health gap costs",
            subtitle: "Equity–efficiency frontier of the budget allocation: \(frontier.points.count) limits on the gap h(\(last)) − h(\(first)); response curves \(manifest.deterministic ? "with every value at its mean" : "of \(manifest.draws) draws per point, seed \(manifest.seed)"). QALYs discounted.")
        let words = FrontierWords(frontier, groups: groups, baselineHealth: baselineHealth)
        document.sections = [
            ReportSection("The answer", words.paragraphs.map(ReportBlock.paragraph)),
            ReportSection("The frontier", [
                .chart(AllocationCharts.frontier(points, gapAxis: axis)),
                .chart(AllocationCharts.priceOfEquity(points, gapAxis: axis)),
            ]),
            ReportSection("Frontier table", [
                .table(table(frontier, words: words)),
                .note("Gap: h(\(last)) − h(\(first)) of the point's allocation, in years \(words.measure); closed: days per person narrower than at the first point. Total net health: QALYs gained against today's allocation, net of the health displaced by extra spending where the scenario sets equity.opportunity_cost. Atkinson ε=1: inequality of the final health over all groups. frontier.csv also holds each point's budget for every line."),
            ]),
            ReportSection("Technical appendix", words.technical.map(ReportBlock.note)),
        ]
        document.sections.append(RunReport.about(manifest, replay: OptimiseReport.replay(manifest),
                                                 contents: "This folder also holds frontier.csv (every point, with its allocation), chart-frontier.svg and chart-frontier-price.svg, and manifest.json. The response curves are cached under the results root's .cache folder for this scenario."))
        return document
    }

    /// The points: gap, days closed, total net health, Atkinson, price per day of gap closed.
    static func table(_ frontier: EquityFrontier, words: FrontierWords) -> ReportTable {
        let open = frontier.points.first?.gap ?? frontier.unconstrainedGap
        let rows = frontier.points.map { point in
            [gap(point.gap, frontier), FrontierWords.days(open - point.gap), Formatting.signed(point.totalHealth, decimals: 1),
             String(format: "%.9f", point.atkinson), FrontierWords.qalys(point.shadowPrice / FrontierReading.daysPerYear),
             point.steep ? "◀ price more than doubles" : ""]
        }
        return ReportTable(header: ["gap, years", "closed, days", "total net health (QALYs)", "Atkinson ε=1", "QALYs per day of gap closed", ""],
                           rows: rows, numericColumns: [0, 1, 2, 3, 4])
    }

    /// A gap with enough decimals to tell the frontier's points apart.
    public static func gap(_ value: Double, _ frontier: EquityFrontier) -> String {
        let spread = abs(frontier.unconstrainedGap - frontier.smallestGap) / Double(max(frontier.points.count - 1, 1))
        return Formatting.grouped(value, decimals: min(9, max(Formatting.decimals(forMagnitude: spread) + 1, 2)))
    }
}
