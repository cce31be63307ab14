import ScenarioModel
import Yams

extension ScenarioParser {
    /// Longest name of a scenario, need, service, intervention or option: names become folder
    /// names, file columns and table headers (a 255-character name once failed at run time).
    static let maximumNameLength = 64

    /// Checks that need the whole file read: what `phm run` would otherwise fail on.
    func checkRunnable(nameNode: NodeReader.Entry?, cohortsNode: NodeReader.Entry?, equity: Scenario.Equity?, named entries: [NodeReader.Entry]) {
        if let nameNode, let name = nameNode.value.string, name.count > Self.maximumNameLength {
            diagnostics.error(at: nameNode.value, nameNode.path, "the name has \(name.count) characters; at most \(Self.maximumNameLength) (it names the results folder)")
        }
        for entry in entries where entry.key.count > Self.maximumNameLength {
            diagnostics.error(at: entry.keyNode, entry.path, "the name has \(entry.key.count) characters; at most \(Self.maximumNameLength)")
        }
        // Population checks only on a file otherwise clean: a cohort row that failed is missing.
        guard diagnostics.isEmpty else { return }
        if let cohortsNode, !cohorts.isEmpty, cohorts.allSatisfy({ $0.population.distribution.mean == 0 }) {
            diagnostics.error(at: cohortsNode.value, cohortsNode.path, "every cohort has population 0; at least one cohort needs people")
        } else if let cohortsNode, let equity, !cohorts.isEmpty, equity.dimension < dimensions.count {
            // Equity measures divide by each group's population (MODEL.md §4).
            let levels = dimensions[equity.dimension].levels
            for (g, level) in levels.enumerated() {
                let people = cohorts.filter { $0.levels.count > equity.dimension && $0.levels[equity.dimension] == g }.map(\.population.distribution.mean).reduce(0, +)
                if people <= 0 {
                    diagnostics.error(at: cohortsNode.value, cohortsNode.path, "equity group `\(level)` (dimension `\(dimensions[equity.dimension].name)`) has no people; every group needs a population for the equity measures")
                    break
                }
            }
        }
    }
}
