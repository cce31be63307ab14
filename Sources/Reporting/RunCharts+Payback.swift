import Charts
import RunAnalysis

extension RunCharts {
    /// When each option pays back: its cumulative net monetary benefit against base, year by year
    /// (QALYs × threshold − extra cost, discounted, means over draws); it pays back from the year
    /// its line crosses zero for good (``RunDetail/Balance/paybackYear``).
    public static func netBenefitByYear(_ detail: RunDetail, threshold: Double) -> ReportChart {
        let years = detail.calendarYears
        let chart = LineChart(
            frame: ChartFrame(title: "Cumulative net monetary benefit against base", height: 360),
            xAxis: Axis("financial year starting in April of", format: .year, minimumStep: 1),
            yAxis: Axis("cumulative net monetary benefit", unit: "£m, discounted", format: TickFormat(prefix: "£", suffix: "m", scale: 1e-6), includesZero: true),
            series: detail.balances.map {
                .init(name: $0.option, colour: Palette.colour(detail.optionNames.firstIndex(of: $0.option) ?? 0), xs: years, ys: $0.netBenefit, markers: detail.horizon <= 20)
            },
            references: [.init(.horizontal, at: 0, label: "pays back above this line")],
            description: "Cumulative net monetary benefit against base at £\(Formatting.grouped(threshold)) per QALY, summed from year 0 to each year.")
        return ReportChart(
            name: "cumulative-net-benefit",
            caption: "Cumulative net monetary benefit against base (QALYs gained × £\(Formatting.grouped(threshold)) − extra cost, discounted, means over draws): an option pays back from the year its line stays above zero.",
            svg: chart.svg(id: "cumulative-net-benefit"))
    }
}
