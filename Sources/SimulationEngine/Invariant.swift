/// Facts that MODEL.md §2's equations guarantee, checked while the engine runs in debug and test
/// builds and compiled out of release builds (the `PHM_INVARIANTS` flag, set in Package.swift for
/// the debug configuration), so a slip in a vectorised loop fails a test at the year and cohort
/// where it happens instead of surfacing as a plausible wrong number in a report.
///
/// Each check is a pure function that returns the violation, or nil when the fact holds, so a
/// test can show that a violation is caught; ``require(_:)`` stops the run on one. The checks
/// read the engine's buffers in place (no copies), so a debug run stays responsive to Ctrl-C.
public enum Invariant {
    /// Relative slack for sums over cohorts or lines, which round differently from their parts.
    public static let tolerance = 1e-9

    /// Whether this build checks the invariants (true in debug and test builds).
    public static let isEnabled: Bool = {
        #if PHM_INVARIANTS
        return true
        #else
        return false
        #endif
    }()

    /// A broken invariant: which one, and where.
    public struct Violation: Error, CustomStringConvertible, Equatable {
        public let invariant: String
        public let detail: String
        public var description: String { "invariant \(invariant) broken: \(detail)" }
    }

    /// Stops the run on a violation (a bug in the engine, not in the scenario).
    @inline(__always)
    static func require(_ violation: @autoclosure () -> Violation?) {
        if let violation = violation() { preconditionFailure(violation.description) }
    }

    /// `0 ≤ P[c,k] ≤ N[c]`: a need stock is never negative and never exceeds the cohort's
    /// population (MODEL.md §2, the stock clamp). `stock` is `[k*C + c]`, `population` is `[c]`.
    public static func stocksWithinPopulation(stock: UnsafeBufferPointer<Double>, population: UnsafeBufferPointer<Double>, year: Int) -> Violation? {
        let C = population.count
        for i in stock.indices {
            let p = stock[i], n = population[i % C]
            if !(p >= 0 && p <= n * (1 + tolerance)) {
                return Violation(invariant: "0 ≤ P ≤ N", detail: "year \(year), need \(i / C), cohort \(i % C): P = \(p), N = \(n)")
            }
        }
        return nil
    }

    /// `0 ≤ A ≤ D` in every cohort and `ΣA ≤ K` (MODEL.md §2, proportional rationing), with
    /// activity `A = D − U` from a service's demand `D[c]` and unmet demand `U[c]` in one year.
    public static func activityWithinDemand(demand: UnsafeBufferPointer<Double>, unmet: UnsafeBufferPointer<Double>, capacity: Double, service: Int, year: Int) -> Violation? {
        var activity = 0.0
        for c in demand.indices {
            let a = demand[c] - unmet[c]
            if !(unmet[c] >= 0 && a >= -tolerance * demand[c] && a <= demand[c]) {
                return Violation(invariant: "0 ≤ A ≤ D", detail: "year \(year), service \(service), cohort \(c): D = \(demand[c]), U = \(unmet[c])")
            }
            activity += a
        }
        if activity > max(capacity, 0) * (1 + tolerance) + tolerance {
            return Violation(invariant: "ΣA ≤ K", detail: "year \(year), service \(service): activity \(activity) above capacity \(capacity)")
        }
        return nil
    }

    /// Shifts move money between budget lines without making or losing any: each year's total
    /// over lines, `[line*T + t]`, is the same after the shifts as before (MODEL.md §1, an option's `shift`;
    /// the clamp of a line below 0 that follows is a separate, documented step).
    public static func moneyConserved(before: [Double], after: [Double], years T: Int) -> Violation? {
        let lines = before.count / max(T, 1)
        for t in 0..<T {
            var total = (before: 0.0, after: 0.0, scale: 0.0)
            for line in 0..<lines {
                total.before += before[line * T + t]
                total.after += after[line * T + t]
                total.scale += abs(before[line * T + t]) + abs(after[line * T + t])
            }
            if !(abs(total.after - total.before) <= tolerance * max(total.scale, 1)) {
                return Violation(invariant: "money conserved by shifts", detail: "year \(t): £\(total.before) before the shifts, £\(total.after) after")
            }
        }
        return nil
    }
}
