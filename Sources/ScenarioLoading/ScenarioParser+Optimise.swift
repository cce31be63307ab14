import ScenarioModel
import Yams

extension ScenarioParser {
    /// Reads `options.NAME.budgets`: `{LINE: £ | [£ per year]}`, each line's yearly budget for
    /// the option (non-negative plain numbers; a list has exactly `horizon` entries).
    func readOptionBudgets(_ entry: NodeReader.Entry) -> [BudgetLine: [Double]]? {
        guard let items = reader.entries(entry.value, entry.path, expected: "a mapping {SERVICE or INTERVENTION: £ per year, or a list of \(horizon) values}") else { return nil }
        var result: [BudgetLine: [Double]] = [:]
        var failed = false
        for item in items {
            guard let line = budgetLine(named: item.key) else {
                unknown("service or intervention", item.key, among: budgetLineNames, at: item.keyNode, item.path)
                failed = true
                continue
            }
            guard let values = poundsPerYear(item.value, item.path) else { failed = true; continue }
            result[line] = values
        }
        return failed ? nil : result
    }

    /// One non-negative number for every year, or a list of exactly `horizon` of them.
    private func poundsPerYear(_ node: Node, _ path: String) -> [Double]? {
        guard case .sequence(let sequence) = node else {
            return reader.number(node, path, in: 0...Double.infinity).map { Array(repeating: $0, count: horizon) }
        }
        guard sequence.count == horizon else {
            diagnostics.error(at: node, path, "expected one value or a list of \(horizon) values (one per year of the horizon), found a list of \(sequence.count)")
            return nil
        }
        let values = sequence.enumerated().map { reader.number($1, "\(path).\($0)", in: 0...Double.infinity) }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        return values.map { $0! }
    }

    /// Reads the `optimise:` section (MODEL.md §5). `groups` are the equity groups' names.
    func readOptimisation(_ entry: NodeReader.Entry, groups: [String]) -> Scenario.Optimisation? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.optimise) else { return nil }
        var result = Scenario.Optimisation()
        var failed = false
        func check<T>(_ value: T?, _ assign: (T) -> Void) {
            if let value { assign(value) } else { failed = true }
        }
        if let item = keys["objective"] {
            check(choice(item, Scenario.Optimisation.Objective.self)) { result.objective = $0 }
        }
        if let item = keys["weights"] {
            check(numbersByGroup(item, groups: groups)) { result.weights = $0 }
        }
        if let item = keys["epsilon"] {
            check(reader.number(item.value, item.path, in: 0...Double.infinity)) { result.epsilon = $0 }
        }
        if let item = keys["gap"] {
            check(reader.number(item.value, item.path)) { result.gap = $0 }
        }
        if let item = keys["total"] {
            if case .scalar(let scalar) = item.value, scalar.string == "keep" {
                result.total = .keep
            } else if case .scalar(let scalar) = item.value, NodeReader.parseNumber(scalar.string) == nil {
                diagnostics.error(at: item.value, item.path, "expected `keep` (today's total) or an amount in £, found \(NodeReader.describe(item.value))")
                failed = true
            } else {
                check(reader.number(item.value, item.path, in: 0...Double.infinity)) { result.total = .amount($0) }
            }
        }
        if let item = keys["add"] { check(reader.number(item.value, item.path)) { result.add = $0 } }
        if let item = keys["at_most"] { check(reader.boolean(item.value, item.path)) { result.atMost = $0 } }
        if let item = keys["no_group_worse_off"] { check(reader.boolean(item.value, item.path)) { result.noGroupWorseOff = $0 } }
        if let item = keys["levels"] { check(levels(item)) { result.levels = $0 } }
        if let item = keys["new_line_levels"] { check(levels(item)) { result.newLineLevels = $0 } }
        if let item = keys["curve_draws"] {
            check(reader.integer(item.value, item.path, in: 1...1_000_000)) { result.curveDraws = $0 }
        }
        if let item = keys["refine"] { check(reader.integer(item.value, item.path, in: 0...1_000)) { result.refine = $0 } }
        if let item = keys["lines"] {
            check(lineLimits(item)) { result.lines = $0 }
        }
        return failed ? nil : result
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ item: NodeReader.Entry, _ type: T.Type) -> T? where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        guard let text = reader.string(item.value, item.path, what: "one of \(names.joined(separator: ", "))") else { return nil }
        if let value = T(rawValue: text) { return value }
        diagnostics.error(at: item.value, item.path, "expected one of \(names.joined(separator: ", ")), found `\(text)`\(NameSuggestion.hint(for: text, among: names))")
        return nil
    }

    private func numbersByGroup(_ item: NodeReader.Entry, groups: [String]) -> [Double]? {
        guard let entries = reader.entries(item.value, item.path, expected: "a mapping {GROUP: weight}") else { return nil }
        var values = [Double](repeating: 1, count: groups.count)
        var failed = false
        for entry in entries {
            guard let g = groups.firstIndex(of: entry.key) else {
                unknown("equity group", entry.key, among: groups, at: entry.keyNode, entry.path)
                failed = true
                continue
            }
            if let value = reader.number(entry.value, entry.path, in: 0...Double.infinity) { values[g] = value } else { failed = true }
        }
        return failed ? nil : values
    }

    /// A list of distinct non-negative numbers, at least two, returned in increasing order.
    private func levels(_ item: NodeReader.Entry) -> [Double]? {
        guard let nodes = reader.sequence(item.value, item.path, expected: "a list of at least two numbers ≥ 0") else { return nil }
        let values = nodes.enumerated().map { reader.number($1, "\(item.path).\($0)", in: 0...Double.infinity) }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        let sorted = Set(values.map { $0! }).sorted()
        guard sorted.count >= 2 else {
            diagnostics.error(at: item.value, item.path, "expected at least two different levels, found \(sorted.count)")
            return nil
        }
        return sorted
    }

    private func lineLimits(_ item: NodeReader.Entry) -> [BudgetLine: Scenario.Optimisation.LineLimits]? {
        guard let entries = reader.entries(item.value, item.path, expected: "a mapping {SERVICE or INTERVENTION: {min, max, ring_fenced, max_change}}") else { return nil }
        var result: [BudgetLine: Scenario.Optimisation.LineLimits] = [:]
        var failed = false
        for entry in entries {
            guard let line = budgetLine(named: entry.key) else {
                unknown("service or intervention", entry.key, among: budgetLineNames, at: entry.keyNode, entry.path)
                failed = true
                continue
            }
            guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.optimiseLine) else { failed = true; continue }
            var limits = Scenario.Optimisation.LineLimits()
            func amount(_ key: String) -> Scenario.Optimisation.Amount?? {
                guard let field = keys[key] else { return .some(nil) }
                guard let value = poundsOrShare(field) else { failed = true; return nil }
                return .some(value)
            }
            limits.min = amount("min") ?? nil
            limits.max = amount("max") ?? nil
            limits.maxChange = amount("max_change") ?? nil
            if let field = keys["ring_fenced"] {
                if let value = reader.boolean(field.value, field.path) { limits.ringFenced = value } else { failed = true }
            }
            if case .pounds(let low)? = limits.min, case .pounds(let high)? = limits.max, low > high {
                diagnostics.error(at: entry.value, entry.path, "min (\(NodeReader.format(low))) is above max (\(NodeReader.format(high)))")
                failed = true
            }
            result[line] = limits
        }
        return failed ? nil : result
    }

    /// `£` as a number, or a share of today's budget written `"50%"`.
    private func poundsOrShare(_ field: NodeReader.Entry) -> Scenario.Optimisation.Amount? {
        if case .scalar(let scalar) = field.value, scalar.string.hasSuffix("%") {
            guard let percent = NodeReader.parseNumber(String(scalar.string.dropLast())), percent >= 0 else {
                diagnostics.error(at: field.value, field.path, "expected a share such as \"50%\", found \(NodeReader.describe(field.value))")
                return nil
            }
            return .shareOfCurrent(percent / 100)
        }
        guard case .scalar(let scalar) = field.value, NodeReader.parseNumber(scalar.string) != nil else {
            diagnostics.error(at: field.value, field.path, "expected an amount in £ or a share of today's budget such as \"50%\", found \(NodeReader.describe(field.value))")
            return nil
        }
        return reader.number(field.value, field.path, in: 0...Double.infinity).map(Scenario.Optimisation.Amount.pounds)
    }
}

extension NodeReader {
    /// `true` or `false` (YAML 1.2 core schema spellings).
    func boolean(_ node: Node, _ path: String) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        diagnostics.error(at: node, path, "expected true or false, found \(NodeReader.describe(node))")
        return nil
    }
}
