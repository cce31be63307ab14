import XCTest
import ParameterSampling
@testable import InformationValue

/// EVPPI by regression against cases whose answer is known.
final class PartialValueTests: XCTestCase {
    /// `n` uniform(0, 1) values from a Philox stream.
    static func uniforms(_ n: Int, path: String) -> [Double] {
        var stream = RandomStream(seed: 7, draw: 0, path: path)
        return (0..<n).map { _ in stream.uniform() }
    }

    /// Two options, one uncertain parameter θ ~ U(0, 1), INB = 1000(θ − 0.4). Then
    /// EVPI = E[max(0, INB)] − max(0, E[INB]) = 1000·∫₀.₄¹ (t − 0.4) dt − 100 = 180 − 100 = 80, and
    /// E[INB | θ] = INB, so EVPPI(θ) = EVPI: on the sample the regression must reproduce EVPI to
    /// within its standard error (a straight line is unpenalised, so the fit is exact).
    func testOnlyUncertainParameterHasEVPPIEqualToEVPI() {
        let theta = Self.uniforms(2_000, path: "theta")
        let inb = [theta.map { 1000 * ($0 - 0.4) }]
        let evpi = InformationEstimate.perfect(inb)
        XCTAssertEqual(evpi, 80, accuracy: 5, "sample EVPI near the exact 80")
        let evppi = InformationEstimate.partial(incremental: inb, inputs: [theta], seed: 1, key: "theta")
        XCTAssertEqual(evppi.value, evpi, accuracy: max(2 * evppi.standardError, 1e-6 * evpi))
    }

    /// INB = 1000(θ − 0.4) + 300(ψ − 0.5) with θ, ψ, φ ~ U(0, 1) independent. E[INB | θ] = 1000(θ − 0.4),
    /// so EVPPI(θ) is the sample mean of max(0, 1000(θ − 0.4)) less max(0, mean INB); φ does not enter
    /// net benefit, so its EVPPI is indistinguishable from 0; the group {θ, ψ} explains INB exactly,
    /// so its EVPPI equals EVPI.
    func testNoiseParameterIsZeroAndGroupRecoversEVPI() {
        let n = 3_000
        let theta = Self.uniforms(n, path: "theta"), psi = Self.uniforms(n, path: "psi"), phi = Self.uniforms(n, path: "phi")
        let inb = [(0..<n).map { 1000 * (theta[$0] - 0.4) + 300 * (psi[$0] - 0.5) }]
        let current = max(0, inb[0].reduce(0, +) / Double(n))
        let expected = theta.reduce(0) { $0 + max(0, 1000 * ($1 - 0.4)) } / Double(n) - current
        let byTheta = InformationEstimate.partial(incremental: inb, inputs: [theta], seed: 1, key: "theta")
        XCTAssertGreaterThan(byTheta.standardError, 0)
        XCTAssertEqual(byTheta.value, expected, accuracy: 3 * byTheta.standardError + 0.5)
        let byPhi = InformationEstimate.partial(incremental: inb, inputs: [phi], seed: 1, key: "phi")
        XCTAssertEqual(byPhi.value, 0, accuracy: max(3 * byPhi.standardError, 1e-9))
        XCTAssertLessThan(byPhi.value, 0.02 * expected)
        let group = InformationEstimate.partial(incremental: inb, inputs: [theta, psi], seed: 1, key: "group")
        XCTAssertEqual(group.value, InformationEstimate.perfect(inb), accuracy: max(3 * group.standardError, 1e-6 * expected))
    }

    /// A curved response, INB = 1000(θ² − 0.3): E[max(0, INB)] = 1000·∫_{√0.3}^1 (t² − 0.3) dt
    /// = 1000·(1/3 − 0.3 − (0.3^{3/2}/3 − 0.3^{3/2})) = 1000·(0.0333… + 0.10954…) = 142.9 and
    /// E[INB] = 33.3, so EVPPI = EVPI ≈ 109.5: the spline must follow the curve, not a line.
    func testCurvedResponse() {
        let theta = Self.uniforms(4_000, path: "curve")
        let inb = [theta.map { 1000 * ($0 * $0 - 0.3) }]
        let exact = 1000 * (1.0 / 3 - 0.3 + 2.0 / 3 * 0.3 * 0.3.squareRoot()) - 1000 * (1.0 / 3 - 0.3)
        XCTAssertEqual(exact, 109.5445, accuracy: 1e-3)
        let evppi = InformationEstimate.partial(incremental: inb, inputs: [theta], seed: 1, key: "curve")
        XCTAssertEqual(evppi.value, InformationEstimate.perfect(inb), accuracy: max(3 * evppi.standardError, 0.01))
        XCTAssertEqual(evppi.value, exact, accuracy: 6, "within Monte Carlo error of 4,000 draws")
    }

    /// The spline basis sums to 1 everywhere (partition of unity) and its penalty ignores lines.
    func testBasisPartitionOfUnityAndPenaltyNullSpace() {
        let basis = CubicSplineBasis(low: 2, high: 5, segments: 6)
        for x in stride(from: 2.0, through: 5.0, by: 0.37) {
            let v = basis.evaluate(x).values
            XCTAssertEqual(v.0 + v.1 + v.2 + v.3, 1, accuracy: 1e-14)
        }
        let n = basis.count, penalty = basis.differencePenalty
        let line = (0..<n).map { 3 + 2 * Double($0) }
        let quadratic = (0..<n).reduce(0.0) { sum, i in sum + (0..<n).reduce(0.0) { $0 + line[i] * penalty[i * n + $1] * line[$1] } }
        XCTAssertEqual(quadratic, 0, accuracy: 1e-9)
    }
}
