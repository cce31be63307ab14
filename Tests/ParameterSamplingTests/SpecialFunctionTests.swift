import XCTest
@testable import ParameterSampling

/// Reference values computed with mpmath 1.x at 40 significant digits
/// (`mp.gammainc(a, 0, x, regularized=True)`, `mp.betainc(a, b, 0, x, regularized=True)`,
/// `√2·erfinv(2p − 1)`), and scipy.special.ndtri for p = 1e-300.
final class SpecialFunctionTests: XCTestCase {
    func testNormalQuantileAgainstReferenceValues() {
        let cases: [(p: Double, z: Double)] = [
            (1e-300, -37.0470962993612), (1e-20, -9.262340089798407), (1e-10, -6.361340902404057),
            (0.001, -3.0902323061678136), (0.02425, -1.972961051311885), (0.1, -1.2815515655446004),
            (0.3, -0.5244005127080408), (0.5, 0), (0.6, 0.2533471031357997), (0.975, 1.9599639845400538),
            (0.999, 3.090232306167813), (0.999999999999, 7.0344869100478356),
        ]
        for (p, z) in cases {
            XCTAssertEqual(StandardNormal.quantile(p), z, accuracy: 2e-15 * max(1, abs(z)), "Φ⁻¹(\(p))")
        }
        XCTAssertEqual(StandardNormal.quantile(0), -.infinity)
        XCTAssertEqual(StandardNormal.quantile(1), .infinity)
        XCTAssert(StandardNormal.quantile(1.5).isNaN)
    }

    /// Φ(Φ⁻¹(p)) = p across the three regions of AS 241, to the precision a relative error
    /// of 1e-15 in z (AS 241 plus erfc) allows: dp/p ≈ z²·(dz/z) in the tail.
    func testNormalQuantileInvertsTheCDF() {
        for exponent in stride(from: -300.0, through: -1, by: 7) {
            let p = Double.pow(10, exponent)
            let z = StandardNormal.quantile(p)
            XCTAssertEqual(StandardNormal.cdf(z), p, accuracy: 1e-15 * max(1, z * z) * p, "p = \(p)")
        }
        for p in stride(from: 0.01, through: 0.99, by: 0.01) {
            XCTAssertEqual(StandardNormal.cdf(StandardNormal.quantile(p)), p, accuracy: 2e-16 * 4, "p = \(p)")
        }
    }

    func testIncompleteGammaAgainstReferenceValues() {
        let cases: [(a: Double, x: Double, p: Double, q: Double)] = [
            (0.25, 0.01, 0.34818645276048404, 0.6518135472395159),
            (0.25, 1.0, 0.9320788679898911, 0.06792113201010881),
            (0.5, 2.0, 0.9544997361036416, 0.04550026389635842),
            (1.0, 3.0, 0.950212931632136, 0.049787068367863944),
            (3.5, 2.0, 0.22022259152428408, 0.779777408475716),
            (3.5, 10.0, 0.9944303169270544, 0.005569683072945571),
            (30.0, 25.0, 0.18210391597745512, 0.8178960840225449),
            (100.0, 120.0, 0.9721362601094793, 0.027863739890520663),
            (0.01, 1e-5, 0.8963367982671973, 0.1036632017328028),
            (1000, 1000, 0.5042052441802155, 0.4957947558197845),
            (3.5, 40.0, 0.9999999999999862, 1.377501829742615e-14),
            (30.0, 5.0, 2.8175176155779225e-14, 0.9999999999999718),
            (0.25, 50.0, 1.0, 2.788194848158256e-24),
        ]
        for c in cases {
            let (p, q) = IncompleteGamma.regularized(a: c.a, x: c.x, logGammaA: Double.logGamma(c.a))
            // The smaller tail is computed directly and must be accurate relative to itself.
            XCTAssertEqual(p, c.p, accuracy: 1e-12 * min(c.p, 0.5) + 1e-16, "P(\(c.a), \(c.x))")
            XCTAssertEqual(q, c.q, accuracy: 1e-12 * min(c.q, 0.5) + 1e-16, "Q(\(c.a), \(c.x))")
        }
    }

    func testIncompleteBetaAgainstReferenceValues() {
        let cases: [(a: Double, b: Double, x: Double, lower: Double, upper: Double)] = [
            (0.5, 0.5, 0.1, 0.20483276469913345, 0.7951672353008665),
            (2, 3, 0.4, 0.5248, 0.4752),
            (0.137, 6.7, 0.01, 0.725047444959761, 0.27495255504023897),
            (3.9, 191.1, 0.02, 0.565381102991786, 0.434618897008214),
            (50, 1.02, 0.99, 0.6146580859171649, 0.3853419140828351),
            (1, 5, 0.3, 0.83193, 0.16807),
            (200, 300, 0.41, 0.6776281647721789, 0.32237183522782104),
            (0.1, 0.1, 0.999, 0.7457583434113918, 0.2542416565886082),
            (2, 3, 1e-6, 5.999992000003e-12, 0.999999999994),
            (5, 2, 0.999999, 0.999999999985, 1.4999960000907665e-11),
        ]
        for c in cases {
            let logBeta = Double.logGamma(c.a) + Double.logGamma(c.b) - Double.logGamma(c.a + c.b)
            let (lower, upper) = IncompleteBeta.regularized(a: c.a, b: c.b, x: c.x, logBeta: logBeta)
            XCTAssertEqual(lower, c.lower, accuracy: 1e-12 * min(c.lower, 0.5) + 1e-16, "I(\(c.a), \(c.b), \(c.x))")
            XCTAssertEqual(upper, c.upper, accuracy: 1e-12 * min(c.upper, 0.5) + 1e-16, "1 − I(\(c.a), \(c.b), \(c.x))")
        }
    }

    /// Closed forms: P(1, x) = 1 − e⁻ˣ; I_x(a, 1) = xᵃ; I_x(1, b) = 1 − (1 − x)ᵇ.
    func testClosedForms() {
        for x in [0.001, 0.3, 1.0, 2.5, 20.0] {
            XCTAssertEqual(IncompleteGamma.regularized(a: 1, x: x, logGammaA: 0).lower, -Double.expMinusOne(-x),
                           accuracy: 1e-15)
        }
        for x in [0.001, 0.3, 0.5, 0.9, 0.999] {
            XCTAssertEqual(IncompleteBeta.regularized(a: 2.5, b: 1, x: x, logBeta: -Double.log(2.5)).lower,
                           Double.pow(x, 2.5), accuracy: 1e-14)
            XCTAssertEqual(IncompleteBeta.regularized(a: 1, b: 3.5, x: x, logBeta: -Double.log(3.5)).lower,
                           1 - Double.pow(1 - x, 3.5), accuracy: 1e-14)
        }
    }

    /// The inverses return the best double: the target probability lies between the function's
    /// values at the neighbours of the returned x (in both tails, for shapes from 0.01 to 10⁴).
    func testInversesAreAccurateToTheLastBit() {
        let probabilities = [1e-12, 1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-6, 1 - 1e-12]
        for a in [0.01, 0.25, 1, 3.5, 90, 10_000] {
            let logGammaA = Double.logGamma(a)
            for p in probabilities {
                let q = 1 - p
                let x = IncompleteGamma.inverse(a: a, lower: p, upper: q, logGammaA: logGammaA)
                let value = { (x: Double) in IncompleteGamma.regularized(a: a, x: x, logGammaA: logGammaA) }
                if p <= 0.5 {
                    SampleCheck.assertInverse(x, of: p, under: { value($0).lower }, "P⁻¹(\(a), \(p))")
                } else {
                    SampleCheck.assertInverse(x, of: -q, under: { -value($0).upper }, "Q⁻¹(\(a), \(q))")
                }
            }
        }
        for (a, b) in [(0.137, 6.7), (0.5, 0.5), (1, 5), (3.9, 191.1), (191.1, 3.9), (50, 1.02), (2, 2)] {
            let logBeta = Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b)
            for p in probabilities {
                let q = 1 - p
                let x = IncompleteBeta.inverse(a: a, b: b, lower: p, upper: q, logBeta: logBeta)
                let value = { (x: Double) in IncompleteBeta.regularized(a: a, b: b, x: x, logBeta: logBeta) }
                if p <= 0.5 {
                    SampleCheck.assertInverse(x, of: p, under: { value($0).lower }, "I⁻¹(\(a), \(b), \(p))")
                } else {
                    SampleCheck.assertInverse(x, of: -q, under: { -value($0).upper }, "I⁻¹(\(a), \(b), 1 − \(q))")
                }
            }
        }
    }
}
