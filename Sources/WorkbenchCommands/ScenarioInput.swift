import ArgumentParser
import Foundation
import ParameterSampling
import Reporting
import ScenarioLoading
import ScenarioModel

/// Loads a scenario for a command: diagnostics to standard error and the sysexits code on failure.
enum ScenarioInput {
    static func load(_ path: String) throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: path)
        } catch let error as ScenarioLoadError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitCode)
        }
    }

    /// Fingerprint of the scenario file and of what was loaded from it (cohort tables included).
    static func hash(path: String, scenario: Scenario) -> String {
        let file = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        let seed = Fingerprint.fnv1a64(file)
        return Fingerprint.hex(Fingerprint.fnv1a64(Array("\(scenario)".utf8), seed: seed))
    }
}
