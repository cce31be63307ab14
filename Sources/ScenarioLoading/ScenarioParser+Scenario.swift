import ScenarioModel
import Yams

extension ScenarioParser {
    /// Reads the whole document; nil when any section failed (the problems are reported).
    mutating func readScenario(_ node: Node) -> Scenario? {
        guard let keys = reader.object(node, "", ScenarioSchema.scenario) else { return nil }
        let name = keys["name"].flatMap { entry -> String? in
            guard let name = reader.string(entry.value, entry.path, what: "a scenario name") else { return nil }
            guard name.range(of: "^[a-z0-9-]+$", options: .regularExpression) != nil else {
                diagnostics.error(at: entry.value, entry.path, "expected lower-case letters, digits and hyphens (e.g. my-ics), found `\(name)`")
                return nil
            }
            return name
        }
        let horizonValue = keys["horizon"].flatMap { reader.integer($0.value, $0.path, in: 1...100) }
        horizon = horizonValue ?? 1
        let startYear = keys["start_year"].map { reader.integer($0.value, $0.path, in: ScenarioSchema.startYears) } ?? FinancialYear.current()
        let discount = readDiscount(keys["discount"])
        let threshold = keys["threshold"].map { reader.number($0.value, $0.path, in: 0...ValueLimits.threshold) } ?? 20_000
        let monteCarlo = readMonteCarlo(keys["monte_carlo"])
        if let entry = keys["dimensions"] { readDimensions(entry.value, entry.path) }
        let equity = readEquity(keys["equity"])
        if let entry = keys["cohorts"] { readCohorts(entry.value, entry.path) }

        // Names first, so that sections can refer to each other in any order.
        let needEntries = keys["needs"].flatMap { reader.entries($0.value, $0.path, expected: "a mapping of needs by name") } ?? []
        let serviceEntries = keys["services"].flatMap { reader.entries($0.value, $0.path, expected: "a mapping of services by name") } ?? []
        let interventionEntries = keys["interventions"].flatMap { reader.entries($0.value, $0.path, expected: "a mapping of interventions by name") } ?? []
        needNames = needEntries.map(\.key)
        serviceNames = serviceEntries.map(\.key)
        interventionNames = interventionEntries.map(\.key)
        if let entry = keys["services"], serviceEntries.isEmpty, case .mapping = entry.value {
            diagnostics.error(at: entry.value, entry.path, "expected at least one service")
        }
        checkDistinctLineNames(serviceEntries, interventionEntries)
        impliedFactors = Self.multiplyPathsSet(byOptions: keys["options"]?.value)

        let needs = needEntries.map(readNeed)
        let services = serviceEntries.map(readService)
        let interventions = interventionEntries.map(readIntervention)

        let budgets = lineBudgets(services, interventions)
        let parameters = parameterIndex(needs: needs, services: services, interventions: interventions)
        let optionEntries = keys["options"].flatMap { reader.entries($0.value, $0.path, expected: "a mapping of options by name") } ?? []
        let options = optionEntries.map { readOption($0, parameters: parameters, budgets: budgets) }
        let correlations = keys["correlations"].map { readCorrelations($0.value, $0.path, parameters: parameters) } ?? []
        let contracts = keys["contracts"].map { readContracts($0, services: services) } ?? []
        let optimisation = keys["optimise"].map { readOptimisation($0, groups: equity.map { dimensions[$0.dimension].levels } ?? []) }
        let informationGroups = keys["voi"].map { readInformationGroups($0, parameters: parameters, options: options.compactMap { $0 }) } ?? []

        checkRunnable(nameNode: keys["name"], cohortsNode: keys["cohorts"], equity: equity, named: needEntries + serviceEntries + interventionEntries + optionEntries)
        guard diagnostics.isEmpty, let name, let horizonValue, let startYear, let discount, let threshold, let monteCarlo,
              let equity, let correlations, let contracts
        else { return nil }
        var scenario = Scenario(
            name: name, horizon: horizonValue, startYear: startYear, discount: discount, threshold: threshold,
            monteCarlo: monteCarlo, dimensions: dimensions, equity: equity, cohorts: cohorts,
            needs: needs.compactMap { $0 }, services: services.compactMap { $0 },
            interventions: interventions.compactMap { $0 }, options: options.compactMap { $0 },
            correlations: correlations, contracts: contracts)
        scenario.optimisation = optimisation ?? nil
        scenario.informationGroups = informationGroups
        return scenario
    }

    /// The `…multiply.DIM.LEVEL` keys of every option's `set`, read before the values they name.
    private static func multiplyPathsSet(byOptions node: Node?) -> Set<String> {
        guard case .mapping(let options)? = node else { return [] }
        var paths = Set<String>()
        for (_, option) in options {
            guard case .mapping(let keys) = option, case .mapping(let set)? = keys["set"] else { continue }
            for (key, _) in set {
                if let path = key.string, path.contains(".multiply.") { paths.insert(path) }
            }
        }
        return paths
    }

    private func checkDistinctLineNames(_ services: [NodeReader.Entry], _ interventions: [NodeReader.Entry]) {
        let serviceSet = Set(services.map(\.key))
        for entry in interventions where serviceSet.contains(entry.key) {
            diagnostics.error(at: entry.keyNode, entry.path, "`\(entry.key)` is also a service; budget lines need distinct names for `shift`")
        }
    }

    private func readDiscount(_ entry: NodeReader.Entry?) -> Scenario.Discount? {
        guard let entry else { return .init(costs: 0.035, health: 0.035) }
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.discount) else { return nil }
        let costs = keys["costs"].map { reader.number($0.value, $0.path, in: 0...1) } ?? 0.035
        let health = keys["health"].map { reader.number($0.value, $0.path, in: 0...1) } ?? 0.035
        guard let costs, let health else { return nil }
        return .init(costs: costs, health: health)
    }

    private func readMonteCarlo(_ entry: NodeReader.Entry?) -> Scenario.MonteCarloSettings? {
        guard let entry else { return .init(draws: 1000, seed: 1, countNoise: .none) }
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.monteCarlo) else { return nil }
        let draws = keys["draws"].map { reader.integer($0.value, $0.path, in: 1...10_000_000) } ?? 1000
        let seed = keys["seed"].map { reader.integer($0.value, $0.path, in: 0...Int.max) } ?? 1
        var noise: Scenario.MonteCarloSettings.CountNoise? = Scenario.MonteCarloSettings.CountNoise.none
        if let node = keys["stochastic"] {
            let text = reader.string(node.value, node.path, what: "`none` or `poisson`")
            noise = text.flatMap(Scenario.MonteCarloSettings.CountNoise.init(rawValue:))
            if let text, noise == nil {
                let names = Scenario.MonteCarloSettings.CountNoise.allCases.map(\.rawValue)
                diagnostics.error(at: node.value, node.path, "expected one of \(names.joined(separator: ", ")), found `\(text)`\(NameSuggestion.hint(for: text, among: names))")
            }
        }
        guard let draws, let seed, let noise else { return nil }
        return .init(draws: draws, seed: UInt64(seed), countNoise: noise)
    }

    private func readEquity(_ entry: NodeReader.Entry?) -> Scenario.Equity? {
        guard let entry else {
            return dimensions.isEmpty ? nil : .init(dimension: 0, baselineHealth: nil, opportunityCost: nil)
        }
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.equity) else { return nil }
        var dimension: Int? = dimensions.isEmpty ? nil : 0
        if let node = keys["dimension"], let name = reader.string(node.value, node.path, what: "a dimension name") {
            dimension = lookup("dimension", name, in: dimensions.map(\.name), at: node.value, node.path)
        } else if keys["dimension"] != nil { dimension = nil }
        guard let dimension else { return nil }
        let levels = dimensions[dimension].levels
        let baseline = keys["baseline_health"].map { groupValues($0, levels: levels, range: ValueLimits.baselineHealth) } ?? .some(nil)
        var opportunityCost: Scenario.OpportunityCost?? = .some(nil)
        if let node = keys["opportunity_cost"] {
            opportunityCost = readOpportunityCost(node, levels: levels).map { .some($0) } ?? .none
        }
        guard let baseline, let opportunityCost else { return nil }
        return .init(dimension: dimension, baselineHealth: baseline, opportunityCost: opportunityCost)
    }

    private func readOpportunityCost(_ entry: NodeReader.Entry, levels: [String]) -> Scenario.OpportunityCost? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.opportunityCost) else { return nil }
        let perQaly = keys["per_qaly"].flatMap { reader.number($0.value, $0.path, in: 0...Double.infinity) }
        if let perQaly, perQaly == 0, let node = keys["per_qaly"] {
            diagnostics.error(at: node.value, node.path, "must be greater than 0 (£ of spending that displaces one QALY)")
        }
        guard let sharesEntry = keys["shares"], let shares = groupValues(sharesEntry, levels: levels, range: 0...1) else { return nil }
        let total = shares.reduce(0, +)
        if abs(total - 1) > 1e-6 {
            diagnostics.error(at: sharesEntry.value, sharesEntry.path, "shares sum to \(NodeReader.format(total)); expected 1")
            return nil
        }
        guard let perQaly, perQaly > 0 else { return nil }
        return .init(perQaly: perQaly, shares: shares)
    }

    /// A number for every equity group, keyed by level name.
    private func groupValues(_ entry: NodeReader.Entry, levels: [String], range: ClosedRange<Double>) -> [Double]? {
        guard let items = reader.entries(entry.value, entry.path, expected: "a mapping {GROUP: number}") else { return nil }
        var values = [Double?](repeating: nil, count: levels.count)
        var failed = false
        for item in items {
            guard let g = levels.firstIndex(of: item.key) else {
                unknown("equity group", item.key, among: levels, at: item.keyNode, item.path)
                failed = true
                continue
            }
            values[g] = reader.number(item.value, item.path, in: range)
            failed = failed || values[g] == nil
        }
        let given = Set(items.map(\.key))
        let missing = levels.indices.filter { !given.contains(levels[$0]) }
        if !missing.isEmpty {
            diagnostics.error(at: entry.value, entry.path, "missing a value for \(missing.map { levels[$0] }.joined(separator: ", ")); expected one per equity group")
            failed = true
        }
        return failed ? nil : values.map { $0! }
    }

    private func lineBudgets(_ services: [Service?], _ interventions: [Intervention?]) -> [BudgetLine: YearlyValue] {
        var budgets: [BudgetLine: YearlyValue] = [:]
        for (s, service) in services.enumerated() { if let service { budgets[.service(s)] = service.budget } }
        for (j, intervention) in interventions.enumerated() { if let intervention { budgets[.intervention(j)] = intervention.budget } }
        return budgets
    }

    /// Every parameter of the base scenario by path, for `set` and `correlations` to refer to.
    private func parameterIndex(needs: [Need?], services: [Service?], interventions: [Intervention?]) -> [String: Parameter] {
        let partial = Scenario(
            name: "index", horizon: horizon, startYear: 2000, discount: .init(costs: 0, health: 0), threshold: 0,
            monteCarlo: .init(draws: 1, seed: 0, countNoise: .none), dimensions: dimensions,
            equity: .init(dimension: 0, baselineHealth: nil, opportunityCost: nil), cohorts: cohorts,
            needs: needs.compactMap { $0 }, services: services.compactMap { $0 },
            interventions: interventions.compactMap { $0 }, options: [], correlations: [])
        return Dictionary(partial.allParameters.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
