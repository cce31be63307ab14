import RunAnalysis

/// "What do we gain, and when?": each option's cumulative discounted QALYs, extra cost and net
/// monetary benefit against base at the end of each year, and the year from which it pays back.
/// Read from the same ``RunDetail`` balances that the report's payback chart draws.
public enum TimelineTable {
    public static func text(_ detail: RunDetail, threshold: Double) -> String {
        var header = ["year"]
        for balance in detail.balances {
            header += ["\(balance.option) ΔQALYs", "Δcost", "NMB"]
        }
        var grid = TextGrid(header: header, alignments: [.right] + Array(repeating: .right, count: header.count - 1))
        for t in 0..<detail.horizon {
            var row = ["\(t)"]
            for balance in detail.balances {
                row += [Formatting.signed(balance.qalys[t], decimals: abs(balance.qalys[t]) < 100 ? 1 : 0),
                        Formatting.money(balance.cost[t], signed: true),
                        Formatting.money(balance.netBenefit[t], signed: true)]
            }
            grid.append(row)
        }
        var lines = [
            "Cumulative against base by the end of each year (means over draws, discounted; QALYs before any opportunity cost):",
            "", grid.text, "",
        ]
        for balance in detail.balances {
            let payback = balance.paybackYear.map { $0 == 0 ? "from the first year" : "from year \($0)" } ?? "not within \(detail.horizon) years"
            lines.append("\(balance.option): net monetary benefit at £\(Formatting.grouped(threshold))/QALY stays positive \(payback).")
        }
        return lines.joined(separator: "\n")
    }
}
