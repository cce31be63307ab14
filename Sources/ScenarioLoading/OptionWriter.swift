import Foundation
import ScenarioModel

/// Adds an allocation to a scenario file as an option with `budgets:` (`--save-option`), keeping
/// the rest of the file (comments included) as written.
///
/// The option goes at the end of the top-level `options:` block (a new block at the end of the
/// file when there is none). The new text is loaded with the scenario loader before it replaces
/// anything, so a file that would not validate is never written.
public enum OptionWriter {
    /// - Returns: the path written.
    /// - Throws: ``OptionWriterError``; nothing is written then.
    public static func save(_ option: ScenarioOption, named name: String, scenario: Scenario, file: String,
                            to destination: String?) throws(OptionWriterError) -> String {
        let original: String
        do {
            original = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw .cannotRead(path: file, reason: error.localizedDescription)
        }
        let text = try insert(optionText(option, named: name, scenario: scenario), into: original)
        let target = destination ?? file
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        let staging = targetURL.deletingLastPathComponent().appendingPathComponent(".\(targetURL.lastPathComponent).phm-new")
        do {
            try text.write(to: staging, atomically: true, encoding: .utf8)
        } catch {
            throw .cannotWrite(path: target, reason: error.localizedDescription)
        }
        do {
            _ = try ScenarioLoader.load(path: staging.path)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw .doesNotLoad(String(describing: error))
        }
        // rename(2) replaces the destination atomically: a reader sees the old file or the new one.
        guard rename(staging.path, targetURL.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw .cannotWrite(path: target, reason: reason)
        }
        return target
    }

    /// The option as YAML lines indented for a place under `options:` (two spaces).
    public static func optionText(_ option: ScenarioOption, named name: String, scenario: Scenario) -> [String] {
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
    public static func insert(_ option: [String], into original: String) throws(OptionWriterError) -> String {
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
            throw .inlineOptions
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

    public static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
