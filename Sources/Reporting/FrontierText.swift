import Allocation

/// The table `phm frontier` prints and its `frontier.csv`.
public enum FrontierText {
    public static func text(_ frontier: EquityFrontier, scenario: String, groups: [String]) -> String {
        let first = groups.first ?? "", last = groups.last ?? ""
        // Gaps move by small amounts per person: show enough decimals to tell the points apart.
        func gap(_ value: Double) -> String { FrontierDocument.gap(value, frontier) }
        var lines = [
            "\(scenario): equity–efficiency frontier, gap = h(\(last)) − h(\(first)) from \(gap(frontier.unconstrainedGap)) (total-health optimum) to \(gap(frontier.smallestGap)) (smallest reachable)",
            "",
        ]
        var grid = TextGrid(header: ["gap limit", "total net health (QALYs)", "Atkinson ε=1", "QALYs forgone per unit of gap closed", ""],
                            alignments: [.right, .right, .right, .right, .left])
        for point in frontier.points {
            grid.append([gap(point.gapLimit), Formatting.signed(point.totalHealth, decimals: 1),
                         String(format: "%.9f", point.atkinson), number(point.shadowPrice),
                         point.steep ? "◀ price of equity more than doubles" : ""])
        }
        lines.append(grid.text)
        lines.append("")
        if frontier.points.count == 1 {
            lines.append("No trade-off: the allocation that maximises total health already has the smallest gap these constraints allow, so closing the gap further would need other lines, wider bounds or more money.")
            lines.append("")
        }
        lines.append("note: \(OptimiseReport.additivityNote)")
        return lines.joined(separator: "\n")
    }

    public static func number(_ value: Double) -> String {
        Formatting.grouped(value, decimals: Formatting.decimals(forMagnitude: value))
    }

    /// gap_limit, gap, total_health, atkinson_e1, shadow_price, steep, then one column per line (£ a year).
    public static func csv(_ frontier: EquityFrontier) -> String {
        var csv = CSVText(header: ["gap_limit", "gap", "total_health", "atkinson_e1", "shadow_price", "steep"] + frontier.lines)
        for point in frontier.points {
            csv.append([.number(point.gapLimit), .number(point.gap), .number(point.totalHealth), .number(point.atkinson),
                        .number(point.shadowPrice), .integer(point.steep ? 1 : 0)] + point.allocation.map(CSVField.number))
        }
        return csv.text
    }
}
