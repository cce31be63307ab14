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
