import DrawStatistics
import RunAnalysis

/// `summary.csv`: the summary in long form, one row per option × metric × group × statistic,
/// so spreadsheets and R/pandas can pivot it. Group is `all` for whole-population figures.
enum SummaryCSV {
    static func text(_ summary: RunSummary) -> String {
        var csv = CSVText(header: ["option", "metric", "group", "statistic", "value"])
        func add(_ option: String, _ metric: String, _ group: String, _ interval: Interval?) {
            guard let interval else { return }
            for (statistic, value) in [("mean", interval.mean), ("low", interval.low), ("high", interval.high)] {
                csv.append([.text(option), .text(metric), .text(group), .text(statistic), .number(value)])
            }
        }
        func add(_ option: String, _ metric: String, _ value: Double?) {
            guard let value else { return }
            csv.append([.text(option), .text(metric), "all", "value", .number(value)])
        }
        for option in summary.options {
            let name = option.name
            add(name, "qalys", "all", option.qalys)
            add(name, "cost", "all", option.cost)
            add(name, "deaths", "all", option.deaths)
            for group in option.groups {
                add(name, "population", group.name, Interval(mean: group.population, low: group.population, high: group.population))
                add(name, "qalys", group.name, group.qalys)
                add(name, "deaths", group.name, group.deaths)
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
                add(name, "net_health_change", "all", increment.netHealth)
            }
            add(name, "nmb", "all", option.economics.nmb)
            add(name, "nhb", "all", option.economics.nhb)
            add(name, "icer", option.economics.icer)
            add(name, "probability_cost_effective", option.economics.probabilityCostEffective)
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
        return csv.text
    }
}
