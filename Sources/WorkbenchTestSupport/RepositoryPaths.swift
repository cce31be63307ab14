import Foundation

/// Where the repository's folders are, found from this source file so tests run from any
/// working directory.
public enum RepositoryPaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // WorkbenchTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // repository

    public static var scenarios: URL { root.appendingPathComponent("Scenarios") }

    /// The example scenarios in `Scenarios/` (not the benchmark workload).
    public static var exampleScenarios: [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(at: scenarios, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    public static var benchScenario: URL { scenarios.appendingPathComponent("bench/bench.yaml") }

    /// Test scenarios the engine is checked against the NumPy reference on, besides the examples.
    public static var referenceScenarios: [URL] {
        let folder = root.appendingPathComponent("Tests/reference/scenarios")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }
}
