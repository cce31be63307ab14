import ScenarioModel
import Yams

extension ScenarioParser {
    /// Reads `needs.NAME`.
    func readNeed(_ entry: NodeReader.Entry) -> Need? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.need) else { return nil }
        let p = entry.path
        let prevalence = keys["prevalence"].flatMap { cohortValue($0.value, $0.path, .share) }
        let exitRate = quantity(keys, "exit_rate", p, default: 0, .share)
        var incidence: CohortValue?
        var incidenceFailed = false
        if let node = keys["incidence"], !NodeReader.isNull(node.value) {
            incidence = cohortValue(node.value, node.path, .share)
            incidenceFailed = incidence == nil
        }
        let utilityLoss = quantity(keys, "utility_loss", p, default: 0, .nonNegative)
        let excessDeaths = cohortQuantity(keys, "excess_deaths", p, default: 0, .yearlyRate)
        // A need cannot progress into itself (people would leave and rejoin the same stock).
        let progression = namedQuantities(
            keys["progression"], kind: "need", names: needNames, .yearlyRate, allowed: needNames.filter { $0 != entry.key })
        let use = namedQuantities(keys["use"], kind: "service", names: serviceNames, .nonNegative)
        guard let prevalence, let exitRate, !incidenceFailed, let utilityLoss, let excessDeaths, let progression,
              let use else { return nil }
        return Need(
            name: entry.key, prevalence: prevalence, exitRate: exitRate, incidence: incidence,
            utilityLoss: utilityLoss, excessDeaths: excessDeaths, progression: progression, use: use)
    }


    /// Reads `services.NAME`.
    func readService(_ entry: NodeReader.Entry) -> Service? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.service) else { return nil }
        let p = entry.path
        let unitCost = keys["unit_cost"].flatMap { parameter($0.value, $0.path, .positive) }
        let budget = keys["budget"].flatMap { yearly($0.value, $0.path, .nonNegative) }
        let baseRate = cohortQuantity(keys, "base_rate", p, default: 0, .nonNegative)
        let access = cohortQuantity(keys, "access", p, default: 1, .share)
        let elasticity = quantity(keys, "supply_elasticity", p, default: 0, .any)
        let carryover = quantity(keys, "carryover", p, default: 0, .share)
        let qalyLoss = quantity(keys, "qaly_loss_per_unmet", p, default: 0, .any)
        let deaths = quantity(keys, "deaths_per_unmet", p, default: 0, .nonNegative)
        guard let unitCost, let budget, let baseRate, let access, let elasticity, let carryover, let qalyLoss, let deaths else { return nil }
        return Service(
            name: entry.key, unitCost: unitCost, budget: budget, baseRate: baseRate, access: access,
            supplyElasticity: elasticity, carryover: carryover, qalyLossPerUnmet: qalyLoss, deathsPerUnmet: deaths)
    }

    /// Reads `interventions.NAME`.
    func readIntervention(_ entry: NodeReader.Entry) -> Intervention? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.intervention) else { return nil }
        let p = entry.path
        // For optional keys, `map` gives T??: absent → the default, given but unusable → nil.
        let targets = keys["targets"].map(readTargets) ?? [:]
        let eligible = keys["eligible"].map(readEligibility) ?? .population
        let costPerParticipant = keys["cost_per_participant"].flatMap { parameter($0.value, $0.path, .nonNegative) }
        let fixedCost = quantity(keys, "fixed_cost", p, default: 0, .nonNegative)
        let uptake = cohortQuantity(keys, "uptake", p, default: 1, .share)
        let budget = keys["budget"].flatMap { yearly($0.value, $0.path, .nonNegative) }
        let lag = keys["lag"].map { reader.integer($0.value, $0.path, in: 0...100) } ?? 0
        let ramp = keys["ramp"].map { reader.integer($0.value, $0.path, in: 0...100) } ?? 0
        let effects = readEffects(keys["effects"], path: p + ".effects")
        guard let targets, let eligible, let costPerParticipant, let fixedCost, let uptake, let budget,
              let lag, let ramp, let effects else { return nil }
        return Intervention(
            name: entry.key, targets: targets, eligible: eligible, costPerParticipant: costPerParticipant,
            fixedCost: fixedCost, uptake: uptake, budget: budget, lag: lag, ramp: ramp, effects: effects)
    }

    func readTargets(_ entry: NodeReader.Entry) -> [Int: Set<Int>]? {
        guard let perDimension = reader.entries(entry.value, entry.path, expected: "a mapping {DIMENSION: [LEVEL, …]}") else { return nil }
        var targets: [Int: Set<Int>] = [:]
        var failed = false
        for dimensionEntry in perDimension {
            guard let d = dimensionIndex(dimensionEntry.key) else {
                unknown("dimension", dimensionEntry.key, among: dimensions.map(\.name), at: dimensionEntry.keyNode, dimensionEntry.path)
                failed = true
                continue
            }
            guard let items = reader.sequence(dimensionEntry.value, dimensionEntry.path, expected: "a list of levels") else { failed = true; continue }
            var levels = Set<Int>()
            for (i, item) in items.enumerated() {
                let itemPath = "\(dimensionEntry.path).\(i)"
                guard let name = reader.string(item, itemPath, what: "a level name") else { failed = true; continue }
                guard let l = lookup("level of `\(dimensions[d].name)`", name, in: dimensions[d].levels, at: item, itemPath) else { failed = true; continue }
                levels.insert(l)
            }
            targets[d] = levels
        }
        return failed ? nil : targets
    }

    private func readEligibility(_ entry: NodeReader.Entry) -> Intervention.Eligibility? {
        guard let text = reader.string(entry.value, entry.path, what: "`population` or `need:NAME`") else { return nil }
        if text == "population" { return .population }
        if text.hasPrefix("need:") {
            let name = String(text.dropFirst("need:".count))
            return lookup("need", name, in: needNames, at: entry.value, entry.path).map(Intervention.Eligibility.need)
        }
        let hint = text == "populaton" || text.hasPrefix("pop") ? " (did you mean `population`?)" : ""
        diagnostics.error(at: entry.value, entry.path, "expected `population` or `need:NAME`, found `\(text)`\(hint)")
        return nil
    }

    private func readEffects(_ entry: NodeReader.Entry?, path: String) -> Intervention.Effects? {
        let zero = Parameter.fixed(0, at: path + ".qaly_per_participant")
        guard let entry else { return .init(incidence: [:], demand: [:], access: [:], qalyPerParticipant: zero) }
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.effects) else { return nil }
        let incidence = namedQuantities(keys["incidence"], kind: "need", names: needNames, .share)
        let demand = namedQuantities(keys["demand"], kind: "service", names: serviceNames, .nonNegative)
        let access = namedQuantities(keys["access"], kind: "service", names: serviceNames, .share)
        let mortality = namedQuantities(keys["mortality"], kind: "need", names: needNames, .share)
        let progression = namedQuantities(keys["progression"], kind: "need", names: needNames, .share)
        let qaly = quantity(keys, "qaly_per_participant", path, default: 0, .any)
        guard let incidence, let demand, let access, let mortality, let progression, let qaly else { return nil }
        return .init(
            incidence: incidence, demand: demand, access: access, mortality: mortality, progression: progression,
            qalyPerParticipant: qaly)
    }

    // MARK: Helpers for optional keys with defaults

    /// An optional quantity, or its default as a fixed parameter at the key's path.
    /// Returns nil only when the key was given and is unusable (already reported).
    func quantity(_ keys: [String: NodeReader.Entry], _ key: String, _ path: String, default value: Double, _ range: ValueRange) -> Parameter? {
        guard let entry = keys[key] else { return .fixed(value, at: NodeReader.join(path, key)) }
        return parameter(entry.value, entry.path, range)
    }

    /// An optional cohort-varying value, or its default; nil only when given and unusable.
    func cohortQuantity(_ keys: [String: NodeReader.Entry], _ key: String, _ path: String, default value: Double, _ range: ValueRange) -> CohortValue? {
        guard let entry = keys[key] else { return .uniform(.fixed(value, at: NodeReader.join(path, key))) }
        return cohortValue(entry.value, entry.path, range)
    }

    /// A mapping from need or service names to quantities (`use`, effects); nil when unusable.
    /// `allowed` narrows the names that may appear (default: all of `names`); a name outside it
    /// is reported with the closest allowed one.
    func namedQuantities(_ entry: NodeReader.Entry?, kind: String, names: [String], _ range: ValueRange, allowed: [String]? = nil) -> [Int: Parameter]? {
        guard let entry else { return [:] }
        guard let items = reader.entries(entry.value, entry.path, expected: "a mapping {\(kind.uppercased()): value}") else { return nil }
        var result: [Int: Parameter] = [:]
        var failed = false
        let allowed = allowed ?? names
        for item in items {
            guard allowed.contains(item.key), let index = names.firstIndex(of: item.key) else {
                if names.contains(item.key) {
                    let others = allowed.isEmpty ? "the scenario has no other need" : "known: \(allowed.joined(separator: ", "))"
                    diagnostics.error(at: item.keyNode, item.path, "`\(item.key)` cannot progress into itself; name another need (\(others))")
                } else {
                    unknown(kind, item.key, among: allowed, at: item.keyNode, item.path)
                }
                failed = true
                continue
            }
            if let value = parameter(item.value, item.path, range) { result[index] = value } else { failed = true }
        }
        return failed ? nil : result
    }
}
