import PaymentModels
import Spreadsheet

/// The files of a `phm payments` results folder: manifest.json, payments.json (the whole
/// ``PaymentReport``), payments.csv (one row per contract, model and party, nominal £ a year),
/// payments_yearly.csv (the commissioner's payment per contract, model and financial year, with
/// its interval and worst case), payments_triggers.csv (how often each cap, floor, threshold and
/// outcome payment is triggered), payments_draws.csv (each draw's payment and party margins),
/// payments.xlsx (all of it for Excel, see ``PaymentWorkbook``),
/// and the report (report.md, report.html and its charts, see ``PaymentDocument``).
public enum PaymentFiles {
    /// Every file the folder holds, for `phm payments --help`.
    public static let names = [
        "manifest.json", "payments.json", "payments.csv", "payments_yearly.csv", "payments_triggers.csv",
        "payments_draws.csv", "payments.xlsx", "report.md", "report.html", "chart-*.svg",
    ]

    /// Writes the files and the report, then commits the folder (renames it into place).
    public static func write(report: PaymentReport, manifest: RunManifest, to folder: ResultsFolder) throws {
        try folder.write(try RunFiles.json(report), to: "payments.json")
        try folder.write(csv(report), to: "payments.csv")
        try folder.write(yearlyCSV(report), to: "payments_yearly.csv")
        try folder.write(triggersCSV(report), to: "payments_triggers.csv")
        try folder.write(drawsCSV(report), to: "payments_draws.csv")
        try folder.write("payments.xlsx") { try Workbook.write(PaymentWorkbook.sheets(report, manifest: manifest), to: $0.path) }
        try ReportFiles.write(PaymentDocument.document(report, manifest: manifest), to: folder)
        try folder.commit(manifest: manifest)
    }

    /// One row per contract, model and party: nominal £ a year (the mean over the horizon),
    /// then the secondary present value of the margin.
    static func csv(_ report: PaymentReport) -> String {
        var csv = CSVText(header: [
            "option", "contract", "model", "party", "role",
            "income_mean", "income_p5", "income_p95", "cost_mean", "cost_p5", "cost_p95",
            "margin_mean", "margin_p5", "margin_p95", "margin_worst", "p_loss",
            "expected_overspend", "p95_overspend", "outturn_variance_share",
            "prevention_margin_change_mean", "prevention_margin_change_p5", "prevention_margin_change_p95",
            "change_from_current_mean", "change_from_current_p5", "change_from_current_p95",
            "margin_present_value_mean",
        ])
        for contract in report.contracts {
            for model in contract.models {
                for (p, party) in model.parties.enumerated() {
                    let change = model.changeFromCurrent.isEmpty ? nil : model.changeFromCurrent[p].change
                    csv.append([
                        .text(report.option), .text(contract.name), .text(model.model), .text(party.name), .text(party.role.rawValue),
                        .number(party.income.mean), .number(party.income.p5), .number(party.income.p95),
                        .number(party.cost.mean), .number(party.cost.p5), .number(party.cost.p95),
                        .number(party.margin.mean), .number(party.margin.p5), .number(party.margin.p95), .number(party.margin.worst),
                        .number(party.pLoss), .number(party.expectedOverspend), .number(party.p95Overspend),
                        party.outturnVarianceShare.map(CSVField.number) ?? "",
                        .number(party.preventionMarginChange.mean), .number(party.preventionMarginChange.p5), .number(party.preventionMarginChange.p95),
                        change.map { .number($0.mean) } ?? "", change.map { .number($0.p5) } ?? "", change.map { .number($0.p95) } ?? "",
                        .number(party.marginPresentValue.mean),
                    ])
                }
            }
        }
        return csv.text
    }

    /// The commissioner's payment per contract, model and financial year (nominal £), with the
    /// budget line, the provider's cost and the outturn (activity at price) that year.
    static func yearlyCSV(_ report: PaymentReport) -> String {
        var csv = CSVText(header: [
            "option", "contract", "model", "year", "payment_mean", "payment_p5", "payment_p95", "payment_worst",
            "budget_line_mean", "provider_cost_mean", "outturn_mean",
        ])
        for contract in report.contracts {
            for model in contract.models {
                for (t, cash) in model.cashByYear.enumerated() {
                    csv.append([
                        .text(report.option), .text(contract.name), .text(model.model), .text(cash.year),
                        .number(cash.mean), .number(cash.p5), .number(cash.p95), .number(cash.worst),
                        .number(contract.budgetByYear[t].mean), .number(contract.costByYear[t].mean), .number(contract.outturnByYear[t].mean),
                    ])
                }
            }
        }
        return csv.text
    }

    /// `margin_0`, `margin_1`, …: the margin of the party at that position (commissioner, provider, members).
    static func partyColumn(_ p: Int) -> String { "margin_\(p)" }

    /// Each draw's payment and party margins (£ a year) per contract and model; the parties of a
    /// contract are named in its rows of payments.csv, in the same order.
    static func drawsCSV(_ report: PaymentReport) -> String {
        let widest = report.contracts.map { $0.models[0].parties.count }.max() ?? 0
        var csv = CSVText(header: ["option", "contract", "model", "draw", "payment"] + (0..<widest).map(partyColumn))
        for contract in report.contracts {
            for draw in contract.draws {
                csv.append([.text(report.option), .text(contract.name), .text(draw.model), .integer(draw.draw), .number(draw.payment)]
                           + draw.margins.map(CSVField.number) + Array(repeating: "", count: widest - draw.margins.count))
            }
        }
        return csv.text
    }

    /// Each trigger of each model: the share of draws with at least one year triggered, and of draw-years.
    static func triggersCSV(_ report: PaymentReport) -> String {
        var csv = CSVText(header: ["option", "contract", "model", "trigger", "kind", "share_of_draws", "share_of_years"])
        for contract in report.contracts {
            for model in contract.models {
                for trigger in model.triggers {
                    csv.append([
                        .text(report.option), .text(contract.name), .text(model.model), .text(trigger.name), .text(trigger.kind.rawValue),
                        .number(trigger.shareOfDraws), .number(trigger.shareOfYears),
                    ])
                }
            }
        }
        return csv.text
    }
}
