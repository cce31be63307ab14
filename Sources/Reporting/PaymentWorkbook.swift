import PaymentModels
import Spreadsheet

/// The sheets of payments.xlsx: the answer in words, then one sheet per table of the results
/// folder (the same numbers as payments.json, at full precision, shown in £ and % formats),
/// then notes with definitions and how to replay the run.
public enum PaymentWorkbook {
    public static func sheets(_ report: PaymentReport, manifest: RunManifest) -> [SheetTable] {
        [summary(report), paymentsByYear(report), parties(report), triggers(report), draws(report), notes(report, manifest: manifest)]
    }

    static func summary(_ report: PaymentReport) -> SheetTable {
        var rows: [[Cell]] = [[.text("\(report.scenario), option \(report.option): nominal £ a year, \(report.years.first ?? "") to \(report.years.last ?? "")")]]
        for contract in report.contracts {
            rows.append([.text("Contract \(contract.name): \(contract.provider); today's model \(contract.current)" + (contract.proposed.map { ", proposed \($0)" } ?? ""))])
            for sentence in PaymentAnswer.sentences(contract, report: report) { rows.append([.text(sentence.replacingOccurrences(of: "**", with: ""))]) }
            if let change = PaymentAnswer.change(contract) { rows.append([.text(change)]) }
        }
        return SheetTable(name: "Summary", columns: [.init("Answer", width: 120)], rows: rows)
    }

    static func paymentsByYear(_ report: PaymentReport) -> SheetTable {
        var table = SheetTable(name: "Payments by year", columns: [
            .init("contract"), .init("model"), .init("financial year"),
            .init("payment mean", .pounds, width: 16), .init("payment P5", .pounds, width: 16), .init("payment P95", .pounds, width: 16),
            .init("payment worst", .pounds, width: 16), .init("budget line", .pounds, width: 16), .init("provider cost", .pounds, width: 16),
            .init("outturn (activity at price)", .pounds, width: 18),
        ])
        for contract in report.contracts {
            for model in contract.models {
                for (t, cash) in model.cashByYear.enumerated() {
                    table.rows.append([
                        .text(contract.name), .text(model.model), .text(cash.year),
                        .number(cash.mean), .number(cash.p5), .number(cash.p95), .number(cash.worst),
                        .number(contract.budgetByYear[t].mean), .number(contract.costByYear[t].mean), .number(contract.outturnByYear[t].mean),
                    ])
                }
            }
        }
        return table
    }

    static func parties(_ report: PaymentReport) -> SheetTable {
        var table = SheetTable(name: "P&L by party", columns: [
            .init("contract"), .init("model"), .init("party"), .init("role"),
            .init("income", .pounds, width: 15), .init("cost", .pounds, width: 15), .init("margin", .pounds, width: 15),
            .init("margin P5", .pounds, width: 15), .init("margin P95", .pounds, width: 15), .init("margin worst", .pounds, width: 15),
            .init("P(loss)", .percent), .init("expected overspend", .pounds, width: 15), .init("P95 overspend", .pounds, width: 15),
            .init("share of outturn variance", .percent, width: 12),
            .init("prevention Δmargin", .pounds, width: 15), .init("prevention P5", .pounds, width: 15), .init("prevention P95", .pounds, width: 15),
            .init("change from today's model", .pounds, width: 15), .init("change P5", .pounds, width: 15), .init("change P95", .pounds, width: 15),
            .init("margin, present value", .pounds, width: 17),
        ])
        for contract in report.contracts {
            for model in contract.models {
                for (p, party) in model.parties.enumerated() {
                    let change = model.changeFromCurrent.isEmpty ? nil : model.changeFromCurrent[p].change
                    table.rows.append([
                        .text(contract.name), .text(model.model), .text(party.name), .text(party.role.rawValue),
                        .number(party.income.mean), .number(party.cost.mean), .number(party.margin.mean),
                        .number(party.margin.p5), .number(party.margin.p95), .number(party.margin.worst),
                        .number(party.pLoss), .number(party.expectedOverspend), .number(party.p95Overspend),
                        party.outturnVarianceShare.map(Cell.number) ?? .empty,
                        .number(party.preventionMarginChange.mean), .number(party.preventionMarginChange.p5), .number(party.preventionMarginChange.p95),
                        change.map { .number($0.mean) } ?? .empty, change.map { .number($0.p5) } ?? .empty, change.map { .number($0.p95) } ?? .empty,
                        .number(party.marginPresentValue.mean),
                    ])
                }
            }
        }
        return table
    }

    static func triggers(_ report: PaymentReport) -> SheetTable {
        var table = SheetTable(name: "Caps triggered", columns: [
            .init("contract"), .init("model"), .init("trigger"), .init("kind"),
            .init("share of draws", .percent, width: 12), .init("share of years", .percent, width: 12), .init("definition", width: 80),
        ])
        for contract in report.contracts {
            for model in contract.models {
                for trigger in model.triggers {
                    table.rows.append([
                        .text(contract.name), .text(model.model), .text(trigger.name), .text(trigger.kind.rawValue),
                        .number(trigger.shareOfDraws), .number(trigger.shareOfYears), .text(trigger.definition),
                    ])
                }
            }
        }
        return table
    }

    /// Each draw's payment and party margins: one row per contract, model and draw, one margin
    /// column per party position (the parties of the report's widest contract).
    static func draws(_ report: PaymentReport) -> SheetTable {
        let widest = report.contracts.map { $0.models[0].parties.count }.max() ?? 0
        var table = SheetTable(name: "Draws", columns: [.init("contract"), .init("model"), .init("draw", .decimal(0)), .init("payment", .pounds, width: 16)]
                               + (0..<widest).map { SheetTable.Column(PaymentFiles.partyColumn($0), .pounds, width: 16) })
        for contract in report.contracts {
            for draw in contract.draws {
                table.rows.append([.text(contract.name), .text(draw.model), .number(Double(draw.draw)), .number(draw.payment)] + draw.margins.map(Cell.number))
            }
        }
        return table
    }

    static func notes(_ report: PaymentReport, manifest: RunManifest) -> SheetTable {
        let worst = Formatting.grouped(report.worstShare * 100, decimals: report.worstShare * 100 < 1 ? 1 : 0)
        let rows: [[Cell]] = [
            ["scenario", .text(manifest.scenario)], ["scenario file", .text(manifest.scenarioFile)],
            ["scenario hash", .text(manifest.scenarioHash)], ["seed", .number(Double(manifest.seed))],
            ["draws", .number(Double(manifest.draws))], ["deterministic", .text(manifest.deterministic ? "yes" : "no")],
            ["option", .text(report.option)], ["first financial year", .text(report.years.first ?? "")],
            ["phm version", .text(manifest.toolVersion)], ["command", .text(manifest.command.joined(separator: " "))],
            ["Draws sheet", "Margin columns are the parties in the order of the P&L sheet: commissioner, provider (or alliance), then each member."],
            ["£ a year", "Nominal (undiscounted) £: each figure is the mean over the horizon's financial years (April to March) of that year's amount, then summarised over draws."],
            ["P5, P95", "5th and 95th percentiles over Monte Carlo draws (a 90% interval)."],
            ["worst", .text("The value only \(worst)% of draws fall beyond on the side that hurts: the high tail of a payment or cost, the low tail of an income or margin.")],
            ["outturn", "The contract's activity at its prices, Σ price × activity: what every payment model is measured against."],
            ["margin", "Income − cost. For the commissioner: budget line − payment (positive = underspend)."],
            ["expected overspend", "Mean over draws of the yearly average of max(0, cost − income): the overspend the party bears."],
            ["share of outturn variance", "Cov(party's part of outturn, outturn) / Var(outturn): the commissioner's part is the payment, the provider's the outturn it is not paid, a member's its own activity at price less its income. Commissioner and provider add up to 100%."],
            ["prevention Δmargin", .text("Change in the party's margin (£ a year) when prevention removes \(Formatting.grouped(report.preventionReduction * 100))% of the contract's demand, on the same draws.")],
            ["present value", .text("Secondary figure: discounted at \(Formatting.grouped(report.discountRate * 100, decimals: 1))% a year to the first year and summed over the horizon.")],
        ]
        return SheetTable(name: "Notes", columns: [.init("item", width: 26), .init("value or definition", width: 110)], rows: rows)
    }
}
