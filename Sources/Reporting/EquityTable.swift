import DrawStatistics
import RunAnalysis

/// The tables `phm equity` prints: each option's health by equity group and its inequality
/// indices, read from the same ``RunSummary`` that `phm run` writes to `summary.json`.
public enum EquityTable {
    /// Health by group for one option: population, share, final health h_g with its interval.
    public static func groupsText(_ summary: RunSummary, option: OptionSummary, dimension: String) -> String {
        let total = option.groups.reduce(0) { $0 + $1.population }
        let decimals = Formatting.decimals(forMagnitude: option.groups.map(\.health.mean).max() ?? 1) + 1
        var grid = TextGrid(header: [dimension, "population", "share", "health (95% interval)"],
                            alignments: [.left, .right, .right, .right])
        for group in option.groups {
            grid.append([
                group.name, Formatting.grouped(group.population),
                Formatting.grouped(total > 0 ? group.population / total : 0, decimals: 3),
                value(group.health, decimals: decimals),
            ])
        }
        return grid.text
    }

    /// Every inequality index of one option, one per row, with its 95% interval over draws.
    public static func indicesText(_ option: OptionSummary) -> String {
        var grid = TextGrid(header: ["index", "value (95% interval)", "meaning"], alignments: [.left, .right, .left])
        func add(_ name: String, _ value: Interval?, _ meaning: String) {
            guard let value else { return }
            let decimals = Formatting.decimals(forMagnitude: value.mean) + 1
            grid.append([name, Self.value(value, decimals: min(decimals, 6)), meaning])
        }
        let equity = option.equity
        add("gap", equity.gap, "least minus most deprived group")
        add("relative gap", equity.relativeGap, "least ÷ most deprived group")
        add("slope index (SII)", equity.sii, "least vs most deprived, on the ridit scale")
        add("relative index (RII)", equity.rii, "SII ÷ mean")
        add("concentration index", equity.concentration, "> 0: health concentrated among the less deprived")
        for key in equity.atkinson.keys.sorted(by: numericOrder) {
            add("Atkinson ε = \(key)", equity.atkinson[key], "share of mean health society would give up for equality")
        }
        for key in equity.ede.keys.sorted(by: numericOrder) {
            add("EDE ε = \(key == "inf" ? "∞" : key)", equity.ede[key], key == "inf" ? "worst-off group's health" : "equally distributed equivalent health")
        }
        for key in equity.kolm.keys.sorted(by: numericOrder) {
            add("Kolm α = \(key)", equity.kolm[key], "health per person society would give up for equality")
        }
        for key in equity.kolmEde.keys.sorted(by: numericOrder) {
            add("Kolm EDE α = \(key)", equity.kolmEde[key], "equally distributed equivalent health, absolute aversion")
        }
        return grid.text
    }

    /// Options against their main inequality indices and their change against base.
    public static func optionsText(_ summary: RunSummary) -> String {
        var grid = TextGrid(
            header: ["option", "gap", "Δgap", "SII", "ΔSII", "concentration", "Atkinson ε=1", "EDE ε=1", "ΔEDE×pop ε=1", "ΔEDE×pop α=0.5", "P(win–win)"],
            alignments: [.left] + Array(repeating: .right, count: 10))
        for option in summary.options {
            let e = option.equity
            grid.append([
                option.name,
                Formatting.grouped(e.gap.mean, decimals: 4),
                e.gapChange.map { Formatting.signed($0.mean, decimals: 4) } ?? "–",
                Formatting.grouped(e.sii.mean, decimals: 4),
                e.siiChange.map { Formatting.signed($0.mean, decimals: 4) } ?? "–",
                Formatting.grouped(e.concentration.mean, decimals: 6),
                e.atkinson["1"].map { Formatting.grouped($0.mean, decimals: 6) } ?? "–",
                e.ede["1"].map { Formatting.grouped($0.mean, decimals: 4) } ?? "–",
                e.edeChangeTimesPopulation?["1"].map { Formatting.signed($0.mean) } ?? "–",
                e.kolmEdeChangeTimesPopulation?["0.5"].map { Formatting.signed($0.mean) } ?? "–",
                e.impactPlane.map { Formatting.grouped($0.winWin, decimals: 2) } ?? "–",
            ])
        }
        return grid.text
    }

    /// Notes under ``optionsText(_:)``: what the welfare columns mean.
    public static let optionsNote = "ΔEDE×pop: change in equally distributed equivalent health against base times the population, QALYs (equity-weighted health gain): at Atkinson ε = 1 (relative aversion) and Kolm α = 0.5 (absolute aversion, per year of health)."

    /// "Which option at which Kolm aversion α" and where the choice flips, as ``BoardTable/epsilonText(_:)`` for ε.
    public static func alphaText(_ summary: RunSummary) -> String {
        let switches = summary.kolmAversionSwitches.map {
            "An absolute inequality aversion above α = \(Formatting.grouped($0.alpha, decimals: 3)) favours \($0.to) over \($0.from)."
        }
        let rows = summary.rankByAlpha.map { [$0.alpha, $0.order.first ?? "", $0.order.joined(separator: " > ")] }
        var grid = TextGrid(header: ["absolute aversion α", "best", "ranking (best first)"], alignments: [.left, .left, .left])
        rows.forEach { grid.append($0) }
        return (["Ranking by Kolm social welfare (absolute: a year of health counts more for a group years behind):", "", grid.text, ""]
                + (switches.isEmpty ? ["The best option does not change with absolute inequality aversion between 0 and 100."] : switches))
            .joined(separator: "\n")
    }

    /// The mean with its interval, or the mean alone when the interval is a point (one draw or
    /// a value without uncertainty).
    static func value(_ interval: Interval, decimals: Int) -> String {
        interval.low == interval.high
            ? Formatting.grouped(interval.mean, decimals: decimals)
            : Formatting.interval(interval.mean, interval.low, interval.high, decimals: decimals, signed: false)
    }

    private static func numericOrder(_ a: String, _ b: String) -> Bool {
        (Double(a) ?? .infinity) < (Double(b) ?? .infinity)
    }
}
