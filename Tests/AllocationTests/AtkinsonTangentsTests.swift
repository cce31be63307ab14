import Allocation
import Foundation
import XCTest

/// The piecewise-linear outer approximation of the Atkinson utility, worked by hand.
final class AtkinsonTangentsTests: XCTestCase {
    func testLogTangentsAtOneTwoThree() {
        // ε = 1, tangents at 1, 2, 3: at h = 1.5 they give 0.5, ln 2 − 1/4, ln 3 − 1/2; the lowest is ln 2 − 0.25.
        let tangents = AtkinsonTangents(epsilon: 1, range: 1...3, count: 3)
        XCTAssertEqual(tangents.points, [1, 2, 3])
        XCTAssertEqual(tangents.approximation(1.5), log(2) - 0.25, accuracy: 1e-15)
        // the gap over the exact ln 1.5 = 0.4054651: 0.0376821
        XCTAssertEqual(tangents.approximation(1.5) - log(1.5), 0.037682, accuracy: 1e-6)
        // exact at a tangent point
        XCTAssertEqual(tangents.approximation(2), log(2), accuracy: 1e-15)
    }

    func testEpsilonTwoAndZero() {
        // ε = 2: u = −1/h, u' = 1/h²; tangents at 1 and 3, at h = 2: −1 + 1 = 0 and −1/3 − 1/9 = −4/9
        let two = AtkinsonTangents(epsilon: 2, range: 1...3, count: 2)
        XCTAssertEqual(two.approximation(2), -4.0 / 9, accuracy: 1e-15)
        XCTAssertGreaterThanOrEqual(two.approximation(2), two.utility(2))   // −4/9 ≥ −1/2
        // ε = 0 is linear: one tangent, exact everywhere
        let zero = AtkinsonTangents(epsilon: 0, range: 1...3, count: 5)
        XCTAssertEqual(zero.points.count, 1)
        XCTAssertEqual(zero.approximation(2.7), 2.7, accuracy: 1e-15)
    }
}
