import Allocation
import ArgumentParser
import Foundation
import Reporting
import ScenarioModel

extension Workbench {
    struct Frontier: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sweep the gap limit to trace the equity–efficiency frontier of the allocation.",
            discussion: """
                Solves the total-health allocation of MODEL.md §5 under a limit δ on the health gap h_last − h_first, for --points limits from the unconstrained optimum's gap down to the smallest gap any allocation reaches, warm-starting Clp from one point to the next. Prints total net health, the Atkinson index (ε = 1) and the price of equity (QALYs of total net health forgone per day of the gap closed, per person), marking where it rises steeply. Writes <out>/<scenario>/<UTC time>-<hash>/frontier.csv, manifest.json, report.md, report.html, chart-frontier.svg and chart-frontier-price.svg (the last line printed is the path of report.html); curves come from the same cache as `phm optimise`.

                Examples:
                  phm frontier Scenarios/upstream-shift.yaml
                  phm frontier Scenarios/ics-core20plus5.yaml --points 41 \\
                      --no-group-worse-off
                """)

        @Argument(help: "Scenario file.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @OptionGroup var allocation: AllocationOptions

        @Option(help: "Number of gap limits on the frontier (at least 2).")
        var points = 21

        @Option(help: "Folder under which results and the curve cache are written.")
        var out: String = "Results"

        @Flag(help: "Print the frontier as JSON (lines, unconstrained and smallest gap, points, the units of each figure and its reading in days: days closed, price per day and per 1% of the gap, degenerate cases) instead of the table.")
        var json = false

        func validate() throws {
            if points < 2 { throw ValidationError("--points must be at least 2 (got \(points))") }
        }

        func run() async throws {
            let started = Date()
            let session = try await AllocationSession.prepare(file: file, options: allocation, out: out)
            let frontier = try AllocationSession.check { () throws(AllocationError) in
                try EquityFrontier(problem: session.problem, points: points)
            }
            let scenario = session.scenario
            let manifest = RunManifest(
                toolVersion: WorkbenchVersion.current, scenario: scenario.name, scenarioFile: file,
                scenarioHash: session.hash, seed: session.seed, draws: session.curves.draws, deterministic: allocation.stream.deterministic,
                threads: allocation.stream.threadCount, options: [], countNoise: scenario.monteCarlo.countNoise.rawValue,
                startedUTC: ISO8601DateFormatter().string(from: started), wallSeconds: Date().timeIntervalSince(started),
                command: CommandLine.arguments)
            let folder = try WritePhase.write(root: out, scenario: scenario.name, hash: session.hash, date: started) { folder in
                try folder.write(FrontierText.csv(frontier), to: "frontier.csv")
                try ReportFiles.write(FrontierDocument.document(frontier, scenario: scenario.name, groups: scenario.groupNames,
                                                                baselineHealth: scenario.equity.baselineHealth != nil, manifest: manifest), to: folder)
                try folder.commit(manifest: manifest)
            }
            if json {
                FileHandle.standardOutput.write(try RunFiles.json(FrontierReport(frontier, baselineHealth: scenario.equity.baselineHealth != nil)))
            } else {
                print(FrontierText.text(frontier, scenario: scenario.name, groups: scenario.groupNames, baselineHealth: scenario.equity.baselineHealth != nil))
                print()
                OutputPaths.announce(folder.destination, out: out, scenario: scenario.name, report: true)
            }
        }
    }
}
