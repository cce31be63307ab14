import PaymentModels

/// What `phm payments` prints: for each contract the answer for each party, the commissioner's
/// cash by financial year under every model, each party's P&L, and how often caps and other
/// triggers apply. Every number is read from the ``PaymentReport`` written to `payments.json`.
public enum PaymentTable {
    public static func text(_ report: PaymentReport) -> String {
        let draws = "\(report.draws) draw\(report.draws == 1 ? "" : "s")\(report.deterministic ? " (deterministic)" : "")"
        var sections = [
            "\(report.scenario), option \(report.option): \(draws), seed \(report.seed); nominal £ per financial year, \(report.years.first ?? "") to \(report.years.last ?? "")",
        ]
        for contract in report.contracts { sections.append(text(contract, report: report)) }
        sections.append("""
            £ a year = nominal, the mean over the horizon's years; intervals are 5th to 95th percentiles over draws; \
            worst = 1 draw in \(Formatting.grouped(1 / report.worstShare)). margin = income − cost (commissioner: budget line − payment). \
            Overspend borne = max(0, cost − income) each year. Outturn share = the party's share of the variance of activity at price. \
            Prevention: \(Formatting.grouped(report.preventionReduction * 100))% of the contract's demand removed, same draws.
            """)
        return sections.joined(separator: "\n\n")
    }

    static func text(_ contract: ContractResult, report: PaymentReport) -> String {
        var lines = [
            "Contract \(contract.name): \(contract.provider)" + (contract.description.isEmpty ? "" : " — \(contract.description)"),
            "services \(contract.services.joined(separator: ", ")); \(contract.cohorts); today's model \(contract.current)" + (contract.proposed.map { ", proposed \($0)" } ?? ""),
            "",
        ]
        lines += PaymentAnswer.sentences(contract, report: report).map { "• " + $0.replacingOccurrences(of: "**", with: "") }
        if let change = PaymentAnswer.change(contract) { lines.append("• " + change) }
        lines += ["", "Commissioner's payment by financial year (mean, 90% interval):", cashGrid(contract).text, "", "Each party, £ a year:", partyGrid(contract).text]
        let triggers = contract.models.flatMap { model in model.triggers.map { (model.model, $0) } }
        if !triggers.isEmpty {
            lines += ["", "Caps, floors, thresholds and outcome payments:"]
            lines += triggers.map { model, trigger in
                "  \(model): \(trigger.name) in \(Formatting.grouped(trigger.shareOfDraws * 100))% of draws, \(Formatting.grouped(trigger.shareOfYears * 100))% of years"
            }
        }
        return lines.joined(separator: "\n")
    }

    static func cashGrid(_ contract: ContractResult) -> TextGrid {
        var grid = TextGrid(header: ["year", "budget line"] + contract.models.map(\.model), alignments: [.left] + Array(repeating: .right, count: contract.models.count + 1))
        for (t, budget) in contract.budgetByYear.enumerated() {
            grid.append([budget.year, Formatting.millions(budget.mean)] + contract.models.map { model in
                let cash = model.cashByYear[t]
                return "\(Formatting.millions(cash.mean)) (\(Formatting.millions(cash.p5))–\(Formatting.millions(cash.p95)))"
            })
        }
        return grid
    }

    static func partyGrid(_ contract: ContractResult) -> TextGrid {
        var grid = TextGrid(
            header: ["model", "party", "income", "cost", "margin (90% interval)", "worst margin", "E[overspend]", "P95 overspend", "outturn share", "prevention Δmargin"],
            alignments: [.left, .left] + Array(repeating: .right, count: 8))
        for model in contract.models {
            for party in model.parties {
                grid.append([
                    model.model, party.name, Formatting.millions(party.income.mean), Formatting.millions(party.cost.mean),
                    "\(Formatting.millions(party.margin.mean, signed: true)) (\(Formatting.millions(party.margin.p5, signed: true)) to \(Formatting.millions(party.margin.p95, signed: true)))",
                    Formatting.millions(party.margin.worst, signed: true), Formatting.millions(party.expectedOverspend), Formatting.millions(party.p95Overspend),
                    party.outturnVarianceShare.map { Formatting.grouped($0 * 100) + "%" } ?? "–",
                    Formatting.millions(party.preventionMarginChange.mean, decimals: 3, signed: true),
                ])
            }
        }
        return grid
    }
}
