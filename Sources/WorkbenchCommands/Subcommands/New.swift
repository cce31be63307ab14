import ArgumentParser
import Foundation
import ScenarioLoading

extension Workbench {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented starter scenario that validates.",
            discussion: """
                Writes NAME.yaml in the current folder (or --output FILE; `-` for standard output).

                Examples:
                  phm new my-ics
                  phm new my-ics --output Scenarios/my-ics.yaml
                """)

        @Argument(help: "Scenario name: lower-case letters, digits and hyphens.")
        var name: String

        @Option(name: .shortAndLong, help: "Where to write the scenario (default NAME.yaml; - for standard output).")
        var output: String?

        func validate() throws {
            guard name.range(of: "^[a-z0-9-]+$", options: .regularExpression) != nil else {
                throw ValidationError("NAME must be lower-case letters, digits and hyphens, e.g. my-ics (got \(name))")
            }
        }

        func run() throws {
            let text = StarterScenario.text(name: name)
            let destination = output ?? "\(name).yaml"
            if destination == "-" {
                print(text, terminator: "")
                return
            }
            guard !FileManager.default.fileExists(atPath: destination) else {
                throw Failure.exit("\(destination) already exists; choose another name or --output", status: ExitStatus.cannotCreate)
            }
            do {
                try text.write(toFile: destination, atomically: true, encoding: .utf8)
            } catch {
                throw Failure.exit("cannot write \(destination): \(error.localizedDescription)", status: ExitStatus.cannotCreate)
            }
            print("wrote \(destination); check it with: phm validate \(destination)")
        }
    }
}
