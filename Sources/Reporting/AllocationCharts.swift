import Allocation
import Charts
import DrawStatistics
import RunAnalysis

/// The charts of the `phm optimise` and `phm frontier` reports (MODEL.md §5). They take plain
/// values, the same ones the commands print and write to `summary.json` and `frontier.csv`, so
/// a chart can never show a number the tables do not.
public enum AllocationCharts {
    /// One point of the equity–efficiency frontier as the charts need it.
    public struct FrontierPoint: Sendable {
        /// The gap `h_last − h_first` the point's allocation reaches.
        public var gap: Double
        /// Total net health gained against today's allocation (QALYs).
        public var totalHealth: Double
        /// QALYs of total net health forgone per unit of gap closed at this point.
        public var shadowPrice: Double
        /// The shadow price more than doubled since the previous point.
        public var steep: Bool

        public init(gap: Double, totalHealth: Double, shadowPrice: Double, steep: Bool) {
            self.gap = gap
            self.totalHealth = totalHealth
            self.shadowPrice = shadowPrice
            self.steep = steep
        }
    }

    /// The x axis of both frontier charts: the gap between the last (least deprived) and first
    /// (most deprived) group, in years when the scenario gives baseline health, else in QALYs
    /// per person over the horizon.
    public static func gapAxis(first: String, last: String, baselineHealth: Bool) -> Axis {
        Axis("health gap, \(last) − \(first)", unit: baselineHealth ? "years of health" : "QALYs per person")
    }

    /// Total net health against the gap, one marker per gap limit, in sweep order (from the
    /// unconstrained optimum to the smallest gap); the two ends are labelled and the points
    /// where the price of equity more than doubles are ringed.
    public static func frontier(_ points: [FrontierPoint], gapAxis: Axis) -> ReportChart {
        let labels = points.indices.map { i in
            i == 0 ? "most total health" : (i == points.count - 1 ? "smallest gap" : "")
        }
        var series = [LineChart.Series(name: "frontier", colour: Palette.colour(0), xs: points.map(\.gap), ys: points.map(\.totalHealth),
                                       markers: true, pointLabels: labels)]
        let steep = points.filter(\.steep)
        if !steep.isEmpty {
            series.append(LineChart.Series(name: "price of equity more than doubles", colour: Palette.colour(3), xs: steep.map(\.gap),
                                           ys: steep.map(\.totalHealth), connected: false))
        }
        let chart = LineChart(
            frame: ChartFrame(title: "Equity–efficiency frontier", height: 440),
            xAxis: gapAxis, yAxis: Axis("total net health gained", unit: "QALYs, discounted"),
            series: series,
            description: "The most total net health any allocation reaches for each limit on the health gap; each dot is one gap limit.")
        return ReportChart(
            name: "frontier",
            caption: "Each dot is the allocation with the most total net health (QALYs gained against today's allocation) whose gap is at most one limit, from the unconstrained optimum (right) to the smallest gap any allocation reaches (left).\(steep.isEmpty ? "" : " Rings: the QALYs forgone per unit of gap closed more than double from the previous point.")",
            svg: chart.svg(id: "frontier"))
    }

    /// The price of equity (the gap limit's shadow price) against the gap, as steps: the
    /// frontier is piecewise linear, so its slope holds between points. Points are drawn from the
    /// smallest gap up, so each price holds from its own gap to the next larger one: the slope
    /// of the frontier on that stretch (the unconstrained optimum's price, 0, holds beyond it).
    public static func priceOfEquity(_ points: [FrontierPoint], gapAxis: Axis) -> ReportChart {
        let points = points.sorted { $0.gap < $1.gap }
        let chart = LineChart(
            frame: ChartFrame(title: "Price of equity", height: 360),
            xAxis: gapAxis, yAxis: Axis("QALYs forgone per day of gap closed", includesZero: true),
            series: [LineChart.Series(name: "shadow price of the gap limit, per day", colour: Palette.colour(0), xs: points.map(\.gap),
                                      ys: points.map { $0.shadowPrice / FrontierReading.daysPerYear }, interpolation: .step, markers: true)],
            description: "QALYs of total net health given up for each further day (per person) of gap closed, at each gap limit.")
        return ReportChart(
            name: "frontier-price",
            caption: "The shadow price of the gap limit: total net health given up per day of gap closed (per person), at each point of the frontier (the slope of the frontier above). Read from right to left as the gap narrows; a steep rise marks where equity gets dear.",
            svg: chart.svg(id: "frontier-price"))
    }

    /// The change in each line's mean yearly budget, one signed bar per line.
    public static func budgetChanges(lines: [String], changes: [Double]) -> ReportChart {
        let chart = HorizontalBarChart(
            frame: ChartFrame(title: "Change in each line's budget", height: HorizontalBarChart.height(rows: lines.count)),
            categories: lines,
            valueAxis: Axis("change in budget", unit: "£m a year, mean over the horizon", format: TickFormat(prefix: "£", suffix: "m", scale: 1e-6),
                            includesZero: true),
            series: [BarChart.Series(name: "change", colour: Palette.colour(0), bars: changes.map { BarChart.Bar($0) })],
            description: "Optimal minus today's mean yearly budget of each line: bars to the right gain money, bars to the left give it up.")
        return ReportChart(name: "budget-changes", caption: "Optimal minus today's budget of each line (£ a year, mean over the horizon): right = more money, left = less.",
                           svg: chart.svg(id: "budget-changes"))
    }

    /// Net QALYs gained by each group: what the LP predicted beside what re-simulating the
    /// allocation found (mean and 95% interval over draws).
    public static func predictedAndSimulated(groups: [String], predicted: [Double], simulated: [Interval], draws: Int) -> ReportChart {
        let chart = BarChart(
            frame: ChartFrame(title: "Net QALYs gained by group: predicted and simulated"),
            categories: groups, categoryAxis: "equity group (most deprived first)",
            valueAxis: Axis("net QALYs gained", unit: "discounted", includesZero: true),
            series: [
                BarChart.Series(name: "LP prediction", colour: Palette.colour(0), bars: predicted.map { BarChart.Bar($0) }),
                BarChart.Series(name: draws > 1 ? "re-simulation (95% interval)" : "re-simulation", colour: Palette.colour(1),
                                bars: simulated.map { draws > 1 ? BarChart.Bar($0.mean, low: $0.low, high: $0.high) : BarChart.Bar($0.mean) }),
            ],
            description: "Net QALYs each group gains under the optimised allocation: the linear program's prediction beside the Monte Carlo re-simulation.")
        return ReportChart(
            name: "predicted-simulated",
            caption: "Net QALYs gained by each group under the optimised allocation against today's: the LP's prediction (from the response curves added up) beside the re-simulation of the whole allocation\(draws > 1 ? " (mean and 95% interval over \(Formatting.grouped(Double(draws))) draws)" : "")."
            , svg: chart.svg(id: "predicted-simulated"))
    }
}
