import ScenarioModel
import Yams

extension ScenarioParser {
    /// `voi: {groups: {NAME: [PATH, …]}}`: each path must name an uncertain parameter (as in
    /// `correlations`, `…base` may be left out), at most once per group.
    func readInformationGroups(_ entry: NodeReader.Entry, parameters: [String: Parameter], options: [ScenarioOption]) -> [Scenario.InformationGroup] {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.valueOfInformation),
              let groupsEntry = keys["groups"],
              let groups = reader.entries(groupsEntry.value, groupsEntry.path, expected: "a mapping of group names to lists of key paths")
        else { return [] }
        // Options' own `set` values are parameters too (`options.NAME.set.PATH`).
        var known = parameters
        for option in options { for override in option.overrides { known[override.value.path] = override.value } }
        var result: [Scenario.InformationGroup] = []
        for group in groups {
            guard let items = reader.sequence(group.value, group.path, expected: "a list of parameter key paths") else { continue }
            var paths: [String] = []
            for (k, node) in items.enumerated() {
                let p = "\(group.path).\(k)"
                guard let name = reader.string(node, p, what: "a parameter key path") else { continue }
                guard let parameter = known[name] ?? known[name + ".base"] else {
                    diagnostics.error(at: node, p, "no value at key path `\(name)`\(NameSuggestion.hint(for: name, among: known.keys))")
                    continue
                }
                guard parameter.distribution.isUncertain else {
                    diagnostics.error(at: node, p, "`\(name)` is a fixed number; only uncertain parameters have a value of information")
                    continue
                }
                guard !paths.contains(parameter.path) else {
                    diagnostics.error(at: node, p, "`\(name)` is already in group `\(group.key)`")
                    continue
                }
                paths.append(parameter.path)
            }
            if items.isEmpty { diagnostics.error(at: group.value, group.path, "expected at least one parameter key path") }
            result.append(Scenario.InformationGroup(name: group.key, paths: paths))
        }
        return result
    }
}
