import ArgumentParser
import Foundation

/// HiGHS (`highspy`) solving MPS files in one Python process, through
/// `Tests/lp/highs_bench.py`: reading and solving are timed separately for each file.
struct HiGHSTiming {
    let version: String
    let readSeconds: [Double]
    let solveSeconds: [Double]
    let objectives: [Double]

    var meanReadSeconds: Double { readSeconds.reduce(0, +) / Double(max(readSeconds.count, 1)) }
    var meanSolveSeconds: Double { solveSeconds.reduce(0, +) / Double(max(solveSeconds.count, 1)) }

    /// Runs `python Tests/lp/highs_bench.py FILE…` from the current directory (the repository
    /// root) and reads the JSON it prints.
    static func measure(python: String, files: [String]) async throws -> HiGHSTiming {
        let json = try await Workbench.Bench.pythonJSON(python: python, arguments: ["Tests/lp/highs_bench.py"] + files,
                                                  failure: "HiGHS (highspy) failed on the frontier MPS files (pip install highspy, run from the repository root, or pass --python '')")
        guard let version = json["highs_version"] as? String,
              let read = json["read_seconds"] as? [Double], let solve = json["solve_seconds"] as? [Double],
              let objectives = json["objectives"] as? [Double], objectives.count == files.count
        else {
            throw ValidationError("Tests/lp/highs_bench.py printed an unexpected answer")
        }
        return HiGHSTiming(version: version, readSeconds: read, solveSeconds: solve, objectives: objectives)
    }
}
