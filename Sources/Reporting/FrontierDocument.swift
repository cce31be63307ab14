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
        let rows = frontier.points.map { point in
            [gap(point.gapLimit, frontier), gap(point.gap, frontier), Formatting.signed(point.totalHealth, decimals: 1),
             String(format: "%.9f", point.atkinson), OptimiseText.price(point.shadowPrice), point.steep ? "more than doubles" : ""]
        }
        document.sections = [
            ReportSection("The answer", answer(frontier, first: first, last: last, unit: baselineHealth ? " years" : " QALYs per person").map(ReportBlock.paragraph)),
            ReportSection("The frontier", [
                .chart(AllocationCharts.frontier(points, gapAxis: axis)),
                .chart(AllocationCharts.priceOfEquity(points, gapAxis: axis)),
            ]),
            ReportSection("Frontier table", [
                .table(ReportTable(header: ["gap limit", "gap", "total net health (QALYs)", "Atkinson ε=1", "QALYs forgone per unit of gap closed", "price of equity"],
                                   rows: rows, numericColumns: [0, 1, 2, 3, 4])),
                .note("Gap: h(\(last)) − h(\(first)) of the point's allocation (at most its limit). Total net health: QALYs gained against today's allocation, net of the health displaced by extra spending where the scenario sets equity.opportunity_cost. Atkinson ε=1: inequality of the final health by group. frontier.csv also holds each point's budget for every line."),
                .note(OptimiseReport.additivityNote),
            ]),
        ]
        document.sections.append(RunReport.about(manifest, replay: OptimiseReport.replay(manifest),
                                                 contents: "This folder also holds frontier.csv (every point, with its allocation), chart-frontier.svg and chart-frontier-price.svg, and manifest.json. The response curves are cached under the results root's .cache folder for this scenario."))
        return document
    }

    /// "Closing the gap from X to Y costs Z QALYs; the price rises steeply beyond …".
    /// - Parameter unit: what a gap is measured in, with a leading space (" years").
    public static func answer(_ frontier: EquityFrontier, first: String, last: String, unit: String) -> [String] {
        guard let open = frontier.points.first, let closed = frontier.points.last else { return [] }
        let cost = open.totalHealth - closed.totalHealth
        var paragraphs = [
            "Closing the gap between \(first) and \(last) from **\(gap(open.gap, frontier))\(unit)** (the allocation with the most total health) to **\(gap(closed.gap, frontier))\(unit)** (the smallest any allocation reaches) costs **\(Formatting.grouped(cost, decimals: 1)) QALYs** of total net health: from \(Formatting.signed(open.totalHealth, decimals: 1)) to \(Formatting.signed(closed.totalHealth, decimals: 1)) QALYs against today's allocation.",
        ]
        // The first point's limit does not bind (price 0); the price of equity starts after it.
        let prices = frontier.points.dropFirst().map(\.shadowPrice)
        if let steep = frontier.points.firstIndex(where: \.steep), steep > 0 {
            let before = frontier.points[steep - 1], at = frontier.points[steep]
            paragraphs.append("The price of equity **rises steeply beyond a gap of \(gap(before.gap, frontier))**: narrowing it further to \(gap(at.gap, frontier)) costs \(OptimiseText.price(at.shadowPrice)) QALYs per unit of gap closed, against \(OptimiseText.price(before.shadowPrice)) before.")
        } else if let low = prices.min(), let high = prices.max() {
            paragraphs.append(high - low <= 1e-6 * max(abs(high), 1)
                ? "The price of equity is the same along the whole frontier: \(OptimiseText.price(high)) QALYs of total net health per unit of gap closed."
                : "The price of equity rises without a jump (it never more than doubles from one point to the next): from \(OptimiseText.price(low)) to \(OptimiseText.price(high)) QALYs per unit of gap closed.")
        }
        return paragraphs
    }

    /// A gap with enough decimals to tell the frontier's points apart.
    public static func gap(_ value: Double, _ frontier: EquityFrontier) -> String {
        let spread = abs(frontier.unconstrainedGap - frontier.smallestGap) / Double(max(frontier.points.count - 1, 1))
        return Formatting.grouped(value, decimals: min(9, max(Formatting.decimals(forMagnitude: spread) + 1, 2)))
    }
}
