import ArgumentParser
import Foundation
import MonteCarlo
import ScenarioModel

extension Workbench {
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the engine's speed against the NumPy reference on the benchmark workload.",
            discussion: """
                Reports cohort-years per second (one cohort, one year, one draw, one option) for the
                Swift engine and for Tests/reference/phm_reference.py vectorised over draws and cohorts,
                measured in the same run, and their ratio; then the peak resident memory of a run of
                --memory-draws draws. Build in release first (make release) for meaningful figures.

                Examples:
                  phm bench
                  phm bench --draws 2000 --threads 2 --memory-draws 10000
                """)

        @Option(help: "Scenario to time (default: Scenarios/bench/bench.yaml).")
        var scenario = "Scenarios/bench/bench.yaml"

        @Option(help: "Draws for the timing runs.")
        var draws = 1000

        @Option(help: "Worker threads (default: all cores).")
        var threads: Int?

        @Option(help: "Draws for the memory measurement (0 to skip).")
        var memoryDraws = 10_000

        @Option(help: "Python interpreter for the NumPy reference (empty to skip it).")
        var python = "python3"

        func run() async throws {
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
                let reference = try Self.reference(python: python, scenario: scenario, draws: draws)
                print("numpy reference: \(draws) draws in \(String(format: "%.2f", reference.seconds)) s = \(Self.rate(reference.rate)) cohort-years/s")
                print("ratio swift / numpy: \(String(format: "%.1f", swiftRate / reference.rate))×")
            }
            if memoryDraws > 0 {
                let big = RunSettings(draws: memoryDraws, seed: loaded.monteCarlo.seed, threads: threads, options: options)
                _ = try await MonteCarloRunner(scenario: loaded, settings: big).run()
                print("peak resident memory after \(memoryDraws) draws: \(Self.peakMemoryMiB()) MiB")
            }
        }

        static func rate(_ value: Double) -> String {
            value >= 1e6 ? String(format: "%.2f million", value / 1e6) : String(format: "%.0f", value)
        }

        /// Runs the NumPy reference's bench mode and reads its JSON line.
        static func reference(python: String, scenario: String, draws: Int) throws -> (seconds: Double, rate: Double) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [python, "Tests/reference/phm_reference.py", "bench", scenario, "--draws", "\(draws)"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                  let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let seconds = json["seconds"] as? Double, let rate = json["cohort_years_per_second"] as? Double
            else {
                throw ValidationError("the NumPy reference failed (run from the repository root, or pass --python '')")
            }
            return (seconds, rate)
        }

        /// Peak resident set size of this process (Linux reports ru_maxrss in KiB).
        static func peakMemoryMiB() -> Int {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return usage.ru_maxrss / 1024
        }
    }
}
