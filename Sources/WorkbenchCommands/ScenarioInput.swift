import ArgumentParser
import Foundation
import ScenarioLoading
import ScenarioModel

/// Loads a scenario for a command: diagnostics to standard error and the sysexits code on failure.
public enum ScenarioInput {
    public static func load(_ path: String) throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: path)
        } catch let error as ScenarioLoadError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitCode)
        }
    }
}
