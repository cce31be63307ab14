/// Keeps the root errors of a file and drops the ones that only follow from them.
///
/// A value that fails is left out of the scenario, so every later check that needs it fails too:
/// one `lag: -1` once added five errors about options and correlations that name the
/// intervention (with wrong "did you mean" hints), and one empty dimension 149 errors "unknown
/// level … the scenario defines none". Checks stay simple and independent; this filter decides
/// which of their findings a user should see.
enum FollowOnFilter {
    /// Sections whose items are referred to by name from elsewhere in the file.
    private static let namedSections: Set<String> = ["needs", "services", "interventions", "options", "dimensions"]

    static func roots(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let emptyList = diagnostics.filter { $0.message.hasSuffix("the scenario defines none") }
        // A list that is empty because its section failed: the section's error is the root.
        var kept = emptyList.count < diagnostics.count ? diagnostics.filter { !$0.message.hasSuffix("the scenario defines none") } : diagnostics
        // Items with an error of their own, including the follow-on errors just dropped (a service
        // whose only errors were "unknown level" is left out of the scenario all the same).
        let broken = brokenItems(in: diagnostics)
        kept = kept.filter { diagnostic in
            !broken.contains { item in
                !diagnostic.path.hasPrefix(item.prefix) && (mentions(diagnostic.path, item.name) || mentions(diagnostic.message, item.name))
            }
        }
        let cohortsFailed = kept.contains { $0.path == "cohorts" || $0.path.hasPrefix("cohorts.") }
        if cohortsFailed { kept.removeAll { $0.message.hasPrefix("unknown cohort ") } }
        return kept
    }

    /// `(name, "interventions.name")` for every named item that has an error of its own.
    private static func brokenItems(in diagnostics: [Diagnostic]) -> [(name: String, prefix: String)] {
        var items: [(name: String, prefix: String)] = []
        for diagnostic in diagnostics {
            let parts = diagnostic.path.split(separator: ".", maxSplits: 2)
            guard parts.count >= 2, namedSections.contains(String(parts[0])) else { continue }
            let prefix = "\(parts[0]).\(parts[1])"
            if !items.contains(where: { $0.prefix == prefix }) { items.append((String(parts[1]), prefix)) }
        }
        return items
    }

    /// Whether `text` names `name` as a whole word (not as part of a longer name).
    private static func mentions(_ text: String, _ name: String) -> Bool {
        var search = text[...]
        while let range = search.range(of: name) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !isNamePart(before) && !isNamePart(after) { return true }
            search = text[range.upperBound...]
        }
        return false
    }

    private static func isNamePart(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "_" || character == "-"
    }
}
