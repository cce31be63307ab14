import Allocation
import ArgumentParser
import Foundation
import MonteCarlo
import Reporting
import RunAnalysis
import ScenarioLoading
import ScenarioModel

extension Workbench {
    struct Optimise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reallocate the budget lines by linear programming, then re-simulate the allocation.",
            discussion: """
                Simulates each line's response curve (the line at several budget levels, everything else today's, common random numbers), makes it concave and solves the allocation LP of MODEL.md §5 with Clp. Re-simulates the allocation beside the file's options, then prints first in words what moves (from £x to £y a year), what it buys (QALYs, deaths, the gap) and for whom, then the allocation, the gains by group (predicted and simulated) and every option, and last a technical appendix (LP objective, shadow prices). The LP adds up the lines' effects; the re-simulation shows the error.
                Curves are cached in <out>/<scenario>/.cache/. Writes <out>/<scenario>/<UTC time>-<hash>/: allocation.csv, summary.json, manifest.json, report.md, report.html and its charts (chart-*.svg); the last line printed is the path of report.html.

                Examples:
                  phm optimise Scenarios/pphmi-fund.yaml
                  phm optimise Scenarios/ics-core20plus5.yaml --objective atkinson
                  phm optimise Scenarios/upstream-shift.yaml --objective gap-limit \\
                      --gap 11.854 --write-mps lp.mps
                  phm optimise Scenarios/pphmi-fund.yaml --save-option lp-split \\
                      --save-to my-fund.yaml
                """)

        @Argument(help: "Scenario file.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @OptionGroup var allocation: AllocationOptions

        @Option(help: "Monte Carlo draws for the re-simulation (default: the scenario's monte_carlo.draws).")
        var draws: Int?

        @Option(help: "Folder under which results and the curve cache are written.")
        var out: String = "Results"

        @Flag(help: "Print summary.json to standard output instead of the tables.")
        var json = false

        @Option(help: "Write the LP in MPS format to FILE (to check it with another solver).")
        var writeMps: String?

        @Option(help: "Add the allocation to the scenario file as an option NAME with `budgets:`.")
        var saveOption: String?

        @Option(help: ArgumentHelp(
            "Refine the allocation by up to N rounds of successive linear programming (default: optimise.refine, else 0).",
            discussion: "Each round simulates new response curves around the last allocation (within a trust region, other lines at that allocation), solves the LP again and keeps the new allocation only if its simulation is better.",
            valueName: "N"))
        var refine: Int?

        @Option(help: "With --save-option: write a copy of the scenario with the option to PATH instead.")
        var saveTo: String?

        func validate() throws {
            if let draws, draws < 1 { throw ValidationError("--draws must be at least 1 (got \(draws))") }
            if allocation.stream.deterministic, let draws, draws != 1 {
                throw ValidationError("--deterministic runs one draw at the means; drop --draws \(draws) or --deterministic")
            }
            if let saveOption, saveOption.range(of: "^[A-Za-z0-9_-]+$", options: .regularExpression) == nil || saveOption == ScenarioOption.baseName {
                throw ValidationError("--save-option needs a name of letters, digits, - or _ other than base (got \(saveOption))")
            }
            if let refine, refine < 0 { throw ValidationError("--refine must be 0 (no refinement) or more rounds (got \(refine))") }
            if saveTo != nil && saveOption == nil { throw ValidationError("--save-to needs --save-option NAME") }
        }

        func run() async throws {
            let started = Date()
            let session = try await AllocationSession.prepare(file: file, options: allocation, out: out) { scenario in
                if let saveOption, scenario.options.contains(where: { $0.name == saveOption }) {
                    throw ValidationError("--save-option: the scenario already has an option `\(saveOption)`; choose another name")
                }
            }
            let scenario = session.scenario
            let first = try AllocationSession.check { () throws(AllocationError) in try session.problem.solve() }
            let (result, refinement) = try await refined(first, session: session)
            if let writeMps {
                do {
                    try AllocationProgram(session.problem).program.writeMPS(to: writeMps)
                } catch {
                    let status = if case .cannotWrite = error { ExitStatus.cannotCreate } else { ExitStatus.software }
                    throw Failure.exit("--write-mps: \(error)", status: status)
                }
            }
            let optionName = saveOption ?? Self.freeName("optimised", among: scenario.allOptions.map(\.name))
            let description = "phm optimise: \(result.objective) allocation, \(ISO8601DateFormatter().string(from: started))"
            let option = result.option(named: optionName, description: description, scenario: scenario, curves: session.curves)

            let variants = scenario.replacingOptions(scenario.options + [option])
            let settings = RunSettings(
                draws: draws ?? scenario.monteCarlo.draws, seed: session.seed, threads: allocation.stream.threadCount,
                deterministic: allocation.stream.deterministic, options: Array(variants.allOptions.indices))
            let table = try await MonteCarloRunner(scenario: variants, settings: settings).runInTerminal(label: "re-simulating")
            let summary = try RunSummary(scenario: variants, table: table, settings: settings)
            var report = OptimiseReport(session: session, result: result, summary: summary)
            report.refinement = refinement

            let manifest = RunManifest(
                toolVersion: WorkbenchVersion.current, scenario: scenario.name, scenarioFile: file,
                scenarioHash: session.hash, seed: settings.seed, draws: settings.draws, deterministic: settings.deterministic,
                threads: settings.threads, options: table.optionNames, countNoise: scenario.monteCarlo.countNoise.rawValue,
                startedUTC: ISO8601DateFormatter().string(from: started), wallSeconds: Date().timeIntervalSince(started),
                command: CommandLine.arguments)
            let folder = try WritePhase.write(root: out, scenario: scenario.name, hash: session.hash, date: started) { folder in
                try folder.write(try RunFiles.json(report), to: "summary.json")
                try folder.write(OptimiseText.allocationCSV(report), to: "allocation.csv")
                try ReportFiles.write(report.document(manifest: manifest), to: folder)
                try folder.commit(manifest: manifest)
            }

            if let saveOption {
                do {
                    let destination = try OptionWriter.save(option, named: saveOption, scenario: scenario, file: file, to: saveTo)
                    FileHandle.standardError.write(Data("saved option `\(saveOption)` to \(destination)\n".utf8))
                } catch {
                    throw Failure.exit(error.description, status: error.exitCode)
                }
            }
            if json {
                FileHandle.standardOutput.write(try RunFiles.json(report))
            } else {
                print(OptimiseText.text(report))
                print()
                OutputPaths.announce(folder.destination, out: out, scenario: scenario.name, report: true)
            }
        }

        /// `first` refined by `--refine` rounds (``AllocationRefinement``), with the rounds; `first`
        /// and nil without `--refine`.
        func refined(_ first: AllocationResult, session: AllocationSession) async throws -> (AllocationResult, [AllocationRefinement.Round]?) {
            let rounds = refine ?? session.settings.refine
            guard rounds > 0 else { return (first, nil) }
            let simulator = RefinementSimulator(
                scenario: session.scenario, curves: session.curves, draws: allocation.stream.deterministic ? 1 : session.settings.curveDraws,
                seed: session.seed, threads: allocation.stream.threadCount, deterministic: allocation.stream.deterministic
            ) { runner, label in try await runner.runInTerminal(label: label) }
            let opportunityCost = session.scenario.equity.opportunityCost.map { (perQaly: $0.perQaly, shares: $0.shares) }
            do {
                let refined = try await AllocationRefinement(rounds: rounds, opportunityCost: opportunityCost)
                    .run(problem: session.problem, start: first) { try await simulator.outcomes($0) }
                return (refined.result, refined.rounds)
            } catch let error as AllocationError {
                throw Failure.exit("--refine: \(error.description)", status: ExitStatus.dataError)
            }
        }

        static func freeName(_ name: String, among names: [String]) -> String {
            var candidate = name, n = 2
            while names.contains(candidate) { candidate = "\(name)-\(n)"; n += 1 }
            return candidate
        }
    }
}
