import ArgumentParser
import Foundation
import MonteCarlo
import PaymentModels
import Reporting
import ScenarioLoading
import ScenarioModel

extension Workbench {
    struct Payments: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "payments",
            abstract: "Compare each contract's payment models on the same draws: payment, margin, risk, incentive.",
            discussion: """
                Reads the scenario's `contracts` (MODEL.md §6, Scenarios/README.md "Contracts"). For one
                option (default base) it runs the plan (base at the means), the Monte Carlo draws, and
                for each contract the same draws with 1% of the contract's demand removed, and prints a
                table per contract with one at-a-glance line per payment model.
                Writes Results/<scenario>/<UTC time>-<hash>/ (manifest.json, payments.json, payments.csv)
                atomically; Ctrl-C leaves no partial folder.

                Examples:
                  phm payments Scenarios/frailty-cohort.yaml --draws 500
                  phm payments Scenarios/frailty-cohort.yaml --option proactive-care-shift --json
                  phm payments Scenarios/ics-core20plus5.yaml --deterministic
                """)

        @Argument(help: "Scenario file with `contracts`.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @Option(help: "Option to report (default: base).")
        var option: String?

        @OptionGroup var draw: DrawOptions

        @Option(help: "Folder under which results are written (default: Results).")
        var out: String = "Results"

        @Flag(help: "Print payments.json to standard output instead of the tables.")
        var json = false

        func run() async throws {
            let scenario = try ScenarioInput.load(file)
            let names = scenario.allOptions.map(\.name)
            let chosen = option ?? ScenarioOption.baseName
            guard let optionIndex = names.firstIndex(of: chosen) else {
                throw ValidationError("--option: unknown option `\(chosen)`; the scenario has \(names.joined(separator: ", "))")
            }
            let settings = draw.settings(for: scenario, options: [optionIndex])
            let study: PaymentStudy
            do {
                study = try PaymentStudy(scenario: scenario, settings: settings, option: optionIndex)
            } catch let error as PaymentStudyError {
                FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
                throw ExitCode(ExitStatus.dataError)
            }
            let started = Date()
            let progress = ProgressBar(total: study.totalDraws, label: "simulating")
            let report = try await Interrupt.cancellingOnSIGINT {
                try await study.run { progress.update($0) }
            }
            progress.finish()
            let hash = ScenarioFingerprint.hash(path: file, scenario: scenario)
            let manifest = RunManifest(
                toolVersion: WorkbenchVersion.current, scenario: scenario.name, scenarioFile: file,
                scenarioHash: hash, seed: study.settings.seed, draws: study.settings.draws, deterministic: study.settings.deterministic,
                threads: study.settings.threads, options: [report.option], countNoise: scenario.monteCarlo.countNoise.rawValue,
                startedUTC: ISO8601DateFormatter().string(from: started), wallSeconds: Date().timeIntervalSince(started),
                command: CommandLine.arguments)
            let folder = try Failure.writingResults(under: out) {
                let folder = try ResultsFolder(root: URL(fileURLWithPath: out), scenario: scenario.name, hash: hash, date: started)
                try PaymentFiles.write(report: report, manifest: manifest, to: folder)
                return folder
            }
            if json {
                FileHandle.standardOutput.write(try RunFiles.json(report))
            } else {
                print(PaymentTable.text(report))
                print()
                OutputPaths.announce(folder.destination, out: out, scenario: scenario.name, report: true)
            }
        }
    }
}
