import Foundation
import ScenarioModel

/// Response curves cached as JSON in `<results>/<scenario>/.cache/curves-<key>.json`, keyed by
/// the scenario's fingerprint and every setting that shapes the curves (levels, draws, seed,
/// deterministic mode), so optimising the same scenario again skips the simulation.
public struct CurveCache: Sendable {
    public let file: URL

    public init(root: String, scenarioHash: String, scenario: Scenario, levels: BudgetLevels, draws: Int, seed: UInt64,
                deterministic: Bool) {
        let key = "curves-v1|\(scenarioHash)|\(levels)|\(draws)|\(seed)|\(deterministic)"
        let name = "curves-\(Fingerprint.hex(Fingerprint.fnv1a64(Array(key.utf8)))).json"
        file = URL(fileURLWithPath: root).appendingPathComponent(scenario.name).appendingPathComponent(".cache").appendingPathComponent(name)
    }

    /// The cached curves, or nil when there are none (or the file cannot be read as curves).
    public func load() -> ResponseCurves? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        return try? JSONDecoder().decode(ResponseCurves.self, from: data)
    }

    /// Stores the curves (atomically: a reader never sees half a file).
    public func store(_ curves: ResponseCurves) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(curves).write(to: file, options: .atomic)
    }
}
