import Charts
import PaymentModels

/// The three charts a finance lead expects of `phm payments`, per contract: the commissioner's
/// cash by financial year with a 5th–95th percentile band per model, each party's margin per
/// model, and a waterfall of the commissioner's spend from today's model to the proposed one.
enum PaymentCharts {
    static let poundsAxis = TickFormat(prefix: "£", suffix: "m", scale: 1e-6)

    static func cashByYear(_ contract: ContractResult, report: PaymentReport) -> ReportChart {
        let name = "cash-\(contract.name)"
        let xs = report.years.indices.map { Double(report.startYear + $0) }
        let chart = LineChart(
            frame: ChartFrame(title: "Commissioner's payment by financial year"),
            xAxis: Axis("financial year starting in April of", format: .year, minimumStep: 1),
            yAxis: Axis("payment", unit: "£m a year, nominal", format: poundsAxis, includesZero: false),
            series: contract.models.enumerated().map { m, model in
                LineChart.Series(name: model.model, colour: Palette.colour(m + 1), xs: xs, ys: model.cashByYear.map(\.mean), markers: true,
                                 band: .init(low: model.cashByYear.map(\.p5), high: model.cashByYear.map(\.p95)))
            },
            description: "Lines: mean payment in each financial year under each model; shaded: 5th to 95th percentile over draws.")
        return ReportChart(name: name, caption: "What the commissioner pays in each financial year under each model (nominal £; shaded: 5th to 95th percentile over \(report.draws) draws).", svg: chart.svg(id: name))
    }

    static func margins(_ contract: ContractResult, report: PaymentReport) -> ReportChart {
        let name = "margins-\(contract.name)"
        let parties = contract.models[0].parties.map(\.name)
        let chart = HorizontalBarChart(
            frame: ChartFrame(title: "Each party's margin by payment model", height: HorizontalBarChart.height(rows: contract.models.count, series: parties.count)),
            categories: contract.models.map(\.model),
            valueAxis: Axis("margin", unit: "£m a year", format: poundsAxis, includesZero: true),
            series: parties.indices.map { p in
                BarChart.Series(name: parties[p], colour: Palette.colour(p), bars: contract.models.map {
                    BarChart.Bar($0.parties[p].margin.mean, low: $0.parties[p].margin.p5, high: $0.parties[p].margin.p95)
                })
            },
            description: "Bars: each party's mean margin (£ a year) under each model; whiskers: 5th to 95th percentile over draws.")
        return ReportChart(name: name, caption: "Each party's margin under each model on the same draws (commissioner: budget line − payment); the wider the whiskers, the more risk the party carries.", svg: chart.svg(id: name))
    }

    /// Today's payment, less today's terms (down to the outturn at price), plus the proposed
    /// model's terms, to the proposed payment: mean £ a year. Nil with a single model.
    static func waterfall(_ contract: ContractResult) -> ReportChart? {
        guard let proposed = contract.proposed,
              let to = contract.models.first(where: { $0.model == proposed }),
              let from = contract.models.first(where: { $0.model == contract.current })
        else { return nil }
        let name = "waterfall-\(contract.name)"
        var steps = [WaterfallChart.Step("\(from.model) today", from.payment.mean, kind: .total)]
        steps += from.components.map { WaterfallChart.Step("less \($0.name)", -$0.mean, kind: .change) }
        steps += to.components.map { WaterfallChart.Step($0.name, $0.mean, kind: .change) }
        steps.append(WaterfallChart.Step("\(to.model) proposed", to.payment.mean, kind: .total))
        let chart = WaterfallChart(
            frame: ChartFrame(title: "Commissioner's spend: from \(from.model) to \(to.model)", width: max(720, Double(steps.count) * 120)),
            steps: steps, valueAxis: Axis("payment", unit: "£m a year, nominal", format: poundsAxis, includesZero: false),
            description: "The mean payment under today's model, each of its terms taken away down to the outturn at contract prices, then each term of the proposed model added.")
        return ReportChart(name: name, caption: "How the commissioner's mean spend a year moves from \(from.model) to \(to.model): each step is one term of a payment model (nominal £ a year; the axis does not start at zero, so that the steps show).", svg: chart.svg(id: name))
    }
}
