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
            abstract: "Compare each contract's payment models on the same draws: cash by financial year, each party's P&L, caps, incentive.",
            discussion: """
                Reads the scenario's `contracts` (MODEL.md §6, Scenarios/README.md "Contracts"). For one option (default base) it runs the plan (base at the means), the Monte Carlo draws, and for each contract the same draws with 1% of the contract's demand removed, and prints for each party what it gets, what it could lose and whether the contract rewards prevention, then the commissioner's nominal cash per financial year and each party's P&L.
                Writes Results/<scenario>/<UTC time>-<hash>/ atomically (Ctrl-C leaves no partial folder):
                  manifest.json          how to replay the run (scenario hash, seed, draws)
                  payments.json          every number below, per contract and model: cash_by_year, parties, triggers
                  payments.csv           each party's P&L per contract and model, £ a year
                  payments_yearly.csv    the payment per financial year: mean, P5, P95, worst
                  payments_triggers.csv  how often each cap, floor, threshold and outcome payment applies
                  payments_draws.csv     each draw's payment and party margins, £ a year
                  payments.xlsx          all of it for Excel: summary in words, one sheet per table, notes
                  report.md, report.html, chart-*.svg   the report and its charts

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

        @Option(help: ArgumentHelp("Share of draws beyond the worst case (default 0.01: the 99th percentile of a payment, the 1st of a margin).", valueName: "share"))
        var worst: Double = PaymentStudy.defaultWorstShare

        @Option(help: "Folder under which results are written.")
        var out: String = "Results"

        @Flag(help: "Print payments.json to standard output instead of the tables.")
        var json = false

        func validate() throws {
            guard worst > 0, worst < 0.5 else { throw ValidationError("--worst: expected a share of draws above 0 and below 0.5 (e.g. 0.01 for 1 in 100), found \(worst)") }
        }

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
                study = try PaymentStudy(scenario: scenario, settings: settings, option: optionIndex, worstShare: worst)
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
            let folder = try WritePhase.write(root: out, scenario: scenario.name, hash: hash, date: started) { folder in
                try PaymentFiles.write(report: report, manifest: manifest, to: folder)
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
