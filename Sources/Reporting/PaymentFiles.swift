import PaymentModels

/// The files of a `phm payments` results folder: manifest.json, payments.json (the whole
/// ``PaymentReport``), payments.csv (one row per contract and payment model) and
/// payments_yearly.csv (means over draws per contract, model and year, undiscounted), and the
/// report (report.md, report.html and its charts, see ``PaymentDocument``).
public enum PaymentFiles {
    /// Writes the files and the report, then commits the folder (renames it into place).
    public static func write(report: PaymentReport, manifest: RunManifest, to folder: ResultsFolder) throws {
        try folder.write(try RunFiles.json(manifest), to: "manifest.json")
        try folder.write(try RunFiles.json(report), to: "payments.json")
        try folder.write(csv(report), to: "payments.csv")
        try folder.write(yearlyCSV(report), to: "payments_yearly.csv")
        try ReportFiles.write(PaymentDocument.document(report, manifest: manifest), to: folder)
        try folder.commit()
    }

    /// One row per contract and model; money is the present value over the horizon in £.
    static func csv(_ report: PaymentReport) -> String {
        var csv = CSVText(header: [
            "option", "contract", "provider", "model",
            "payment_mean", "payment_p5", "payment_p95", "payment_variance",
            "cost_mean", "cost_p5", "cost_p95",
            "margin_mean", "margin_p5", "margin_p95", "margin_variance",
            "budget_line_mean", "p_provider_deficit", "p_commissioner_overspend", "expected_overspend",
            "provider_risk_share", "incentive_alignment", "prevention_payment_change",
        ])
        for contract in report.contracts {
            for model in contract.models {
                let payment = model.commissionerPayment, cost = model.providerCost, margin = model.providerMargin
                csv.append([
                    .text(report.option), .text(contract.name), .text(contract.provider), .text(model.model),
                    .number(payment.mean), .number(payment.p5), .number(payment.p95), .number(payment.variance),
                    .number(cost.mean), .number(cost.p5), .number(cost.p95),
                    .number(margin.mean), .number(margin.p5), .number(margin.p95), .number(margin.variance),
                    .number(contract.budgetLine.mean), .number(model.pProviderDeficit), .number(model.pCommissionerOverspend),
                    .number(model.expectedOverspend), model.providerRiskShare.map(CSVField.number) ?? "",
                    .number(model.incentiveAlignment), .number(model.preventionPaymentChange),
                ])
            }
        }
        return csv.text
    }

    /// Means over draws per contract, model and year, undiscounted: payment, provider cost,
    /// margin and the commissioner's budget line.
    static func yearlyCSV(_ report: PaymentReport) -> String {
        var csv = CSVText(header: ["option", "contract", "model", "year", "payment", "provider_cost", "provider_margin", "budget_line"])
        for contract in report.contracts {
            for model in contract.models {
                for t in 0..<report.horizon {
                    csv.append([
                        .text(report.option), .text(contract.name), .text(model.model), .integer(t),
                        .number(model.yearlyPayment[t]), .number(model.yearlyCost[t]),
                        .number(model.yearlyPayment[t] - model.yearlyCost[t]), .number(contract.yearlyBudgetLine[t]),
                    ])
                }
            }
        }
        return csv.text
    }
}
