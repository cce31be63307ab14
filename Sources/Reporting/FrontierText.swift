import Allocation

/// The table `phm frontier` prints and its `frontier.csv`: the answer in words first
/// (``FrontierWords``), then the points in days per person, then the technical appendix.
public enum FrontierText {
    public static func text(_ frontier: EquityFrontier, scenario: String, groups: [String], baselineHealth: Bool) -> String {
        let words = FrontierWords(frontier, groups: groups, baselineHealth: baselineHealth)
        var lines = ["\(scenario): what closing the health gap between \(words.first) and \(words.last) costs", ""]
        lines += words.paragraphs.map { $0.replacingOccurrences(of: "**", with: "") }
        lines.append("")
        lines.append(TextGrid(FrontierDocument.table(frontier, words: words)).text)
        lines.append("")
        lines.append("Technical appendix:")
        lines += words.technical
        return lines.joined(separator: "\n")
    }

    /// gap_limit, gap, total_health, atkinson_e1, shadow_price (QALYs per unit of gap),
    /// price_per_day (QALYs per day of gap closed), steep, then one column per line (£ a year).
    public static func csv(_ frontier: EquityFrontier) -> String {
        var csv = CSVText(header: ["gap_limit", "gap", "total_health", "atkinson_e1", "shadow_price", "price_per_day", "steep"] + frontier.lines)
        for point in frontier.points {
            csv.append([.number(point.gapLimit), .number(point.gap), .number(point.totalHealth), .number(point.atkinson),
                        .number(point.shadowPrice), .number(point.shadowPrice / FrontierReading.daysPerYear),
                        .integer(point.steep ? 1 : 0)] + point.allocation.map(CSVField.number))
        }
        return csv.text
    }
}

/// What `phm frontier --json` prints: the frontier as swept, the units of its numbers, and its
/// plain reading (``FrontierReading``: days closed, price per day and per 1% of the gap, and the
/// degenerate cases by name).
public struct FrontierReport: Encodable {
    let lines: [String]
    let unconstrainedGap: Double
    let smallestGap: Double
    let points: [EquityFrontier.Point]
    let units: [String: String]
    let reading: FrontierReading

    public init(_ frontier: EquityFrontier, baselineHealth: Bool) {
        lines = frontier.lines
        unconstrainedGap = frontier.unconstrainedGap
        smallestGap = frontier.smallestGap
        points = frontier.points
        reading = FrontierReading(frontier)
        let gap = baselineHealth ? "years of quality-adjusted life expectancy per person" : "QALYs per person"
        units = [
            "gap": gap, "group_health": gap, "total_health": "QALYs of total net health against today's allocation, discounted",
            "shadow_price": "QALYs of total net health forgone per unit of gap (\(gap)) closed",
            "price_per_day": "QALYs of total net health forgone per day of gap closed: shadow_price ÷ 365.25 (low, high over the binding points)",
            "price_per_percent": "QALYs of total net health forgone per 1% of the open gap closed (low, high)",
            "days_closed": "days per person by which the gap closes from the first point to the last",
        ]
    }
}
