import Numerics

/// The standard normal distribution N(0, 1): its CDF Φ and quantile Φ⁻¹.
///
/// Φ⁻¹ turns uniforms into normals by inversion (one uniform per normal, monotone, so a
/// stream's normals keep their positions), and Φ maps the Gaussian copula's correlated normals
/// back to uniforms (MODEL.md §1, "Correlations").
public enum StandardNormal {
    /// Φ(x) = ½·erfc(−x/√2), accurate to a few ulps in both tails because erfc is.
    public static func cdf(_ x: Double) -> Double {
        0.5 * Double.erfc(-x * 0.5.squareRoot())
    }

    /// Φ⁻¹(p), the z with Φ(z) = p; −∞ at 0, +∞ at 1, NaN outside [0, 1].
    ///
    /// Algorithm AS 241 (PPND16) of M. J. Wichura, "The percentage points of the normal
    /// distribution", Applied Statistics 37 (1988) 477–484: a rational minimax approximation
    /// of degree 7 in three regions, with relative error about 1e-16. For |p − ½| ≤ 0.425 it is
    /// `q·A(r)/B(r)` with `q = p − ½`, `r = 0.180625 − q²`; in the tails it uses
    /// `r = √(−ln min(p, 1 − p))`, one approximation for r ≤ 5 and another beyond.
    public static func quantile(_ p: Double) -> Double {
        quantile(lower: p, upper: 1 - p)
    }

    /// Φ⁻¹ given both tail probabilities `p` and `q = 1 − p`, so that an upper tail known
    /// more precisely than `1 − p` (e.g. `Φ(−z)` for large `z`) keeps its precision.
    ///
    /// The coefficients are those of AS 241 (A, B for the centre; C, D for r ≤ 5; E, F beyond),
    /// evaluated by Horner's rule.
    static func quantile(lower p: Double, upper q: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        let centred = p - 0.5
        if centred.magnitude <= 0.425 {
            let r = 0.180625 - centred * centred
            let a = ((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r + 6.7265770927008700853e4) * r
                + 4.5921953931549871457e4) * r + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r
                + 1.3314166789178437745e2) * r + 3.3871328727963666080e0
            let b = ((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r + 3.9307895800092710610e4) * r
                + 2.1213794301586595867e4) * r + 5.3941960214247511077e3) * r + 6.8718700749205790830e2) * r
                + 4.2313330701600911252e1) * r + 1
            return centred * a / b
        }
        let tail = min(p, q)
        if tail <= 0 { return centred < 0 ? -.infinity : .infinity }
        var r = (-Double.log(tail)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            let c = ((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
                + 1.27045825245236838258e0) * r + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                + 4.63033784615654529590e0) * r + 1.42343711074968357734e0
            let d = ((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
                + 1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                + 2.05319162663775882187e0) * r + 1
            value = c / d
        } else {
            r -= 5
            let e = ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
                + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                + 5.46378491116411436990e0) * r + 6.65790464350110377720e0
            let f = ((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r
                + 7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                + 5.99832206555887937690e-1) * r + 1
            value = e / f
        }
        return centred < 0 ? -value : value
    }
}
