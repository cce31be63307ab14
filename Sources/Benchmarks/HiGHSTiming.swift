import Foundation

/// HiGHS (`highspy`) solving MPS files in one Python process, through `bench/highs_bench.py`:
/// reading and solving are timed separately for each file.
public struct HiGHSTiming: Sendable {
    /// The helper script, relative to the repository root (where `phm-bench` runs).
    public static let script = "bench/highs_bench.py"

    public let version: String
    public let readSeconds: [Double]
    public let solveSeconds: [Double]
    public let objectives: [Double]

    public var meanReadSeconds: Double { readSeconds.reduce(0, +) / Double(max(readSeconds.count, 1)) }
    public var meanSolveSeconds: Double { solveSeconds.reduce(0, +) / Double(max(solveSeconds.count, 1)) }

    /// Runs `python bench/highs_bench.py FILE…` from the current directory (the repository root)
    /// and reads the JSON it prints.
    public static func measure(python: String, files: [String]) async throws -> HiGHSTiming {
        let json = try await PythonHelper.json(
            python: python, arguments: [script] + files,
            failure: "HiGHS (highspy) failed on the frontier MPS files (pip install highspy, run from the repository root, or pass --python '')")
        guard let version = json["highs_version"] as? String,
              let read = json["read_seconds"] as? [Double], let solve = json["solve_seconds"] as? [Double],
              let objectives = json["objectives"] as? [Double], objectives.count == files.count
        else {
            throw BenchmarkError.python("\(script) printed an unexpected answer")
        }
        return HiGHSTiming(version: version, readSeconds: read, solveSeconds: solve, objectives: objectives)
    }
}
