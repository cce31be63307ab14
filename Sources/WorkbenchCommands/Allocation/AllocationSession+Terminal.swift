import Allocation
import ArgumentParser
import Foundation
import ScenarioLoading
import ScenarioModel

extension AllocationSession {
    /// Loads `file`, writes the flags over its `optimise:` section and reads the response curves
    /// from the cache under `out`, or simulates them with a progress bar (Ctrl-C stops them).
    /// - Parameter check: the command's own checks of the loaded scenario, run before any work.
    static func prepare(file: String, options: AllocationOptions, out: String,
                        check checkScenario: (Scenario) throws -> Void = { _ in }) async throws -> AllocationSession {
        let scenario = try ScenarioInput.load(file)
        let settings = try options.settings(for: scenario)
        try checkScenario(scenario)
        let stream = options.stream
        let plan = try check { () throws(AllocationError) in
            try Plan(scenario: scenario, settings: settings, hash: ScenarioFingerprint.hash(path: file, scenario: scenario),
                     seed: stream.seed ?? scenario.monteCarlo.seed, deterministic: stream.deterministic, cacheRoot: out)
        }
        if let cached = plan.cachedCurves() {
            return try check { () throws(AllocationError) in try plan.session(curves: cached, fromCache: true) }
        }
        let progress = ProgressBar(total: plan.curveDraws, label: "response curves (\(scenario.budgetLines.count) lines, \(plan.pointCount) points)")
        let threads = stream.threadCount
        let curves = try await Interrupt.cancellingOnSIGINT {
            try await plan.simulateCurves(threads: threads) { progress.update($0) }
        }
        progress.finish()
        do {
            try plan.cache.store(curves)
        } catch {
            throw Failure.exit("cannot write the curve cache \(plan.cache.file.path): \(error.localizedDescription)",
                               status: ExitStatus.cannotCreate)
        }
        return try check { () throws(AllocationError) in try plan.session(curves: curves, fromCache: false) }
    }

    /// Runs `body`, turning an ``AllocationError`` into its message on standard error and exit 65
    /// (the scenario's allocation settings cannot be met).
    static func check<T>(_ body: () throws(AllocationError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Failure.exit(error.description, status: ExitStatus.dataError)
        }
    }
}
