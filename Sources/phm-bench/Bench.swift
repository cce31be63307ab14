import ArgumentParser
import Benchmarks
import Foundation
import MonteCarlo
import ScenarioLoading
import ScenarioModel
import WorkbenchCommands

/// `phm-bench`: the development benchmark, kept out of the shipped `phm` (it starts Python and
/// reads helper scripts from the repository checkout). Run it from the repository root.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phm-bench",
        abstract: "Measure the engine's speed against the NumPy reference on the benchmark workload.",
        discussion: """
            Reports cohort-years per second (one cohort, one year, one draw, one option) for the Swift engine and for the NumPy reference (Tests/reference/phm_reference.py) vectorised over draws and cohorts, measured in the same run, and their ratio. Build in release first (make bench builds phm-bench and phm) for meaningful figures.

            Then the memory figures: the peak resident memory of a whole `phm run` (the phm beside phm-bench, each in a process of its own) of the benchmark workload at --memory-draws draws and of the starter scenario (`phm new`) at --starter-memory-draws, each also at a tenth of the draws; the growth per draw between the two; and the peak at the targets (100,000 draws of the benchmark workload, 10,000,000 of the starter) against the 300 MiB limit, measured when run at the target, otherwise projected on that line and said so.

            Then the allocation frontier: the scenario's budget lines split by equity group and year into piecewise-linear segments (concave envelopes of response curves the engine simulates at --frontier-levels budget levels, see FrontierBenchmarkProgram), swept over --frontier-points gap limits with warm-started Clp solves; every point's MPS is then solved by HiGHS (highspy, bench/highs_bench.py) in one Python run, and the time per point of both is compared.

            Then the value of information: EVPI and the regression EVPPI of 20 parameters on --voi-draws draws of the scenario.

            Examples:
              phm-bench
              phm-bench --draws 2000 --threads 2 --memory-draws 100000 --starter-memory-draws 10000000
              phm-bench --draws 100 --memory-draws 0 --starter-memory-draws 0 --frontier-points 50
            """)

    @Option(help: "Scenario to time.")
    var scenario = "Scenarios/bench/bench.yaml"

    @Option(help: "Draws for the timing runs.")
    var draws = 1000

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(help: "Draws of the benchmark workload's memory figure (0 to skip; the target is 100000).")
    var memoryDraws = 10_000

    @Option(help: "Draws of the starter scenario's memory figure (0 to skip; the target is 10000000).")
    var starterMemoryDraws = 100_000

    @Option(help: "Python interpreter for the NumPy reference and HiGHS (empty to skip both).")
    var python = "python3"

    @Option(help: "Points on the benchmark allocation frontier (0 to skip it).")
    var frontierPoints = 50

    @Option(help: "Response-curve levels above 0 per line in the frontier benchmark (multiples of today's budget up to 3).")
    var frontierLevels = 8

    @Option(help: "Draws for the value-of-information timing, EVPPI of 20 parameters (0 to skip).")
    var voiDraws = 5_000

    @Option(help: "Keep the frontier's MPS files in this directory (default: a temporary one, removed afterwards).")
    var frontierMpsDir: String?

    func run() async throws {
        do {
            try await measure()
        } catch let error as BenchmarkError {
            // A helper failed (Python, highspy, the reference): say which, no usage text.
            FileHandle.standardError.write(Data("phm-bench: \(error)\n".utf8))
            throw ExitCode(ExitStatus.software)
        }
    }

    func measure() async throws {
        let loadStart = Date()
        let loaded = try ScenarioInput.load(scenario)
        print("loading \(scenario): \(String(format: "%.1f", Date().timeIntervalSince(loadStart) * 1000)) ms (target < 100 ms)")
        let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let options = Array(loaded.allOptions.indices)
        let cohortYears = Double(draws * loaded.cohorts.count * loaded.horizon * options.count)
        print("workload: \(scenario): \(loaded.cohorts.count) cohorts, \(loaded.needs.count) needs, \(loaded.services.count) services, \(loaded.interventions.count) interventions, \(loaded.horizon) years, \(options.count) options")

        let settings = RunSettings(draws: draws, seed: loaded.monteCarlo.seed, threads: threads, options: options)
        let runner = try MonteCarloRunner(scenario: loaded, settings: settings)
        let start = Date()
        _ = try await runner.run()
        let seconds = Date().timeIntervalSince(start)
        let swiftRate = cohortYears / seconds
        print("swift engine:    \(draws) draws in \(String(format: "%.2f", seconds)) s = \(Self.rate(swiftRate)) cohort-years/s (\(threads) threads)")

        if !python.isEmpty {
            let reference = try await ReferenceTiming.measure(python: python, scenario: scenario, draws: draws)
            print("numpy reference: \(draws) draws in \(String(format: "%.2f", reference.seconds)) s = \(Self.rate(reference.cohortYearsPerSecond)) cohort-years/s")
            print("ratio swift / numpy: \(String(format: "%.1f", swiftRate / reference.cohortYearsPerSecond))×")
        }
        if memoryDraws > 0 || starterMemoryDraws > 0 {
            try measureMemory(threads: threads)
        }
        if voiDraws > 0 {
            try await benchInformation(loaded, threads: threads)
        }
        if frontierPoints > 0 {
            try await benchFrontier(loaded)
        }
    }

    /// The two memory figures, each from `phm run` in processes of its own, in a temporary folder.
    func measureMemory(threads: Int) throws {
        let phm = URL(fileURLWithPath: Self.executable).deletingLastPathComponent().appendingPathComponent("phm").path
        guard FileManager.default.isExecutableFile(atPath: phm) else {
            throw BenchmarkError.child("no phm beside phm-bench at \(phm): build it too (make bench builds both)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phm-bench-memory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var benchmarks: [MemoryBenchmark] = []
        if memoryDraws > 0 {
            benchmarks.append(MemoryBenchmark(id: "bench", name: "the benchmark workload (\(scenario))", scenario: scenario, draws: memoryDraws, targetDraws: 100_000))
        }
        if starterMemoryDraws > 0 {
            let starter = folder.appendingPathComponent("starter.yaml").path
            let made = try PeakMemory.ofChild(executable: phm, arguments: ["new", "starter", "--output", starter],
                                              log: folder.appendingPathComponent("new.log").path)
            guard made.status == 0 else { throw BenchmarkError.child("phm new starter failed (status \(made.status))") }
            benchmarks.append(MemoryBenchmark(id: "starter", name: "the starter scenario (phm new)", scenario: starter, draws: starterMemoryDraws, targetDraws: 10_000_000))
        }
        for benchmark in benchmarks {
            let figure = try benchmark.measure(phm: phm, threads: threads, folder: folder)
            for line in benchmark.lines(figure) { print(line) }
        }
    }

    /// This process's executable (phm is built beside it).
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    func validate() throws {
        guard memoryDraws >= 0, starterMemoryDraws >= 0 else { throw ValidationError("--memory-draws and --starter-memory-draws must be 0 (skip) or more") }
        guard frontierPoints >= 0 else { throw ValidationError("--frontier-points must be 0 (skip) or more, not \(frontierPoints)") }
        guard frontierLevels >= 1 else { throw ValidationError("--frontier-levels must be at least 1, not \(frontierLevels)") }
    }

    static func rate(_ value: Double) -> String {
        value >= 1e6 ? String(format: "%.2f million", value / 1e6) : String(format: "%.0f", value)
    }
}
