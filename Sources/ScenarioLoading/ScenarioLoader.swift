import Foundation
import ScenarioModel
import Yams

/// Loads and validates scenario files (MODEL.md §1).
///
/// Every problem in the file is found in one pass and reported as a ``Diagnostic``; a
/// ``Scenario`` is returned only when there are none.
public enum ScenarioLoader {
    /// Loads the scenario at `path` (cohort tables are read relative to its folder).
    /// - Throws: ``ScenarioLoadError``.
    public static func load(path: String) throws -> Scenario {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioLoadError.unreadable(file: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ScenarioLoadError.unreadable(file: path, reason: "it is a folder, not a scenario file")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ScenarioLoadError.unreadable(file: path, reason: "not readable as UTF-8 text")
        }
        return try parse(text, file: path, directory: url.deletingLastPathComponent())
    }

    /// Parses scenario text; `file` names it in diagnostics and `directory` resolves tables.
    public static func parse(_ text: String, file: String, directory: URL) throws -> Scenario {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioLoadError.invalid([diagnostic(for: error, file: file)])
        }
        guard let node, !NodeReader.isNull(node) else { throw ScenarioLoadError.empty(file: file) }
        var parser = ScenarioParser(file: file, directory: directory)
        guard case .mapping(let mapping) = node, mapping["name"] != nil || mapping["horizon"] != nil || mapping["services"] != nil else {
            parser.diagnostics.error(at: node, "", "this is not a scenario file: expected a mapping with name, horizon, dimensions, cohorts, services (see `phm new`)")
            throw ScenarioLoadError.invalid(parser.diagnostics.sorted)
        }
        let scenario = parser.readScenario(node)
        guard parser.diagnostics.isEmpty, let scenario else {
            throw ScenarioLoadError.invalid(parser.diagnostics.sorted)
        }
        return scenario
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Diagnostic(file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax error: \(detail)")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, line: 0, column: 0, path: "", message: "cannot read the file: \(problem)")
        default:
            return Diagnostic(file: file, line: 0, column: 0, path: "", message: "YAML error: \(error)")
        }
    }
}
