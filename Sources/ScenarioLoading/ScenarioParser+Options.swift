import LinearAlgebra
import ScenarioModel
import Yams

extension ScenarioParser {
    /// Every budget line's name, services first, for `shift` references.
    var budgetLineNames: [String] { serviceNames + interventionNames }

    func budgetLine(named name: String) -> BudgetLine? {
        if let s = serviceNames.firstIndex(of: name) { return .service(s) }
        if let j = interventionNames.firstIndex(of: name) { return .intervention(j) }
        return nil
    }

    /// Reads `options.NAME`. `parameters` maps every parameter path of the scenario to its
    /// parameter, so `set` can check that the path exists.
    func readOption(_ entry: NodeReader.Entry, parameters: [String: Parameter], budgets: [BudgetLine: YearlyValue]) -> ScenarioOption? {
        if entry.key == ScenarioOption.baseName {
            diagnostics.error(at: entry.keyNode, entry.path, "`base` is the implicit option that changes nothing; give this option another name")
            return nil
        }
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.option) else { return nil }
        let description = keys["description"].flatMap { reader.string($0.value, $0.path, what: "a description") } ?? ""
        var failed = false
        var overrides: [ScenarioOption.Override] = []
        if let setEntry = keys["set"], let items = reader.entries(setEntry.value, setEntry.path, expected: "a mapping {\"KEY.PATH\": value}") {
            for item in items {
                if item.key.hasPrefix("cohorts.") {
                    diagnostics.error(at: item.keyNode, item.path, "`set` cannot change a cohort row (population, utility and growth describe the population, not an option; docs/MODEL-NOTES.md); set a need, service or intervention value")
                    failed = true
                    continue
                }
                guard let targets = setTargets(item.key, parameters: parameters) else {
                    let hint = NameSuggestion.hint(for: item.key, among: parameters.keys)
                    diagnostics.error(at: item.keyNode, item.path, "no value at key path `\(item.key)`\(hint); `set` replaces a number the scenario has, e.g. services.NAME.supply_elasticity")
                    failed = true
                    continue
                }
                guard let value = parameter(item.value, "options.\(entry.key).set.\(item.key)", ValueLimits.range(ofPath: item.key)) else { failed = true; continue }
                overrides += targets.map { ScenarioOption.Override(target: $0, value: value) }
            }
        } else if keys["set"] != nil { failed = true }

        var lineBudgets: [BudgetLine: [Double]] = [:]
        if let budgetsEntry = keys["budgets"] {
            if let read = readOptionBudgets(budgetsEntry) { lineBudgets = read } else { failed = true }
        }

        var shifts: [ScenarioOption.Shift] = []
        if let shiftEntry = keys["shift"], let items = reader.sequence(shiftEntry.value, shiftEntry.path, expected: "a list of {from, to, amount}") {
            for (i, item) in items.enumerated() {
                let path = "\(shiftEntry.path).\(i)"
                guard let fields = reader.object(item, path, ScenarioSchema.shift) else { failed = true; continue }
                let from = fields["from"].flatMap { shiftLine($0) }
                let to = fields["to"].flatMap { shiftLine($0) }
                let amount = fields["amount"].flatMap { yearly($0.value, $0.path, .nonNegative) }
                guard let from, let to, let amount else { failed = true; continue }
                if from == to {
                    diagnostics.error(at: item, path, "`from` and `to` are the same line")
                    failed = true
                    continue
                }
                shifts.append(.init(from: from, to: to, amount: amount))
            }
            if !failed { checkShiftedBudgets(shifts, budgets: budgets, overrides: overrides, optionBudgets: lineBudgets, at: shiftEntry) }
        } else if keys["shift"] != nil { failed = true }
        guard !failed else { return nil }
        return ScenarioOption(name: entry.key, description: description, shifts: shifts, overrides: overrides, budgets: lineBudgets)
    }

    private func shiftLine(_ entry: NodeReader.Entry) -> BudgetLine? {
        guard let name = reader.string(entry.value, entry.path, what: "a service or intervention") else { return nil }
        if let line = budgetLine(named: name) { return line }
        unknown("service or intervention", name, among: budgetLineNames, at: entry.value, entry.path)
        return nil
    }

    /// The parameter paths a `set` key replaces: itself, its `.base` form for a cohort-varying
    /// value, or every year of a yearly list.
    private func setTargets(_ key: String, parameters: [String: Parameter]) -> [String]? {
        if parameters[key] != nil { return [key] }
        if parameters[key + ".base"] != nil { return [key + ".base"] }
        if key.hasSuffix(".base"), parameters[String(key.dropLast(5))] != nil { return [String(key.dropLast(5))] }
        let years = (0..<horizon).map { "\(key).\($0)" }
        if years.allSatisfy({ parameters[$0] != nil }) { return years }
        return nil
    }

    /// A shift must not leave any budget below zero in any year (checked at the means).
    private func checkShiftedBudgets(_ shifts: [ScenarioOption.Shift], budgets: [BudgetLine: YearlyValue], overrides: [ScenarioOption.Override], optionBudgets: [BudgetLine: [Double]], at entry: NodeReader.Entry) {
        let replaced = Dictionary(overrides.map { ($0.target, $0.value.distribution.mean) }, uniquingKeysWith: { $1 })
        for t in 0..<horizon {
            var budget: [BudgetLine: Double] = [:]
            for (line, value) in budgets {
                let p = value.parameter(year: t)
                budget[line] = optionBudgets[line]?[t] ?? replaced[p.path] ?? p.distribution.mean
            }
            for shift in shifts {
                let amount = shift.amount.parameter(year: t).distribution.mean
                budget[shift.from, default: 0] -= amount
                budget[shift.to, default: 0] += amount
            }
            let lines = serviceNames.indices.map(BudgetLine.service) + interventionNames.indices.map(BudgetLine.intervention)
            for line in lines where budget[line, default: 0] < -1e-9 {
                let value = budget[line, default: 0].rounded()
                diagnostics.error(at: entry.value, entry.path, "the shifts leave `\(name(of: line))` with a budget of \(NodeReader.format(value)) in year \(t); a budget cannot be negative")
                return
            }
        }
    }

    private func name(of line: BudgetLine) -> String {
        switch line {
        case .service(let s): return serviceNames[s]
        case .intervention(let j): return interventionNames[j]
        }
    }

    /// Reads `correlations`; positive definiteness is checked later, on the whole matrix.
    func readCorrelations(_ node: Node, _ path: String, parameters: [String: Parameter]) -> [Scenario.Correlation]? {
        guard let items = reader.sequence(node, path, expected: "a list of {between: [PATH, PATH], rho}") else { return nil }
        var result: [Scenario.Correlation] = []
        var seenPairs = Set<[String]>()
        var nodes: [Node] = []
        var failed = false
        for (i, item) in items.enumerated() {
            let itemPath = "\(path).\(i)"
            guard let keys = reader.object(item, itemPath, ScenarioSchema.correlation),
                  let betweenEntry = keys["between"], let rhoEntry = keys["rho"],
                  let between = reader.sequence(betweenEntry.value, betweenEntry.path, expected: "a list of two key paths")
            else { failed = true; continue }
            guard between.count == 2 else {
                diagnostics.error(at: betweenEntry.value, betweenEntry.path, "expected exactly two key paths, found \(between.count)")
                failed = true
                continue
            }
            var paths: [String] = []
            for (k, node) in between.enumerated() {
                let p = "\(betweenEntry.path).\(k)"
                guard let name = reader.string(node, p, what: "a parameter key path") else { continue }
                guard let parameter = parameters[name] ?? parameters[name + ".base"] else {
                    diagnostics.error(at: node, p, "no value at key path `\(name)`\(NameSuggestion.hint(for: name, among: parameters.keys))")
                    continue
                }
                guard parameter.distribution.isUncertain else {
                    diagnostics.error(at: node, p, "`\(name)` is a fixed number; only distributions can be correlated")
                    continue
                }
                paths.append(parameter.path)
            }
            let rho = reader.number(rhoEntry.value, rhoEntry.path)
            if let rho, !(rho > -1 && rho < 1) {
                diagnostics.error(at: rhoEntry.value, rhoEntry.path, "expected a correlation strictly between −1 and 1, found \(NodeReader.format(rho))")
                failed = true
                continue
            }
            guard paths.count == 2, let rho else { failed = true; continue }
            if paths[0] == paths[1] {
                diagnostics.error(at: betweenEntry.value, betweenEntry.path, "a parameter cannot be correlated with itself")
                failed = true
                continue
            }
            if !seenPairs.insert(paths.sorted()).inserted {
                diagnostics.error(at: item, itemPath, "the pair \(paths[0]), \(paths[1]) is correlated twice")
                failed = true
                continue
            }
            result.append(.init(first: paths[0], second: paths[1], rho: rho))
            nodes.append(item)
        }
        if !failed { checkPositiveDefinite(result, nodes: nodes, path: path) }
        return failed ? nil : result
    }

    /// A Gaussian copula needs a positive-definite correlation matrix (unlisted pairs are 0).
    /// When it is not, the message names the parameter at which the leading minor fails and the
    /// pairs that tie it to the parameters before it, at the last of those pairs.
    private func checkPositiveDefinite(_ correlations: [Scenario.Correlation], nodes: [Node], path: String) {
        var order: [String] = []
        for c in correlations { for p in [c.first, c.second] where !order.contains(p) { order.append(p) } }
        let n = order.count
        guard n > 0 else { return }
        var matrix = Matrix(rows: n, columns: n)
        for i in 0..<n { matrix[i, i] = 1 }
        for c in correlations {
            let i = order.firstIndex(of: c.first)!, j = order.firstIndex(of: c.second)!
            matrix[i, j] = c.rho
            matrix[j, i] = c.rho
        }
        do {
            _ = try Cholesky(matrix)
        } catch CholeskyError.notPositiveDefinite(let k) {
            let culprit = order[k - 1]
            let earlier = Set(order[0..<(k - 1)])
            let involved = correlations.indices.filter {
                let c = correlations[$0]
                return (c.first == culprit && earlier.contains(c.second)) || (c.second == culprit && earlier.contains(c.first))
            }
            let pairs = involved.map { "\(correlations[$0].first) ~ \(correlations[$0].second) (rho \(NodeReader.format(correlations[$0].rho)))" }
            let at = involved.last ?? correlations.count - 1
            diagnostics.error(at: nodes[at], "\(path).\(at)", "these correlations cannot hold together (the correlation matrix is not positive definite at `\(culprit)`): \(pairs.joined(separator: "; ")); weaken one of them")
        } catch {
            diagnostics.error(at: nodes.last, path, "cannot check the correlation matrix: \(error)")
        }
    }
}
