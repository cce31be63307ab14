import ScenarioModel
import Yams

extension ScenarioParser {
    /// A number or `{dist: FAMILY, …}`, as a ``Parameter`` at `path`, with its mean in `range`.
    func parameter(_ node: Node, _ path: String, _ range: ValueRange = .any) -> Parameter? {
        guard let distribution = distribution(node, path) else { return nil }
        if let problem = range.problem(with: distribution.mean) {
            let what = distribution.isUncertain ? "its mean \(NodeReader.format(distribution.mean))" : "the value \(NodeReader.format(distribution.mean))"
            diagnostics.error(at: node, path, "\(what) \(problem)")
            return nil
        }
        return Parameter(path: path, distribution: distribution)
    }

    /// A plain number as `.fixed`, or a distribution mapping checked for its family's parameters.
    func distribution(_ node: Node, _ path: String) -> Distribution? {
        if case .scalar = node {
            return reader.number(node, path).map(Distribution.fixed)
        }
        guard case .mapping(let mapping) = node, mapping["dist"] != nil else {
            diagnostics.error(at: node, path, "expected a number or a distribution such as {dist: beta, mean: 0.3, sd: 0.05}, found \(NodeReader.describe(node))")
            return nil
        }
        guard let entries = reader.entries(node, path, expected: "a distribution") else { return nil }
        var byName: [String: NodeReader.Entry] = [:]
        entries.forEach { byName[$0.key] = $0 }
        let families = ScenarioSchema.distributionFamilies
        guard let familyNode = byName["dist"]?.value, let family = reader.string(familyNode, path + ".dist", what: "a distribution name") else { return nil }
        guard let spec = families.first(where: { $0.name == family }) else {
            let hint = NameSuggestion.hint(for: family, among: families.map(\.name))
            diagnostics.error(at: familyNode, path + ".dist", "unknown distribution `\(family)`\(hint); expected one of: \(families.map(\.name).joined(separator: ", "))")
            return nil
        }
        let given = Set(byName.keys).subtracting(["dist"])
        let allowed = Set(spec.parameterSets.joined())
        for entry in entries where entry.key != "dist" && !allowed.contains(entry.key) {
            let hint = NameSuggestion.hint(for: entry.key, among: allowed)
            diagnostics.error(at: entry.keyNode, entry.path, "unknown parameter `\(entry.key)` for a \(family) distribution\(hint); expected \(Self.describe(spec.parameterSets))")
        }
        guard let keys = spec.parameterSets.first(where: { Set($0) == given.intersection(allowed) && Set($0).isSubset(of: given) }) else {
            if given.isSubset(of: allowed) {
                diagnostics.error(at: node, path, "a \(family) distribution needs \(Self.describe(spec.parameterSets)); found \(given.sorted().joined(separator: ", "))")
            }
            return nil
        }
        var values: [String: Double] = [:]
        for key in keys {
            guard let value = reader.number(byName[key]!.value, byName[key]!.path) else { return nil }
            values[key] = value
        }
        let v = { values[$0]! }
        let distribution: Distribution
        switch (family, keys) {
        case ("normal", _): distribution = .normal(mean: v("mean"), sd: v("sd"))
        case ("lognormal", ["p10", "p90"]): distribution = .lognormalInterval(p10: v("p10"), p90: v("p90"))
        case ("lognormal", _): distribution = .lognormal(mean: v("mean"), sd: v("sd"))
        case ("gamma", _): distribution = .gamma(mean: v("mean"), sd: v("sd"))
        case ("beta", _): distribution = .beta(mean: v("mean"), sd: v("sd"))
        case ("uniform", _): distribution = .uniform(low: v("low"), high: v("high"))
        case ("triangular", _): distribution = .triangular(low: v("low"), mode: v("mode"), high: v("high"))
        default: distribution = .pert(low: v("low"), mode: v("mode"), high: v("high"))
        }
        if let problem = distribution.parameterProblem ?? ValueLimits.samplingProblem(distribution) {
            diagnostics.error(at: node, path, problem)
            return nil
        }
        return distribution
    }

    private static func describe(_ sets: [[String]]) -> String {
        sets.map { $0.joined(separator: ", ") }.joined(separator: " or ")
    }

    /// A value that may vary by cohort: a quantity (its base), or `{base, multiply, by_cohort}`.
    ///
    /// The parameter paths are `PATH` for a plain quantity, and `PATH.base`,
    /// `PATH.multiply.DIM.LEVEL`, `PATH.by_cohort.KEY` for the parts of the full form.
    func cohortValue(_ node: Node, _ path: String, _ range: ValueRange) -> CohortValue? {
        let isFullForm: Bool
        if case .mapping(let mapping) = node, mapping["dist"] == nil { isFullForm = true } else { isFullForm = false }
        guard isFullForm else {
            return parameter(node, path, range).map { withImpliedFactors(CohortValue.uniform($0), path: path) }
        }
        guard let entries = reader.entries(node, path, expected: "a cohort-varying value") else { return nil }
        var base: Parameter?
        var factors: [CohortValue.Factor] = []
        var overrides: [Int: Parameter] = [:]
        var failed = false
        for entry in entries {
            switch entry.key {
            case "base":
                base = parameter(entry.value, entry.path, range == .any ? .any : .nonNegative)
                failed = failed || base == nil
            case "multiply":
                guard let perDimension = reader.entries(entry.value, entry.path, expected: "a mapping {DIMENSION: {LEVEL: factor}}") else { failed = true; continue }
                for dimensionEntry in perDimension {
                    guard let d = dimensionIndex(dimensionEntry.key) else {
                        unknown("dimension", dimensionEntry.key, among: dimensions.map(\.name), at: dimensionEntry.keyNode, dimensionEntry.path)
                        failed = true
                        continue
                    }
                    guard let levels = reader.entries(dimensionEntry.value, dimensionEntry.path, expected: "a mapping {LEVEL: factor}") else { failed = true; continue }
                    for levelEntry in levels {
                        guard let l = dimensions[d].levels.firstIndex(of: levelEntry.key) else {
                            unknown("level of `\(dimensions[d].name)`", levelEntry.key, among: dimensions[d].levels, at: levelEntry.keyNode, levelEntry.path)
                            failed = true
                            continue
                        }
                        if let factor = parameter(levelEntry.value, levelEntry.path, .nonNegative) {
                            factors.append(.init(dimension: d, level: l, value: factor))
                        } else { failed = true }
                    }
                }
            case "by_cohort":
                guard let perCohort = reader.entries(entry.value, entry.path, expected: "a mapping {\"LEVEL/LEVEL\": value}") else { failed = true; continue }
                for cohortEntry in perCohort {
                    guard let c = cohortKeys[cohortEntry.key] else {
                        unknown("cohort", cohortEntry.key, among: Array(cohortKeys.keys).sorted(), at: cohortEntry.keyNode, cohortEntry.path)
                        failed = true
                        continue
                    }
                    if let value = parameter(cohortEntry.value, cohortEntry.path, range) { overrides[c] = value } else { failed = true }
                }
            default:
                let hint = NameSuggestion.hint(for: entry.key, among: ScenarioSchema.cohortValueKeys + ["dist"])
                diagnostics.error(at: entry.keyNode, entry.path, "unknown key `\(entry.key)`\(hint); a cohort-varying value takes base, multiply and by_cohort, or is a distribution {dist: …}")
                failed = true
            }
        }
        if base == nil && !failed {
            diagnostics.error(at: node, path + ".base", "missing required key `base`: the value before multipliers")
            return nil
        }
        guard let base, !failed else { return nil }
        let value = withImpliedFactors(CohortValue(base: base, factors: factors, overrides: overrides), path: path)
        checkResolvedRange(value, at: node, path, range)
        return value
    }

    /// Adds a neutral factor (fixed 1) for each `PATH.multiply.DIM.LEVEL` that an option sets
    /// but the file does not write, so the option's `set` has a value to replace.
    func withImpliedFactors(_ value: CohortValue, path: String) -> CohortValue {
        let prefix = path + ".multiply."
        var factors = value.factors
        for implied in impliedFactors.sorted() where implied.hasPrefix(prefix) {
            let parts = implied.dropFirst(prefix.count).split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let d = dimensionIndex(parts[0]), let l = dimensions[d].levels.firstIndex(of: parts[1]),
                  !factors.contains(where: { $0.dimension == d && $0.level == l })
            else { continue }
            factors.append(.init(dimension: d, level: l, value: .fixed(1, at: implied)))
        }
        return CohortValue(base: value.base, factors: factors, overrides: value.overrides)
    }

    /// Checks every cohort's value at the mean against `range` (e.g. a share of 0.14 × 3 × 3 = 1.26).
    func checkResolvedRange(_ value: CohortValue, at node: Node, _ path: String, _ range: ValueRange) {
        guard range != .any else { return }
        var bad: [(key: String, value: Double)] = []
        for (c, cohort) in cohorts.enumerated() {
            let resolved = value.value(for: cohort, index: c) { $0.distribution.mean }
            if range.problem(with: resolved) != nil { bad.append((cohort.key(in: dimensions), resolved)) }
        }
        guard let first = bad.first, let problem = range.problem(with: first.value) else { return }
        let more = bad.count > 1 ? " (and \(bad.count - 1) more cohorts)" : ""
        diagnostics.error(at: node, path, "resolves to \(NodeReader.format(first.value)) for cohort \(first.key)\(more); the value \(problem)")
    }

    /// A quantity for every year, or a list of exactly `horizon` quantities.
    func yearly(_ node: Node, _ path: String, _ range: ValueRange) -> YearlyValue? {
        guard case .sequence(let sequence) = node else {
            return parameter(node, path, range).map(YearlyValue.constant)
        }
        guard sequence.count == horizon else {
            diagnostics.error(at: node, path, "expected one value or a list of \(horizon) values (one per year of the horizon), found a list of \(sequence.count)")
            return nil
        }
        let values = sequence.enumerated().map { parameter($1, "\(path).\($0)", range) }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        return YearlyValue(values: values.map { $0! })
    }
}
