import Charts
import PaymentModels

/// The report of `phm payments` (report.md and report.html): for each contract, who carries the
/// demand risk and whether the contract rewards prevention, in words, then the table `phm
/// payments` prints and two charts. Every number is read from the ``PaymentReport`` that is
/// written to `payments.json`.
public enum PaymentDocument {
    public static func document(_ report: PaymentReport, manifest: RunManifest) -> ReportDocument {
        let draws = report.deterministic ? "deterministic (every value at its mean)" : "\(Formatting.grouped(Double(report.draws))) Monte Carlo draws, seed \(report.seed)"
        var sections = report.contracts.map { section($0, report: report) }
        sections.append(RunReport.about(
            manifest, replay: manifest.command.isEmpty ? ["phm", "payments", manifest.scenarioFile] : ["phm"] + manifest.command.dropFirst(),
            contents: "This folder also holds payments.json (every number in this report), payments.csv (one row per contract and model), payments_yearly.csv (yearly means) and manifest.json."))
        return ReportDocument(
            title: "\(report.scenario): who carries the risk, and does the contract reward prevention?",
            subtitle: "Option \(report.option); \(draws); \(report.horizon) years; £ discounted at \(Formatting.grouped(report.discountRate * 100, decimals: 1))% and summed over the horizon.",
            sections: sections)
    }

    static func section(_ contract: ContractResult, report: PaymentReport) -> ReportSection {
        ReportSection("Contract \(contract.name)", [
            .paragraph("**\(contract.provider)**" + (contract.description.isEmpty ? "" : ": \(contract.description)")
                + " Services: \(contract.services.joined(separator: ", ")); \(contract.cohorts); budget line \(Formatting.millions(contract.budgetLine.mean))."),
            .bullets(answer(contract, report: report)),
            .table(table(contract)),
            .chart(marginChart(contract, report: report)),
            .chart(preventionChart(contract, report: report)),
            .note("Margin = provider income − provider cost. Provider risk = Var(margin) / (Var(margin) + Var(payment)) over draws. Prevention: \(Formatting.grouped(report.preventionReduction * 100))% of the contract's demand removed on the same draws; the change in the provider's margin. Intervals: 5th to 95th percentile over draws."),
        ])
    }

    /// Plain sentences: where the risk lies and which models reward or penalise prevention.
    static func answer(_ contract: ContractResult, report: PaymentReport) -> [String] {
        var lines: [String] = []
        let shared = contract.models.compactMap { model in model.providerRiskShare.map { (model.model, $0) } }
        if let least = shared.min(by: { $0.1 < $1.1 }), let most = shared.max(by: { $0.1 < $1.1 }), least.0 != most.0 {
            lines.append("The provider carries least of the demand risk under **\(least.0)** (\(Formatting.grouped(least.1 * 100))%) and most under **\(most.0)** (\(Formatting.grouped(most.1 * 100))%).")
        }
        let rewarding = contract.models.filter { $0.incentiveAlignment > 0 }.map(\.model)
        let penalising = contract.models.filter { $0.incentiveAlignment < 0 }.map(\.model)
        if !rewarding.isEmpty { lines.append("Prevention raises the provider's margin under \(rewarding.joined(separator: ", ")).") }
        if !penalising.isEmpty { lines.append("Prevention lowers the provider's margin under \(penalising.joined(separator: ", ")): the contract works against it.") }
        for model in contract.models where model.pCommissionerOverspend >= 0.5 {
            lines.append("Under \(model.model) the commissioner overspends the budget line in \(Formatting.grouped(model.pCommissionerOverspend * 100))% of draws (by \(Formatting.millions(model.expectedOverspend)) on average).")
        }
        return lines
    }

    static func table(_ contract: ContractResult) -> ReportTable {
        ReportTable(
            header: ["model", "payment", "provider margin", "P(provider deficit)", "P(overspend)", "provider risk", "prevention Δmargin"],
            rows: contract.models.map { model in
                [model.model, PaymentTable.money(model.commissionerPayment), PaymentTable.money(model.providerMargin),
                 Formatting.grouped(model.pProviderDeficit, decimals: 2), Formatting.grouped(model.pCommissionerOverspend, decimals: 2),
                 model.providerRiskShare.map { Formatting.grouped($0 * 100) + "%" } ?? "–",
                 Formatting.millions(model.incentiveAlignment, decimals: 3, signed: true)]
            },
            numericColumns: [1, 2, 3, 4, 5, 6])
    }

    static func marginChart(_ contract: ContractResult, report: PaymentReport) -> ReportChart {
        let name = "margin-\(contract.name)"
        let chart = HorizontalBarChart(
            frame: ChartFrame(title: "Provider margin by payment model", height: HorizontalBarChart.height(rows: contract.models.count)),
            categories: contract.models.map(\.model),
            valueAxis: Axis("provider margin", unit: "£m, present value", format: TickFormat(prefix: "£", suffix: "m", scale: 1e-6), includesZero: true),
            series: [BarChart.Series(name: "mean (5th–95th percentile)", colour: Palette.colour(1), bars: contract.models.map {
                BarChart.Bar($0.providerMargin.mean, low: $0.providerMargin.p5, high: $0.providerMargin.p95)
            })],
            description: "Bars: the provider's mean margin under each payment model; whiskers: 5th to 95th percentile over draws.")
        return ReportChart(name: name, caption: "The provider's margin under each model on the same \(report.draws) draws: the wider the whiskers, the more demand risk the provider carries.", svg: chart.svg(id: name))
    }

    static func preventionChart(_ contract: ContractResult, report: PaymentReport) -> ReportChart {
        let name = "prevention-\(contract.name)"
        let chart = HorizontalBarChart(
            frame: ChartFrame(title: "Does the contract reward prevention?", height: HorizontalBarChart.height(rows: contract.models.count)),
            categories: contract.models.map(\.model),
            valueAxis: Axis("change in provider margin", unit: "£m", format: TickFormat(prefix: "£", suffix: "m", scale: 1e-6), includesZero: true),
            series: [BarChart.Series(name: "\(Formatting.grouped(report.preventionReduction * 100))% less demand", colour: Palette.colour(2), bars: contract.models.map {
                BarChart.Bar($0.incentiveAlignment)
            })],
            description: "Bars: the change in the provider's margin when prevention removes part of the contract's demand; right of zero rewards prevention.")
        return ReportChart(name: name, caption: "Change in the provider's margin when prevention removes \(Formatting.grouped(report.preventionReduction * 100))% of the contract's demand (same draws): right of zero, the contract rewards prevention; left, it penalises it.", svg: chart.svg(id: name))
    }
}
