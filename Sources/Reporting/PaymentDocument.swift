import Charts
import PaymentModels

/// The report of `phm payments` (report.md and report.html). Its first section answers, for each
/// contract and party, what do we get, what could we lose, and does the contract reward
/// prevention; then each contract's cash by financial year, each party's P&L, the caps that bind
/// and three charts. Every number is read from the ``PaymentReport`` written to `payments.json`.
public enum PaymentDocument {
    public static func document(_ report: PaymentReport, manifest: RunManifest) -> ReportDocument {
        let draws = report.deterministic ? "deterministic (every value at its mean)" : "\(Formatting.grouped(Double(report.draws))) Monte Carlo draws, seed \(report.seed)"
        var sections = [answer(report)]
        sections += report.contracts.map { section($0, report: report) }
        sections.append(RunReport.about(
            manifest, replay: manifest.command.isEmpty ? ["phm", "payments", manifest.scenarioFile] : ["phm"] + manifest.command.dropFirst(),
            contents: "This folder also holds payments.json (every number in this report), payments.csv (each party's P&L per contract and model), payments_yearly.csv (the payment per financial year), payments_triggers.csv (how often caps and thresholds apply), payments_draws.csv (each draw), payments.xlsx (all of it for Excel) and manifest.json."))
        return ReportDocument(
            title: "\(report.scenario): what each party gets, could lose, and whether the contract rewards prevention",
            subtitle: "Option \(report.option); \(draws); financial years \(report.years.first ?? "") to \(report.years.last ?? ""); nominal £ (present values at \(Formatting.grouped(report.discountRate * 100, decimals: 1))% are a secondary figure in the appendix files).",
            sections: sections)
    }

    static func answer(_ report: PaymentReport) -> ReportSection {
        var blocks: [ReportBlock] = []
        for contract in report.contracts {
            blocks.append(.paragraph("**Contract \(contract.name)** (\(contract.provider)): today's model \(contract.current)" + (contract.proposed.map { ", proposed \($0)." } ?? ".")))
            blocks.append(.bullets(PaymentAnswer.sentences(contract, report: report) + (PaymentAnswer.change(contract).map { [$0] } ?? [])))
        }
        return ReportSection("What do we get, what could we lose, and does the contract reward prevention?", blocks)
    }

    static func section(_ contract: ContractResult, report: PaymentReport) -> ReportSection {
        var blocks: [ReportBlock] = [
            .paragraph("**\(contract.provider)**" + (contract.description.isEmpty ? "" : ": \(contract.description)")
                + " Services: \(contract.services.joined(separator: ", ")); \(contract.cohorts)"
                + (contract.members.isEmpty ? "." : "; members: \(contract.members.joined(separator: ", ")).")),
            .table(cashTable(contract)),
            .chart(PaymentCharts.cashByYear(contract, report: report)),
            .table(partyTable(contract)),
            .chart(PaymentCharts.margins(contract, report: report)),
        ]
        if let waterfall = PaymentCharts.waterfall(contract) { blocks.append(.chart(waterfall)) }
        let triggers = contract.models.flatMap { model in model.triggers.map { (model.model, $0) } }
        blocks.append(.table(ReportTable(
            header: ["model", "trigger", "kind", "share of draws", "share of years"],
            rows: triggers.map { [$0.0, $0.1.name, $0.1.kind.rawValue, percent($0.1.shareOfDraws), percent($0.1.shareOfYears)] },
            numericColumns: [3, 4])))
        blocks.append(.note("""
            £ a year: nominal, the mean over the financial years of the horizon; intervals are the 5th to 95th percentile over draws; \
            worst: the value only \(Formatting.grouped(report.worstShare * 100))% of draws fall beyond, on the side that hurts. \
            Margin = income − cost (commissioner: budget line − payment). Overspend borne: max(0, cost − income) in each year, \
            its mean and 95th percentile over draws. Share of outturn variance: Cov(party's part of outturn, outturn) / Var(outturn), \
            outturn being activity at contract prices; the commissioner's part is what it pays, the provider's what it is not paid. \
            Triggers: the share of draws in which a cap, floor, threshold or outcome payment applies in at least one year, and of all draw-years. \
            Prevention Δmargin: \(Formatting.grouped(report.preventionReduction * 100))% of the contract's demand removed on the same draws.
            """))
        return ReportSection("Contract \(contract.name)", blocks)
    }

    static func percent(_ share: Double) -> String { Formatting.grouped(share * 100) + "%" }

    static func cashTable(_ contract: ContractResult) -> ReportTable {
        ReportTable(
            header: ["financial year", "budget line"] + contract.models.map { "\($0.model) (P5–P95)" },
            rows: contract.budgetByYear.indices.map { t in
                [contract.budgetByYear[t].year, Formatting.millions(contract.budgetByYear[t].mean)] + contract.models.map { model in
                    let cash = model.cashByYear[t]
                    return "\(Formatting.millions(cash.mean)) (\(Formatting.millions(cash.p5))–\(Formatting.millions(cash.p95)))"
                }
            },
            numericColumns: Set(1..<(2 + contract.models.count)))
    }

    static func partyTable(_ contract: ContractResult) -> ReportTable {
        ReportTable(
            header: ["model", "party", "income", "cost", "margin (P5 to P95)", "worst margin", "expected overspend", "P95 overspend", "share of outturn variance", "prevention Δmargin", "change from \(contract.current)"],
            rows: contract.models.flatMap { model in
                model.parties.enumerated().map { p, party in
                    [model.model, party.name, Formatting.millions(party.income.mean), Formatting.millions(party.cost.mean),
                     "\(Formatting.millions(party.margin.mean, signed: true)) (\(Formatting.millions(party.margin.p5, signed: true)) to \(Formatting.millions(party.margin.p95, signed: true)))",
                     Formatting.millions(party.margin.worst, signed: true), Formatting.millions(party.expectedOverspend), Formatting.millions(party.p95Overspend),
                     party.outturnVarianceShare.map(percent) ?? "–",
                     Formatting.millions(party.preventionMarginChange.mean, decimals: 3, signed: true),
                     model.changeFromCurrent.isEmpty ? "–" : Formatting.millions(model.changeFromCurrent[p].change.mean, signed: true)]
                }
            },
            numericColumns: Set(2...10))
    }
}
