import Allocation
import XCTest

/// Upper concave envelopes worked by hand.
final class ConcaveEnvelopeTests: XCTestCase {
    func testConcavePointsAreTheirOwnEnvelope() {
        // slopes 3, 2, 1: already concave
        XCTAssertEqual(ConcaveEnvelope.values(x: [0, 1, 2, 3], y: [0, 3, 5, 6]), [0, 3, 5, 6])
        // falling curve with slopes 5, 1, −3
        XCTAssertEqual(ConcaveEnvelope.values(x: [0, 1, 2, 3], y: [-5, 0, 1, -2]), [-5, 0, 1, -2])
    }

    func testDipAfterAFixedCostIsBridged() {
        // (1, 0) lies below the chord (0,0)–(2,4), whose value at 1 is 2; (2,4)–(3,5) has slope 1 < 2.
        XCTAssertEqual(ConcaveEnvelope.values(x: [0, 1, 2, 3], y: [0, 0, 4, 5]), [0, 2, 4, 5])
        XCTAssertEqual(ConcaveEnvelope.slopes(x: [0, 1, 2, 3], y: [0, 0, 4, 5]), [2, 2, 1])
    }

    func testCollinearPointsStayOnTheEnvelope() {
        // (0,0), (1,1), (2,2) collinear, then slope 0.5
        XCTAssertEqual(ConcaveEnvelope.values(x: [0, 1, 2, 3], y: [0, 1, 2, 2.5]), [0, 1, 2, 2.5])
        // all collinear
        XCTAssertEqual(ConcaveEnvelope.values(x: [0, 2, 4], y: [1, 2, 3]), [1, 2, 3])
    }

    func testUnevenSpacingAndConvexCurve() {
        // slopes 0.4 then 1.2 (convex): the chord (0,0)–(2,2) gives 0.5 at x = 0.5
        let values = ConcaveEnvelope.values(x: [0, 0.5, 2], y: [0, 0.2, 2])
        XCTAssertEqual(values[0], 0)
        XCTAssertEqual(values[1], 0.5, accuracy: 1e-15)
        XCTAssertEqual(values[2], 2)
        // a convex parabola y = x² on 0..4: the envelope is the chord y = 4x
        XCTAssertEqual(ConcaveEnvelope.values(x: [0, 1, 2, 3, 4], y: [0, 1, 4, 9, 16]), [0, 4, 8, 12, 16])
    }

    func testTwoDipsAndAPeak() {
        // points (0,0) (1,3) (2,1) (3,4) (4,4.5): hull (0,0)-(1,3)-(3,4)-(4,4.5)
        // value at 2 on the chord (1,3)-(3,4) is 3.5
        XCTAssertEqual(ConcaveEnvelope.values(x: [0, 1, 2, 3, 4], y: [0, 3, 1, 4, 4.5]), [0, 3, 3.5, 4, 4.5])
    }

    func testSinglePointAndSlopesNeverRise() {
        XCTAssertEqual(ConcaveEnvelope.values(x: [5], y: [7]), [7])
        let x: [Double] = [0, 1, 2, 3, 4, 5, 6, 7]
        let y: [Double] = [0, -1, 3, 2, 6, 6.5, 9, 9]
        let slopes = ConcaveEnvelope.slopes(x: x, y: y)
        for (a, b) in zip(slopes, slopes.dropFirst()) { XCTAssertGreaterThanOrEqual(a, b - 1e-12) }
        let envelope = ConcaveEnvelope.values(x: x, y: y)
        for (e, v) in zip(envelope, y) { XCTAssertGreaterThanOrEqual(e, v - 1e-12) }
    }
}
