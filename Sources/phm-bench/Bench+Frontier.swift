import ArgumentParser
import Benchmarks
import Foundation
import ScenarioModel
import WorkbenchCommands

extension Bench {
    /// The frontier benchmark: Clp with warm starts against HiGHS on the same MPS files, per point.
    /// Both solvers must reach the same optimum at every point (1e-7 relative), or the bench fails.
    func benchFrontier(_ scenario: Scenario) async throws {
        let directory = frontierMpsDir ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("phm-frontier-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if frontierMpsDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let points = frontierPoints, levels = frontierLevels
        let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        FileHandle.standardError.write(Data("frontier: simulating response curves, building and sweeping \(points) points…\n".utf8))
        let sweep = try await Interrupt.cancellingOnSIGINT {
            try await FrontierBenchmark.measure(scenario: scenario, pointCount: points, levels: levels, threads: threads,
                                                directory: directory)
        }
        let lines = scenario.budgetLines.count, groups = scenario.groupNames.count
        print("frontier: \(lines) lines × \(groups) groups × \(scenario.horizon) years, segments between \(levels + 1)–\(levels + 2) curve levels = \(sweep.variables) variables, \(sweep.constraints) constraints, \(sweep.terms) terms")
        print("  slopes: concave envelopes of response curves simulated by the engine (deterministic, \(Self.milliseconds(sweep.curveSeconds))); program built in \(Self.milliseconds(sweep.buildSeconds))")
        print("  gap limit, QALYs per 100,000 people (least minus most deprived, change from baseline): \(String(format: "%.1f", sweep.unconstrainedGap)) (unconstrained) to \(String(format: "%.1f", sweep.smallestGap)) (smallest feasible)")
        let first = sweep.points[0]
        let warmIterations = sweep.warmPoints.map(\.iterations).reduce(0, +)
        print("  clp, warm starts:  first point \(Self.milliseconds(first.seconds)) (load + cold solve, \(first.iterations) iterations); then \(Self.milliseconds(sweep.meanWarmSeconds))/point (\(sweep.warmPoints.count) warm points, \(warmIterations / max(sweep.warmPoints.count, 1)) iterations each on average); all \(points): \(Self.milliseconds(sweep.meanSeconds))/point")
        guard !python.isEmpty else { return }

        FileHandle.standardError.write(Data("frontier: HiGHS solving the \(points) MPS files…\n".utf8))
        let files = sweep.points.map(\.file), python = python
        // Ctrl-C stops Python and phm, which then removes the temporary MPS files.
        let highs = try await Interrupt.cancellingOnSIGINT { try await HiGHSTiming.measure(python: python, files: files) }
        let highsPerPoint = highs.meanReadSeconds + highs.meanSolveSeconds
        print("  highs \(highs.version), each file cold: read \(Self.milliseconds(highs.meanReadSeconds)) + solve \(Self.milliseconds(highs.meanSolveSeconds)) = \(Self.milliseconds(highsPerPoint))/point")
        print("  ratio highs / clp per point: \(String(format: "%.2f", highsPerPoint / sweep.meanSeconds))× (solve only: \(String(format: "%.2f", highs.meanSolveSeconds / sweep.meanSeconds))×; target ≥ 1)")
        let differences = zip(sweep.points, highs.objectives).map { abs($0.objective - $1) / max(1, abs($1)) }
        let worst = differences.max() ?? 0
        print("  objectives: clp and highs agree to \(String(format: "%.1e", worst)) relative (worst of \(points) points; required ≤ 1e-7)")
        if worst > 1e-7 {
            let index = differences.firstIndex(of: worst) ?? 0
            FileHandle.standardError.write(Data("error: frontier point \(index): clp \(sweep.points[index].objective), highs \(highs.objectives[index])\n".utf8))
            throw ExitCode.failure
        }
    }

    static func milliseconds(_ seconds: Double) -> String {
        String(format: seconds < 0.01 ? "%.2f ms" : "%.1f ms", seconds * 1000)
    }
}
