import Foundation

/// The NumPy reference (`Tests/reference/phm_reference.py`, the independent implementation the
/// engine is tested against) timed in its bench mode, vectorised over draws and cohorts.
public struct ReferenceTiming: Sendable {
    /// The reference, relative to the repository root (where `phm-bench` runs).
    public static let script = "Tests/reference/phm_reference.py"

    public let seconds: Double
    public let cohortYearsPerSecond: Double

    /// Runs `python Tests/reference/phm_reference.py bench SCENARIO --draws N`.
    public static func measure(python: String, scenario: String, draws: Int) async throws -> ReferenceTiming {
        let failure = "the NumPy reference failed (run from the repository root, or pass --python '')"
        let json = try await PythonHelper.json(python: python, arguments: [script, "bench", scenario, "--draws", "\(draws)"],
                                               failure: failure)
        guard let seconds = json["seconds"] as? Double, let rate = json["cohort_years_per_second"] as? Double else {
            throw BenchmarkError.python(failure)
        }
        return ReferenceTiming(seconds: seconds, cohortYearsPerSecond: rate)
    }

}
