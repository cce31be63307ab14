import Charts
import RunAnalysis

/// The charts of a run report, each built from the run's summary or detail. Option `o` (in run
/// order, base = 0) always has colour `Palette.colour(o)`, so an option looks the same in
/// every chart of a report.
public enum RunCharts {
    /// QALYs gained by each equity group under each option against base, with 95% intervals
    /// (net of opportunity cost when the run's ``RunSummary/healthHeadline`` says so).
    public static func groupGains(_ summary: RunSummary) -> ReportChart {
        let net = summary.healthHeadline.isNet
        let options = summary.options.enumerated().filter { $0.element.incremental != nil }
        let chart = BarChart(
            frame: ChartFrame(title: "QALYs gained by group, against base"),
            categories: summary.groups, categoryAxis: "equity group (most deprived first)",
            valueAxis: Axis(summary.healthHeadline.columnTitle, unit: "discounted, \(summary.horizon) years", includesZero: true),
            series: options.map { o, option in
                BarChart.Series(name: option.name, colour: Palette.colour(o), bars: option.groups.map {
                    BarChart.Bar($0.netGain.mean, low: $0.netGain.low, high: $0.netGain.high)
                })
            },
            description: "Bars: mean QALYs gained by each group under each option against base; whiskers: 95% intervals over draws.")
        return ReportChart(name: "group-gains", caption: "QALYs gained by each equity group against base (mean and 95% interval over \(summary.draws) draws)\(net ? ", net of the health displaced by extra spending" : "").", svg: chart.svg(id: "group-gains"))
    }

    /// Points drawn per option on the planes: the draws ``RunDetail`` keeps.
    public static let maximumPlanePoints = RunDetail.planePoints

    /// The equity–efficiency impact plane: each draw of each option as a point, change in total
    /// health across, reduction in inequality (|SII|) up; the win–win quadrant is top right.
    public static func impactPlane(_ detail: RunDetail, summary: RunSummary) -> ReportChart {
        let draws = summary.draws
        let shown = min(draws, maximumPlanePoints)
        let chart = ScatterChart(
            frame: ChartFrame(title: "Equity–efficiency impact plane", height: 460),
            xAxis: Axis(summary.healthHeadline.isNet ? "change in total net health" : "change in total health", unit: "QALYs"),
            yAxis: Axis("reduction in inequality", unit: "|SII|, QALYs per person"),
            series: detail.impactPlanes.map { plane in
                ScatterChart.Series(name: plane.option, colour: Palette.colour(detail.optionNames.firstIndex(of: plane.option) ?? 0),
                                    xs: Array(plane.healthChanges.prefix(shown)), ys: plane.inequalityChanges.prefix(shown).map { -$0 })
            },
            quadrants: .init(topLeft: "less health, less inequality", topRight: "win–win", bottomLeft: "lose–lose", bottomRight: "more health, more inequality"),
            description: "Each dot is one Monte Carlo draw of one option against base; large dots are the means.")
        return ReportChart(name: "impact-plane", caption: "Each dot is one \(shown < draws ? "of the first \(Formatting.grouped(Double(shown))) of \(Formatting.grouped(Double(draws)))" : "of \(Formatting.grouped(Double(draws)))") draws: change in total health (across) against reduction in the slope index of inequality (up), both against base. Large dots: means of the draws shown.", svg: chart.svg(id: "impact-plane"))
    }

    /// Yearly demand (solid) against capacity (dashed) for one service that runs short. Base is
    /// always drawn; another option only where its demand or capacity differs from base's by
    /// more than 0.1% in some year (otherwise its line would hide under base's).
    public static func demandAndCapacity(_ service: RunDetail.ServiceYears, detail: RunDetail) -> ReportChart {
        let years = detail.calendarYears
        func differs(_ a: [Double], _ b: [Double]) -> Bool { zip(a, b).contains { abs($0 - $1) > 1e-3 * max(abs($1), 1e-9) } }
        let demandShown = detail.optionNames.indices.filter { $0 == 0 || differs(service.demand[$0], service.demand[0]) }
        let capacityShown = detail.optionNames.indices.filter { $0 == 0 || differs(service.capacity[$0], service.capacity[0]) }
        let series = demandShown.map { o in
            LineChart.Series(name: "\(detail.optionNames[o]) demand", colour: Palette.colour(o), xs: years, ys: service.demand[o])
        } + capacityShown.map { o in
            LineChart.Series(name: "\(detail.optionNames[o]) capacity", colour: Palette.colour(o), xs: years, ys: service.capacity[o], dashed: true)
        }
        let hidden = detail.optionNames.indices.dropFirst().filter { !demandShown.contains($0) && !capacityShown.contains($0) }
        let id = "demand-\(service.service)"
        let chart = LineChart(
            frame: ChartFrame(title: "\(service.service): demand and capacity by year", height: 340),
            xAxis: Axis("financial year starting in April of", format: .year, minimumStep: 1), yAxis: Axis("units of activity per year"),
            series: series, description: "Mean yearly demand for \(service.service) under each option against the capacity its budget buys.")
        let same = hidden.isEmpty ? "" : " \(hidden.map { detail.optionNames[$0] }.joined(separator: ", ")): as base."
        return ReportChart(name: id, caption: "\(service.service): mean demand each year (solid) against capacity = budget ÷ unit cost (dashed); demand above capacity goes unmet. The axis does not start at zero.\(same)", svg: chart.svg(id: id))
    }

    /// Cumulative discounted QALYs gained and extra cost against base, year by year; the QALYs
    /// are before opportunity cost, which the caption says when `headline` charges it.
    public static func cumulative(_ detail: RunDetail, headline: HealthHeadline) -> [ReportChart] {
        let years = detail.calendarYears
        func colour(_ name: String) -> String { Palette.colour(detail.optionNames.firstIndex(of: name) ?? 0) }
        let qalys = LineChart(
            frame: ChartFrame(title: "Cumulative QALYs gained against base"),
            xAxis: Axis("financial year starting in April of", format: .year, minimumStep: 1), yAxis: Axis("cumulative QALYs gained", unit: "discounted", includesZero: true),
            series: detail.balances.map { .init(name: $0.option, colour: colour($0.option), xs: years, ys: $0.qalys, markers: detail.horizon <= 20) },
            references: [.init(.horizontal, at: 0, label: "no change")],
            description: "Discounted QALYs gained against base, summed from year 0 to each year.")
        let cost = LineChart(
            frame: ChartFrame(title: "Cumulative extra cost against base"),
            xAxis: Axis("financial year starting in April of", format: .year, minimumStep: 1), yAxis: Axis("cumulative extra cost", unit: "£m, discounted", format: TickFormat(prefix: "£", suffix: "m", scale: 1e-6), includesZero: true),
            series: detail.balances.map { .init(name: $0.option, colour: colour($0.option), xs: years, ys: $0.cost, markers: detail.horizon <= 20) },
            references: [.init(.horizontal, at: 0, label: "no change")],
            description: "Discounted extra cost against base, summed from year 0 to each year.")
        return [
            ReportChart(name: "cumulative-qalys", caption: "Discounted QALYs gained against base, added up year by year (means over draws)\(headline.isNet ? ", before the health displaced by extra cost" : "").", svg: qalys.svg(id: "cumulative-qalys")),
            ReportChart(name: "cumulative-cost", caption: "Discounted extra spending against base, added up year by year (negative = less spent than base).", svg: cost.svg(id: "cumulative-cost")),
        ]
    }
}
