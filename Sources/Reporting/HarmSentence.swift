import DrawStatistics
import RunAnalysis

/// The warning a board must read before an option's gains, when ``Harms/warns``: "Warning:
/// upstream-2pc gains health overall but 42 more people die (95% interval −10 to +146; more
/// deaths in 71% of draws), most of them in the most deprived fifth (Q1), and more demand goes
/// unmet for emergency_admission (+4,700 over 10 years, …)." It states the model's quantities
/// (deaths, unmet demand by service) and no cause; the text is plain, and Markdown and HTML
/// print it in bold (``markdown(_:in:)``).
enum HarmSentence {
    /// The warning, or nil when the option's harms do not warrant one.
    static func text(_ option: OptionSummary, in summary: RunSummary) -> String? {
        guard let harms = option.harms, harms.warns else { return nil }
        var parts: [String] = []
        let draws = summary.draws
        if harms.probabilityMoreDeaths > 0.5 {
            var deaths = "\(count(harms.deaths.mean)) more \(harms.deaths.mean.rounded() == 1 ? "person dies" : "people die")\(detail(harms.deaths, harms.probabilityMoreDeaths, draws: draws, what: "more deaths"))"
            let changes = harms.groups.map(\.change.mean)
            if let whom = OptionSentence.distribution(changes, groups: summary.groups, total: harms.deaths.mean,
                                                         otherWay: ("has fewer deaths", "have fewer deaths")) {
                deaths += ", " + whom
            }
            parts.append(deaths)
        } else {
            let groups = harms.groups.filter { $0.probabilityMore > 0.5 }
            if !groups.isEmpty {
                parts.append("more people die in " + groups.map { "\($0.name) (\(Formatting.signed($0.change.mean, decimals: 1))\(detail($0.change, $0.probabilityMore, draws: draws, what: "more deaths", open: "; ", close: "")))" }.joined(separator: " and "))
            }
        }
        let short = harms.servicesShortLikely
        if !short.isEmpty {
            // The two largest rises by name; the rest counted, so the warning stays one sentence.
            let named = short.prefix(2).map {
                "\($0.name) (\(Formatting.signed($0.change.mean)) over \(summary.horizon) years\(detail($0.change, $0.probabilityMore, draws: draws, what: "more unmet demand", open: "; ", close: "")))"
            }
            let others = short.count - named.count
            parts.append("more demand goes unmet for " + named.joined(separator: " and ")
                         + (others > 0 ? " and \(others) other service\(others == 1 ? "" : "s")" : ""))
        }
        // Groups by name only when a service is already named with its numbers (one sentence).
        let groupsShort = harms.groupsShortLikely
        if !groupsShort.isEmpty {
            let named = groupsShort.prefix(2).map {
                short.isEmpty
                    ? "\($0.name) (\(Formatting.signed($0.change.mean)) over \(summary.horizon) years\(detail($0.change, $0.probabilityMore, draws: draws, what: "more unmet demand", open: "; ", close: "")))"
                    : $0.name
            }
            let others = groupsShort.count - named.count
            parts.append("more demand goes unmet in " + named.joined(separator: " and ")
                         + (others > 0 ? " and \(others) other group\(others == 1 ? "" : "s")" : ""))
        }
        if parts.isEmpty {
            // Only the total across services rises: no single service stands out.
            parts.append("more demand goes unmet across the services (\(Formatting.signed(harms.unmet.mean)) over \(summary.horizon) years\(detail(harms.unmet, harms.probabilityMoreUnmet, draws: draws, what: "more unmet demand", open: "; ", close: "")))")
        }
        return "Warning: \(option.name) gains health overall but \(parts.joined(separator: ", and "))."
    }

    /// The option's text with its warning first: bold for Markdown and HTML (`**…**`).
    static func markdown(_ warning: String) -> String { "**\(warning)**" }

    private static func count(_ value: Double) -> String {
        Formatting.grouped(value, decimals: abs(value) < 10 ? 1 : 0)
    }

    /// " (95% interval −10 to +146; more deaths in 71% of draws)"; nothing for a single draw,
    /// where the interval is one point and the share 0% or 100%.
    private static func detail(_ interval: Interval, _ probability: Double, draws: Int, what: String,
                               open: String = " (", close: String = ")") -> String {
        guard draws > 1 else { return "" }
        let decimals = max(abs(interval.low), abs(interval.high)) < 10 ? 1 : 0
        return "\(open)95% interval \(Formatting.signed(interval.low, decimals: decimals)) to \(Formatting.signed(interval.high, decimals: decimals)); \(what) in \(Formatting.grouped(probability * 100))% of draws\(close)"
    }
}
