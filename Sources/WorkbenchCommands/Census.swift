import Foundation
import Reporting
import ScenarioModel

/// A one-line count of what a scenario holds: "20 cohorts, 1,512,340 people, 5 needs, …".
struct Census: CustomStringConvertible {
    let scenario: Scenario

    init(_ scenario: Scenario) {
        self.scenario = scenario
    }

    var description: String {
        let people = scenario.cohorts.reduce(0) { $0 + $1.population.distribution.mean }
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var parts = [
            count(scenario.cohorts.count, "cohort"),
            "\(Formatting.grouped(people)) people",
            count(scenario.needs.count, "need"),
            count(scenario.services.count, "service"),
            count(scenario.interventions.count, "intervention"),
            count(scenario.options.count, "option"),
        ]
        if !scenario.contracts.isEmpty { parts.append(count(scenario.contracts.count, "contract")) }
        return parts.joined(separator: ", ")
    }
}
