import ArgumentParser
import Foundation
import ScenarioLoading
import ScenarioModel

/// Adds an allocation to a scenario file as an option with `budgets:` (`--save-option`), keeping
/// the rest of the file (comments included) as written.
///
/// The option goes at the end of the top-level `options:` block (a new block at the end of the
/// file when there is none). The new text is loaded with the scenario loader before it replaces
/// anything, so a file that would not validate is never written.
enum OptionWriter {
    /// - Returns: the path written.
    static func save(_ option: ScenarioOption, named name: String, scenario: Scenario, file: String, to destination: String?) throws -> String {
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let text = try insert(optionText(option, named: name, scenario: scenario), into: original)
        let target = destination ?? file
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        let staging = targetURL.deletingLastPathComponent().appendingPathComponent(".\(targetURL.lastPathComponent).phm-new")
        try text.write(to: staging, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: staging.path)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw ValidationError("--save-option: the scenario with the new option does not load, so nothing was written:\n\(error)")
        }
        // rename(2) replaces the destination atomically: a reader sees the old file or the new one.
        guard rename(staging.path, targetURL.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw ValidationError("--save-option: cannot write \(target): \(reason)")
        }
        return target
    }

    /// The option as YAML lines indented for a place under `options:` (two spaces).
    static func optionText(_ option: ScenarioOption, named name: String, scenario: Scenario) -> [String] {
        var lines = ["  \(name):", "    description: \(quoted(option.description))", "    budgets:"]
        for line in scenario.budgetLines {
            guard let yearly = option.budgets[line] else { continue }
            let values = yearly.map { String(Int($0.rounded())) }
            let value = Set(values).count == 1 ? values[0] : "[\(values.joined(separator: ", "))]"
            lines.append("      \(scenario.name(of: line)): \(value)")
        }
        if option.budgets.isEmpty { lines[lines.count - 1] = "    budgets: {}" }
        return lines
    }

    /// `original` with `option` at the end of its top-level `options:` mapping.
    static func insert(_ option: [String], into original: String) throws -> String {
        var lines = original.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("options:") }) else {
            return (lines + ["", "options:"] + option).joined(separator: "\n") + "\n"
        }
        // Indent like the file's first option (the text is written with two spaces a level).
        let firstChild = lines[(start + 1)...].first { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        let width = firstChild.map { $0.prefix { $0 == " " }.count } ?? 2
        let option = width == 2 || width == 0 ? option : option.map { line in
            let spaces = line.prefix { $0 == " " }.count
            return String(repeating: " ", count: spaces / 2 * width) + line.dropFirst(spaces)
        }
        let rest = lines[start].dropFirst("options:".count).trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw ValidationError("--save-option: `options:` is written inline; write it as a block (one option per indented key) to add to it")
        }
        // The block ends before the next top-level key (a line starting with neither a space nor #).
        var end = lines.count
        for i in (start + 1)..<lines.count {
            let line = lines[i]
            if let first = line.first, first != " ", first != "#", first != "\t" { end = i; break }
        }
        // Insert after the block's last indented line, before trailing blank lines and comments.
        var insertAt = end
        while insertAt > start + 1, !(lines[insertAt - 1].first == " " && !lines[insertAt - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#")) {
            insertAt -= 1
        }
        lines.insert(contentsOf: option, at: insertAt)
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
