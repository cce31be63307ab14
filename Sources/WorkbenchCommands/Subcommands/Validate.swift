import ArgumentParser
import Foundation
import ScenarioLoading
import ScenarioModel

extension Workbench {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files and print a one-line census of each.",
            discussion: """
                Every problem in a file is reported in one pass as FILE:LINE:COLUMN: KEY.PATH: message.
                Exit code 65 when any file is invalid, 66 when a file is missing or empty.

                Examples:
                  phm validate Scenarios/ics-core20plus5.yaml
                  phm validate Scenarios/*.yaml
                """)

        @Argument(help: "Scenario files to check.", completion: .file(extensions: ["yaml", "yml"]))
        var files: [String]

        func run() throws {
            var worst: Int32 = 0
            for file in files {
                do {
                    let scenario = try ScenarioLoader.load(path: file)
                    print("\(file): ok — \(Census(scenario))")
                } catch let error as ScenarioLoadError {
                    FileHandle.standardError.write(Data((error.description + "\n").utf8))
                    worst = max(worst, error.exitCode)
                }
            }
            if worst != 0 { throw ExitCode(worst) }
        }
    }
}
