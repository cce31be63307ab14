import Charts
import RunAnalysis

/// The value-for-money charts of a run report (MODEL.md §4, "Economics"): the multi-option
/// acceptability curves with the acceptability frontier, the pairwise curves against base, and
/// the EVPI curve. Each chart's title and axis name the probability it shows, because "P(CE)"
/// alone is read as either (Barton, Briggs & Fenwick 2008).
extension RunCharts {
    private static let willingnessToPay = Axis("willingness to pay", unit: "£ per QALY",
                                               format: TickFormat(prefix: "£", suffix: "k", scale: 1e-3), includesZero: true)

    private static func thresholdLine(_ summary: RunSummary) -> [LineChart.ReferenceLine] {
        [.init(.vertical, at: summary.threshold, label: "£\(Formatting.grouped(summary.threshold)) threshold")]
    }

    /// The cost-effectiveness plane: each option's draws of incremental QALYs (across) and
    /// incremental cost (up) against base, their means (large dots) and the threshold line
    /// `ΔC = λ·ΔQ`; draws below and to the right of the line are cost-effective at the threshold.
    public static func costEffectivenessPlane(_ detail: RunDetail, summary: RunSummary) -> ReportChart {
        let shown = min(summary.draws, maximumPlanePoints)
        var chart = ScatterChart(
            frame: ChartFrame(title: "Cost-effectiveness plane, against base", height: 460),
            xAxis: Axis("incremental QALYs", unit: "discounted, \(summary.horizon) years"),
            yAxis: Axis("incremental cost", unit: "£m, discounted", format: TickFormat(prefix: "£", suffix: "m", scale: 1e-6)),
            series: detail.costEffectivenessPlanes.map { plane in
                ScatterChart.Series(name: plane.option, colour: Palette.colour(detail.optionNames.firstIndex(of: plane.option) ?? 0),
                                    xs: Array(plane.qalys.prefix(shown)), ys: Array(plane.costs.prefix(shown)))
            },
            quadrants: .init(topLeft: "dominated", topRight: "more health, more cost", bottomLeft: "less health, less cost", bottomRight: "dominant"),
            description: "Each dot is one Monte Carlo draw of one option against base: incremental QALYs across, incremental cost up; large dots are the means; dashed: the threshold.")
        chart.originLine = (summary.threshold, "£\(Formatting.grouped(summary.threshold)) per QALY")
        return ReportChart(name: "ce-plane", caption: "Cost-effectiveness plane: each dot is one of \(shown < summary.draws ? "the first \(Formatting.grouped(Double(shown))) of " : "")\(Formatting.grouped(Double(summary.draws))) draws of an option against base; large dots: means. Below the dashed line (£\(Formatting.grouped(summary.threshold)) per QALY) an option is cost-effective against base.", svg: chart.svg(id: "ce-plane"))
    }

    /// Multi-option CEAC: the probability that each option is the best value among all options,
    /// with the acceptability frontier (CEAF) drawn over it.
    public static func acceptability(_ summary: RunSummary) -> ReportChart {
        let curve = summary.acceptability
        let series = summary.options.enumerated().map { o, option in
            LineChart.Series(name: option.name, colour: Palette.colour(o), xs: curve.thresholds, ys: curve.probabilityBestValue[o])
        } + [LineChart.Series(name: "acceptability frontier (option chosen)", colour: Palette.axis,
                              xs: curve.thresholds, ys: curve.frontierProbability, dashed: true)]
        return probabilityChart(
            summary, id: "acceptability", title: "Probability of being the best value among all options",
            probability: "probability of the highest net benefit of all options", series: series,
            description: "Multi-option acceptability curves: the share of draws in which each option has the highest net monetary benefit of all options, by willingness to pay per QALY; dashed: the acceptability frontier.",
            caption: "Probability that each option is the best value among all \(summary.options.count) options (multi-option acceptability curves), by what a QALY is worth. Dashed: the acceptability frontier, the probability for the option with the highest expected net benefit, the one to choose.")
    }

    /// Pairwise CEACs: the probability that each option is cost-effective against base (BCEA's `ceac`).
    public static func acceptabilityVersusBase(_ summary: RunSummary) -> ReportChart {
        let curve = summary.acceptability
        let series = summary.options.enumerated().compactMap { o, option -> LineChart.Series? in
            curve.probabilityCostEffectiveVersusBase[o].map {
                LineChart.Series(name: option.name, colour: Palette.colour(o), xs: curve.thresholds, ys: $0)
            }
        }
        return probabilityChart(
            summary, id: "acceptability-versus-base", title: "Probability of being cost-effective against base",
            probability: "probability of a positive net benefit against base", series: series,
            description: "Pairwise acceptability curves: the share of draws in which each option's net monetary benefit against base is positive, by willingness to pay per QALY.",
            caption: "Probability that each option is cost-effective against base alone (pairwise acceptability curves; the other options play no part), by what a QALY is worth.")
    }

    /// A probability (0–100%) against willingness to pay, with the scenario's threshold marked.
    private static func probabilityChart(_ summary: RunSummary, id: String, title: String, probability: String,
                                         series: [LineChart.Series], description: String, caption: String) -> ReportChart {
        let chart = LineChart(
            frame: ChartFrame(title: title), xAxis: willingnessToPay,
            yAxis: Axis(probability, format: .percent, includesZero: true),
            series: series, references: thresholdLine(summary), description: description)
        return ReportChart(name: id, caption: caption, svg: chart.svg(id: id))
    }

    /// Expected value of perfect information over the threshold grid, per person (the population
    /// figure is the same curve times the year-0 population, given in the caption).
    public static func valueOfInformation(_ summary: RunSummary, population: Double) -> ReportChart {
        let curve = summary.acceptability
        let chart = LineChart(
            frame: ChartFrame(title: "Expected value of perfect information"),
            xAxis: willingnessToPay,
            yAxis: Axis("EVPI per person", unit: "£", format: TickFormat(prefix: "£"), includesZero: true),
            series: [LineChart.Series(name: "EVPI per person", colour: Palette.colour(0), xs: curve.thresholds, ys: curve.evpiPerPerson)],
            references: thresholdLine(summary),
            description: "The most it could be worth paying, per person, to remove all uncertainty before choosing, by willingness to pay per QALY.")
        let atThreshold = "\(Formatting.moneyPrecise(summary.evpi.perPerson)) per person, \(Formatting.money(summary.evpi.population)) for the population of \(Formatting.grouped(population)) over \(summary.horizon) years"
        return ReportChart(name: "evpi", caption: "Expected value of perfect information by what a QALY is worth, per person; multiply by the year-0 population (\(Formatting.grouped(population))) for the population over \(summary.horizon) years. At the threshold: \(atThreshold).", svg: chart.svg(id: "evpi"))
    }
}
