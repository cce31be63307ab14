import DrawStatistics
import RunAnalysis

/// `summary.csv`: the summary in long form, one row per option × metric × group × statistic,
/// so spreadsheets and R/pandas can pivot it. Group is `all` for whole-population figures.
enum SummaryCSV {
    static let header = ["option", "metric", "group", "statistic", "value"]

    static func text(_ summary: RunSummary) -> String {
        var csv = CSVText(header: header)
        for row in rows(summary) {
            csv.append([.text(row.option), .text(row.metric), .text(row.group), .text(row.statistic), row.text.map(CSVField.text) ?? .number(row.value)])
        }
        return csv.text
    }

    /// One row of the long form: a number, or a word where the metric is one (`frontier_status`,
    /// `icer_comparator`; then `value` is NaN and never written).
    struct Row {
        let option: String, metric: String, group: String, statistic: String
        let value: Double
        var text: String? = nil
    }

    /// The rows of summary.csv, also the "Summary" sheet of results.xlsx.
    static func rows(_ summary: RunSummary) -> [Row] {
        var rows: [Row] = []
        func add(_ option: String, _ metric: String, _ group: String, _ interval: Interval?) {
            guard let interval else { return }
            for (statistic, value) in [("mean", interval.mean), ("low", interval.low), ("high", interval.high)] {
                rows.append(Row(option: option, metric: metric, group: group, statistic: statistic, value: value))
            }
        }
        func add(_ option: String, _ metric: String, _ value: Double?) {
            guard let value else { return }
            rows.append(Row(option: option, metric: metric, group: "all", statistic: "value", value: value))
        }
        for option in summary.options {
            let name = option.name
            add(name, "qalys", "all", option.qalys)
            add(name, "cost", "all", option.cost)
            add(name, "qalys_after_horizon", "all", option.qalysAfterHorizon)
            add(name, "deaths", "all", option.deaths)
            add(name, "life_years", "all", option.lifeYears)
            for group in option.groups {
                add(name, "population", group.name, Interval(mean: group.population, low: group.population, high: group.population))
                add(name, "qalys", group.name, group.qalys)
                add(name, "deaths", group.name, group.deaths)
                add(name, "life_years", group.name, group.lifeYears)
                add(name, "incremental_deaths", group.name, group.incrementalDeaths)
                add(name, "incremental_life_years", group.name, group.incrementalLifeYears)
                add(name, "health", group.name, group.health)
                add(name, "net_gain", group.name, group.netGain)
            }
            for service in option.services {
                add(name, "activity", service.name, service.activity)
                add(name, "unmet", service.name, service.unmet)
            }
            if let increment = option.incremental {
                add(name, "incremental_qalys", "all", increment.qalys)
                add(name, "incremental_cost", "all", increment.cost)
                add(name, "incremental_deaths", "all", increment.deaths)
                add(name, "incremental_life_years", "all", increment.lifeYears)
                add(name, "net_health_change", "all", increment.netHealth)
            }
            if let harms = option.harms {
                // The harm warning's numbers (RunAnalysis `Harms`); the group is the service for unmet demand.
                add(name, "incremental_unmet", "all", harms.unmet)
                for service in harms.services { add(name, "incremental_unmet", service.name, service.change) }
                func share(_ metric: String, _ group: String, _ value: Double) {
                    rows.append(Row(option: name, metric: metric, group: group, statistic: "value", value: value))
                }
                share("probability_more_deaths", "all", harms.probabilityMoreDeaths)
                for group in harms.groups { share("probability_more_deaths", group.name, group.probabilityMore) }
                share("probability_more_unmet", "all", harms.probabilityMoreUnmet)
                for service in harms.services { share("probability_more_unmet", service.name, service.probabilityMore) }
                share("harm_warning", "all", harms.warns ? 1 : 0)
            }
            add(name, "nmb", "all", option.economics.nmb)
            add(name, "nhb", "all", option.economics.nhb)
            add(name, "icer", option.economics.icer)
            rows.append(Row(option: name, metric: "frontier_status", group: "all", statistic: "value", value: .nan, text: option.economics.frontierStatus))
            if let comparator = option.economics.icerComparator {
                rows.append(Row(option: name, metric: "icer_comparator", group: "all", statistic: "value", value: .nan, text: comparator))
            }
            add(name, "probability_cost_effective_vs_base", option.economics.probabilityCostEffectiveVersusBase)
            add(name, "probability_best_value", option.economics.probabilityBestValue)
            add(name, "evpi_population", option.economics.evpi.population)
            add(name, "evpi_per_person", option.economics.evpi.perPerson)
            let equity = option.equity
            add(name, "gap", "all", equity.gap)
            add(name, "relative_gap", "all", equity.relativeGap)
            add(name, "sii", "all", equity.sii)
            add(name, "rii", "all", equity.rii)
            add(name, "concentration", "all", equity.concentration)
            add(name, "gap_change", "all", equity.gapChange)
            add(name, "sii_change", "all", equity.siiChange)
            for key in equity.atkinson.keys.sorted() { add(name, "atkinson_\(key)", "all", equity.atkinson[key]) }
            for key in equity.ede.keys.sorted() { add(name, "ede_\(key)", "all", equity.ede[key]) }
            for key in equity.kolm.keys.sorted() { add(name, "kolm_\(key)", "all", equity.kolm[key]) }
            for key in equity.rankByEpsilon.keys.sorted() { add(name, "rank_epsilon_\(key)", Double(equity.rankByEpsilon[key]!)) }
        }
        return rows
    }
}
