import ScenarioModel
import Yams

extension ScenarioParser {
    /// Reads `contracts`: each names its provider, services, cohorts, cost structure and the
    /// payment models to compare (MODEL.md §6). `services` are the parsed services, for the
    /// default prices (their mean unit costs).
    func readContracts(_ entry: NodeReader.Entry, services: [Service?]) -> [Contract]? {
        guard let items = reader.entries(entry.value, entry.path, expected: "a mapping of contracts by name") else { return nil }
        let contracts = items.map { readContract($0, services: services) }
        return contracts.contains { $0 == nil } ? nil : contracts.map { $0! }
    }

    private func readContract(_ entry: NodeReader.Entry, services: [Service?]) -> Contract? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.contract) else { return nil }
        let provider = keys["provider"].flatMap { reader.string($0.value, $0.path, what: "the provider's name") }
        let description = keys["description"].flatMap { reader.string($0.value, $0.path, what: "a description") } ?? ""
        let covered = keys["services"].flatMap(readCoveredServices)
        let cohorts = keys["cohorts"].map(readContractCohorts) ?? [:]
        let prices = covered.flatMap { covered in readPrices(keys["prices"], covered: covered, services: services) }
        let cost = covered.flatMap { covered in keys["cost"].flatMap { readProviderCost($0, covered: covered) } }
        let budget = keys["budget"].map { yearlyNumbers($0.value, $0.path) } ?? .some(nil)
        let models = keys["models"].flatMap(readPaymentModels)
        let members = covered.flatMap { covered in keys["members"].map { readMembers($0, covered: covered) } ?? [] }
        let current = models.flatMap { readModelChoice(keys["current"], models: $0) }
        let proposed = models.flatMap { readModelChoice(keys["proposed"], models: $0) }
        if let current = current ?? nil, let proposed = proposed ?? nil, current == proposed, let entry = keys["proposed"] {
            diagnostics.error(at: entry.value, entry.path, "the proposed model is today's model (`current`); name another of the contract's models")
            return nil
        }
        guard let provider, let covered, let cohorts, let prices, let cost, let budget, let models, let members,
              let current, let proposed
        else { return nil }
        return Contract(
            name: entry.key, provider: provider, description: description, services: covered, cohorts: cohorts,
            prices: prices, cost: cost, budget: budget, models: models, members: members, current: current ?? 0, proposed: proposed)
    }

    /// A non-empty list of distinct known services.
    private func readCoveredServices(_ entry: NodeReader.Entry) -> [Int]? {
        guard let items = reader.sequence(entry.value, entry.path, expected: "a list of services") else { return nil }
        if items.isEmpty { diagnostics.error(at: entry.value, entry.path, "expected at least one service"); return nil }
        var result: [Int] = []
        var failed = false
        for (i, item) in items.enumerated() {
            let path = "\(entry.path).\(i)"
            guard let name = reader.string(item, path, what: "a service name"),
                  let s = lookup("service", name, in: serviceNames, at: item, path)
            else { failed = true; continue }
            if result.contains(s) {
                diagnostics.error(at: item, path, "service `\(name)` is listed twice")
                failed = true
            }
            result.append(s)
        }
        return failed ? nil : result
    }

    /// The cohort filter; it must leave at least one cohort.
    private func readContractCohorts(_ entry: NodeReader.Entry) -> [Int: Set<Int>]? {
        guard let filter = readTargets(entry) else { return nil }
        let matches = cohorts.contains { cohort in filter.allSatisfy { $1.contains(cohort.levels[$0]) } }
        if !matches && !cohorts.isEmpty {
            diagnostics.error(at: entry.value, entry.path, "the filter matches no cohort of the scenario")
            return nil
        }
        return filter
    }

    /// A price for every covered service: the file's, or the service's mean unit cost.
    private func readPrices(_ entry: NodeReader.Entry?, covered: [Int], services: [Service?]) -> [Int: Double]? {
        var prices: [Int: Double] = [:]
        for s in covered {
            if let service = services[s] { prices[s] = service.unitCost.distribution.mean }
        }
        guard let entry else { return prices }
        guard let given = coveredNumbers(entry, covered: covered, what: "price") else { return nil }
        return prices.merging(given) { $1 }
    }

    /// `{SERVICE: number}` over covered services.
    private func coveredNumbers(_ entry: NodeReader.Entry, covered: [Int], what: String) -> [Int: Double]? {
        guard let items = reader.entries(entry.value, entry.path, expected: "a mapping {SERVICE: £}") else { return nil }
        let coveredNames = covered.map { serviceNames[$0] }
        var result: [Int: Double] = [:]
        var failed = false
        for item in items {
            guard let s = serviceNames.firstIndex(of: item.key), covered.contains(s) else {
                let known = serviceNames.contains(item.key) ? "`\(item.key)` is not one of the contract's services" : "unknown service `\(item.key)`\(NameSuggestion.hint(for: item.key, among: coveredNames))"
                diagnostics.error(at: item.keyNode, item.path, "\(known); a \(what) is given for a covered service: \(coveredNames.joined(separator: ", "))")
                failed = true
                continue
            }
            if let value = reader.number(item.value, item.path, in: 0...Double.infinity) { result[s] = value } else { failed = true }
        }
        return failed ? nil : result
    }

    private func readProviderCost(_ entry: NodeReader.Entry, covered: [Int]) -> ProviderCost? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.providerCost) else { return nil }
        if let shareEntry = keys["fixed_share"] {
            for other in ["fixed", "variable"] where keys[other] != nil {
                diagnostics.error(at: keys[other]!.keyNode, keys[other]!.path, "give either `fixed_share` or `fixed` and `variable`, not both")
                return nil
            }
            return reader.number(shareEntry.value, shareEntry.path, in: 0...1).map(ProviderCost.fixedShare)
        }
        guard keys["fixed"] != nil || keys["variable"] != nil else {
            diagnostics.error(at: entry.value, entry.path, "expected `fixed` and `variable` (£ a year, £ a unit), or `fixed_share`")
            return nil
        }
        let fixed = keys["fixed"].map { yearlyNumbers($0.value, $0.path) } ?? [0]
        var variable: [Int: Double]? = Dictionary(uniqueKeysWithValues: covered.map { ($0, 0.0) })
        if let variableEntry = keys["variable"] {
            if case .scalar = variableEntry.value {
                variable = reader.number(variableEntry.value, variableEntry.path, in: 0...Double.infinity).map { value in
                    Dictionary(uniqueKeysWithValues: covered.map { ($0, value) })
                }
            } else if let given = coveredNumbers(variableEntry, covered: covered, what: "variable cost") {
                let missing = covered.filter { given[$0] == nil }.map { serviceNames[$0] }
                if !missing.isEmpty {
                    diagnostics.error(at: variableEntry.value, variableEntry.path, "missing a variable cost for \(missing.joined(separator: ", ")); give one for every covered service, or one number for all")
                    variable = nil
                } else { variable = given }
            } else { variable = nil }
        }
        guard let fixed, let variable else { return nil }
        return .explicit(fixed: fixed, variable: variable)
    }

    /// A number for every year, or a list of exactly `horizon` numbers, all ≥ 0.
    func yearlyNumbers(_ node: Node, _ path: String) -> [Double]? {
        guard case .sequence(let sequence) = node else {
            return reader.number(node, path, in: 0...Double.infinity).map { [$0] }
        }
        guard sequence.count == horizon else {
            diagnostics.error(at: node, path, "expected one value or a list of \(horizon) values (one per year of the horizon), found a list of \(sequence.count)")
            return nil
        }
        let values = sequence.enumerated().map { reader.number($1, "\(path).\($0)", in: 0...Double.infinity) }
        return values.contains { $0 == nil } ? nil : values.map { $0! }
    }
}
