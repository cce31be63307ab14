/// An interval known to hold the root of an increasing function, used to safeguard the
/// Halley iterations that invert the incomplete gamma and beta functions.
///
/// Halley's method for `g(x) = 0` steps by `δ = (g/g′) / (1 − ½·(g/g′)·(g″/g′))` and converges
/// cubically near the root (Press et al., *Numerical Recipes*, 3rd ed., §9.4); far from it, it
/// can overshoot. Each evaluation narrows the bracket, and any step that would leave it is
/// replaced by bisection, so the iteration cannot diverge.
struct RootBracket {
    /// Enough for bisection alone to pin a double down; Halley normally needs 2–5.
    static let maxIterations = 200
    /// Stop when steps or the bracket shrink below this relative size.
    private static let tolerance = 4e-15

    var low: Double
    var high: Double

    /// Moves the end on the side of `x`: `error = g(x) < 0` means the root is above `x`.
    mutating func narrow(at x: Double, error: Double) {
        if error < 0 { low = x } else { high = x }
    }

    /// The next trial point after `x`, given `g(x) = error`, `g′(x) = slope` and
    /// `g″/g′ = curvature`, and whether the iteration has converged (the step or the bracket
    /// is down to rounding size; `point` is then the answer).
    ///
    /// The step is Halley's, or Newton's if the Halley correction would turn the step
    /// around; a step that leaves the bracket is replaced by bisection.
    func next(after x: Double, error: Double, slope: Double, curvature: Double) -> (point: Double, converged: Bool) {
        if high.isFinite && high - low <= Self.tolerance * high { return (x, true) }
        guard slope > 0 && slope.isFinite else { return (bisection(from: x), false) }
        let newton = error / slope
        let halley = newton / (1 - 0.5 * newton * curvature)
        let step = halley.isFinite && halley * newton > 0 ? halley : newton
        let point = x - step
        if step.magnitude <= Self.tolerance * x.magnitude {
            return (point >= low && point <= high ? point : x, true)
        }
        return point > low && point < high ? (point, false) : (bisection(from: x), false)
    }

    /// A point inside the bracket: doubling while it is open above, a geometric step while it
    /// spans orders of magnitude or starts at 0 (roots can be as small as 1e-300), otherwise
    /// the midpoint.
    private func bisection(from x: Double) -> Double {
        if high == .infinity { return 2 * max(x, low) }
        if low == 0 { return high / 16 }
        return high / low > 4 ? (low * high).squareRoot() : 0.5 * (low + high)
    }
}
