import Foundation
import ScenarioModel

/// The fingerprint that names results folders and keys the response-curve cache.
public enum ScenarioFingerprint {
    /// Fingerprint of the scenario file and of what was loaded from it (cohort tables included):
    /// the file's bytes, the cohorts and every parameter in file order. The same inputs give the
    /// same fingerprint in every process (a description of the whole `Scenario` would not: it
    /// holds dictionaries, whose order changes from one process to the next).
    public static func hash(path: String, scenario: Scenario) -> String {
        let file = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        var hash = Fingerprint.fnv1a64(file)
        hash = Fingerprint.fnv1a64(Array("\(scenario.cohorts)".utf8), seed: hash)
        for parameter in scenario.allParameters {
            hash = Fingerprint.fnv1a64(Array("\(parameter.path)=\(parameter.distribution)".utf8), seed: hash)
        }
        return Fingerprint.hex(hash)
    }
}
