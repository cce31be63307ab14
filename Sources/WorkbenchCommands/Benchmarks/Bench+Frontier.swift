import ArgumentParser
import Foundation
import ScenarioModel

extension Workbench.Bench {
    /// The frontier benchmark: Clp with warm starts against HiGHS on the same MPS files, per point.
    /// Both solvers must reach the same optimum at every point (1e-7 relative), or the bench fails.
    func benchFrontier(_ scenario: Scenario) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("phm-frontier-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let points = frontierPoints, segments = frontierSegments
        FileHandle.standardError.write(Data("frontier: building and sweeping \(points) points…\n".utf8))
        let sweep = try await Interrupt.cancellingOnSIGINT {
            try FrontierBenchmark.measure(scenario: scenario, pointCount: points, segments: segments, directory: directory)
        }
        let lines = scenario.services.count + scenario.interventions.count
        print("frontier: \(lines) lines × \(scenario.groupNames.count) groups × \(scenario.horizon) years × \(segments) segments = \(sweep.variables) variables, \(sweep.constraints) constraints, \(sweep.terms) terms (built in \(Self.milliseconds(sweep.buildSeconds)))")
        print("  slopes: synthetic concave QALYs per £ from the scenario's means (line value × group need × discount × segment), not simulated")
        print("  gap limit, QALYs per person (least minus most deprived, change from baseline): \(String(format: "%.4g", sweep.unconstrainedGap)) (unconstrained) to \(String(format: "%.4g", sweep.smallestGap)) (smallest feasible)")
        let first = sweep.points[0]
        let warmIterations = sweep.warmPoints.map(\.iterations).reduce(0, +)
        print("  clp, warm starts:  first point \(Self.milliseconds(first.seconds)) (load + cold solve, \(first.iterations) iterations); then \(Self.milliseconds(sweep.meanWarmSeconds))/point (\(sweep.warmPoints.count) warm points, \(warmIterations / max(sweep.warmPoints.count, 1)) iterations each on average); all \(points): \(Self.milliseconds(sweep.meanSeconds))/point")
        guard !python.isEmpty else { return }

        let highs = try HiGHSTiming.measure(python: python, files: sweep.points.map(\.file))
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
