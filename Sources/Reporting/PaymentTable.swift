import DrawStatistics
import PaymentModels

/// What `phm payments` prints: for each contract, its payment models side by side on the same
/// draws, then one at-a-glance line per model. Every number is read from the ``PaymentReport``
/// that is also written to `payments.json`.
public enum PaymentTable {
    public static func text(_ report: PaymentReport) -> String {
        let draws = "\(report.draws) draw\(report.draws == 1 ? "" : "s")\(report.deterministic ? " (deterministic)" : "")"
        var sections = [
            "\(report.scenario), option \(report.option): \(draws), seed \(report.seed), \(report.horizon) years; £ discounted at \(Formatting.grouped(report.discountRate * 100, decimals: 1))% and summed over the horizon",
        ]
        for contract in report.contracts { sections.append(text(contract, report: report)) }
        sections.append("""
            margin = provider income − provider cost; overspend = payment above the commissioner's budget line.
            Provider share of risk = Var(margin) / (Var(margin) + Var(payment)) over draws. Prevention: \
            \(Formatting.grouped(report.preventionReduction * 100))% of the contract's demand removed, same draws.
            """)
        return sections.joined(separator: "\n\n")
    }

    static func text(_ contract: ContractResult, report: PaymentReport) -> String {
        var grid = TextGrid(
            header: ["model", "payment (90% interval)", "provider margin (90% interval)", "P(deficit)", "P(overspend)",
                     "E[overspend]", "provider risk", "prevention Δmargin"],
            alignments: [.left] + Array(repeating: .right, count: 7))
        for model in contract.models {
            grid.append([
                model.model,
                money(model.commissionerPayment),
                money(model.providerMargin),
                Formatting.grouped(model.pProviderDeficit, decimals: 2),
                Formatting.grouped(model.pCommissionerOverspend, decimals: 2),
                Formatting.millions(model.expectedOverspend),
                model.providerRiskShare.map { Formatting.grouped($0 * 100) + "%" } ?? "–",
                Formatting.millions(model.incentiveAlignment, decimals: 3, signed: true),
            ])
        }
        let services = contract.services.joined(separator: ", ")
        var lines = [
            "Contract \(contract.name): \(contract.provider)" + (contract.description.isEmpty ? "" : " — \(contract.description)"),
            "services \(services); \(contract.cohorts); budget line \(Formatting.millions(contract.budgetLine.mean))",
            "",
            grid.text,
            "",
        ]
        for model in contract.models {
            let risk = model.providerRiskShare.map { "provider carries \(Formatting.grouped($0 * 100))% of demand risk" }
                ?? "no variation over draws, so no demand risk to share"
            lines.append("\(model.model): \(risk); prevention changes provider margin by \(Formatting.millions(model.incentiveAlignment, decimals: 3, signed: true))")
        }
        return lines.joined(separator: "\n")
    }

    /// `£12.34m (£11.90m to £12.80m)`.
    static func money(_ spread: Summary) -> String {
        "\(Formatting.millions(spread.mean)) (\(Formatting.millions(spread.p5)) to \(Formatting.millions(spread.p95)))"
    }
}
