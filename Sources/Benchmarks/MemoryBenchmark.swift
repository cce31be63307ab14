import Foundation

/// The memory figures of issue 18: the peak resident memory of a whole `phm run` (simulate,
/// summarise, write every file and the report) of a workload, against a limit.
///
/// Each size runs in a process of its own (``PeakMemory/ofChild(executable:arguments:log:)``).
/// Two sizes are measured, a tenth of the draws and all of them, so the figure also gives the
/// growth per draw and a straight-line projection to the target draw count when the measured
/// count is below it: a run at the target itself can take hours, and with memory that grows per
/// draw it could exhaust the machine. A projection is printed as one, never as a measurement.
public struct MemoryBenchmark: Sendable {
    /// The issue's bound for every figure.
    public static let limitMiB = 300

    /// A short name for its log files (`bench`, `starter`) and the name printed.
    public let id: String
    public let name: String
    public let scenario: String
    /// Draws measured (the larger size) and the issue's target count.
    public let draws: Int
    public let targetDraws: Int

    public init(id: String, name: String, scenario: String, draws: Int, targetDraws: Int) {
        self.id = id
        self.name = name
        self.scenario = scenario
        self.draws = draws
        self.targetDraws = targetDraws
    }

    /// What was measured.
    public struct Figure: Sendable {
        public let small: (draws: Int, run: PeakMemory.ChildRun)
        public let large: (draws: Int, run: PeakMemory.ChildRun)
        public let targetDraws: Int

        public init(small: (draws: Int, run: PeakMemory.ChildRun), large: (draws: Int, run: PeakMemory.ChildRun), targetDraws: Int) {
            self.small = small
            self.large = large
            self.targetDraws = targetDraws
        }

        /// Growth per draw between the two sizes, in KiB.
        public var kibPerDraw: Double {
            Double(large.run.mebibytes - small.run.mebibytes) * 1024 / Double(max(1, large.draws - small.draws))
        }

        /// Peak at the target draw count: measured when it was run, else the line through the two sizes.
        public var atTarget: (mebibytes: Int, projected: Bool) {
            if large.draws >= targetDraws { return (large.run.mebibytes, false) }
            let projected = Double(large.run.mebibytes) + kibPerDraw / 1024 * Double(targetDraws - large.draws)
            return (Int(projected.rounded(.up)), true)
        }
    }

    /// Runs `phm run` of the scenario at a tenth of the draws and at all of them.
    /// - Throws: ``BenchmarkError/child(_:)`` when phm cannot start or a run fails (its log is named).
    public func measure(phm: String, threads: Int, folder: URL) throws(BenchmarkError) -> Figure {
        func run(_ count: Int) throws(BenchmarkError) -> (draws: Int, run: PeakMemory.ChildRun) {
            let log = folder.appendingPathComponent("\(id)-\(count).log").path
            let result = try PeakMemory.ofChild(
                executable: phm,
                arguments: ["run", scenario, "--draws", "\(count)", "--threads", "\(threads)", "--out", folder.appendingPathComponent("out").path],
                log: log)
            guard result.status == 0 else {
                throw .child("phm run \(scenario) --draws \(count) ended with status \(result.status) after \(String(format: "%.0f", result.seconds)) s at \(result.mebibytes) MiB; see \(log)")
            }
            return (count, result)
        }
        let small = try run(max(1, draws / 10))
        return Figure(small: small, large: try run(draws), targetDraws: targetDraws)
    }

    /// The figure's lines, e.g. `peak memory, phm run of bench (…): 120 MiB at 10,000 draws …`.
    public func lines(_ figure: Figure) -> [String] {
        let limit = Self.limitMiB
        let (target, projected) = figure.atTarget
        let verdict = target <= limit ? "within" : "over"
        return [
            "peak resident memory, phm run of \(name): \(figure.small.run.mebibytes) MiB at \(Self.count(figure.small.draws)) draws, "
                + "\(figure.large.run.mebibytes) MiB at \(Self.count(figure.large.draws)) draws (\(String(format: "%.0f", figure.large.run.seconds)) s); "
                + "growth \(String(format: "%.2f", figure.kibPerDraw)) KiB per draw",
            "  at \(Self.count(figure.targetDraws)) draws: \(target) MiB \(projected ? "projected on that line (not run)" : "measured"), "
                + "limit \(limit) MiB: \(String(format: "%.2f", Double(target) / Double(limit)))× the limit, \(verdict)",
        ]
    }

    static func count(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
