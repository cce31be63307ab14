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
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ScenarioLoadError.unreadable(file: path, reason: FileProblem.reason(error))
        }
        return try parse(data: data, file: path, directory: url.deletingLastPathComponent())
    }

    /// Parses the bytes of a scenario file: text that is not UTF-8, control characters and tabs
    /// in the indentation are reported with their position before YAML parsing.
    public static func parse(data: Data, file: String, directory: URL) throws -> Scenario {
        if data.isEmpty { throw ScenarioLoadError.empty(file: file) }
        switch TextCheck.text(data, file: file) {
        case .success(let text): return try parse(text, file: file, directory: directory)
        case .failure(let error): throw error
        }
    }

    /// Parses scenario text; `file` names it in diagnostics and `directory` resolves tables.
    public static func parse(_ text: String, file: String, directory: URL) throws -> Scenario {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioLoadError.invalid([YAMLProblem.diagnostic(for: error, text: text, file: file)])
        } catch {
            throw ScenarioLoadError.invalid([Diagnostic(file: file, line: 0, column: 0, path: "", message: "not YAML that phm can read")])
        }
        guard let node, !NodeReader.isNull(node) else { throw ScenarioLoadError.empty(file: file) }
        var parser = ScenarioParser(file: file, directory: directory)
        guard case .mapping(let mapping) = node, mapping["name"] != nil || mapping["horizon"] != nil || mapping["services"] != nil else {
            parser.diagnostics.error(at: node, "", "this is not a scenario file: expected a mapping with name, horizon, dimensions, cohorts, services (see `phm new`)")
            throw ScenarioLoadError.invalid(parser.diagnostics.sorted)
        }
        let scenario = parser.readScenario(node)
        guard parser.diagnostics.isEmpty, let scenario else {
            throw ScenarioLoadError.invalid(FollowOnFilter.roots(parser.diagnostics.sorted))
        }
        return scenario
    }
}
