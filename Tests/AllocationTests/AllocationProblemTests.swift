import Allocation
import XCTest

/// The allocation LP on a case small enough to solve by hand.
///
/// Two lines with £1m a year each today, breakpoints £0, £1m, £2m; two groups of 100 people with
/// baseline health 10 (A) and 20 (B); no opportunity cost. Line `a` helps only A: −3 QALYs at £0,
/// +2 at £2m (slopes 3 then 2 per £m). Line `b` helps only B: −8 at £0, +6 at £2m (slopes 8, 6).
/// Moving m £m from a to b (0 ≤ m ≤ 1) changes total health by 6m − 3m = 3m and the gap
/// h_B − h_A = 10 + (6m + 3m)/100 by 0.09m; moving n £m from b to a changes the total by
/// 2n − 8n = −6n and the gap by −0.1n.
final class AllocationProblemTests: XCTestCase {
    static let curves = ResponseCurves(
        groups: ["A", "B"], populations: [100, 100], baseQalys: [1000, 2000], baseCost: 2e6, draws: 1,
        lines: [
            LineCurve(name: "a", current: 1e6, profile: [1], levels: [0, 1e6, 2e6],
                      qalyGain: [[-3, 0], [0, 0], [2, 0]], costChange: [-1e6, 0, 1e6]),
            LineCurve(name: "b", current: 1e6, profile: [1], levels: [0, 1e6, 2e6],
                      qalyGain: [[0, -8], [0, 0], [0, 6]], costChange: [-1e6, 0, 1e6]),
        ])

    func problem(_ objective: AllocationObjective, noGroupWorseOff: Bool = false) throws -> AllocationProblem {
        try AllocationProblem(
            curves: Self.curves, objective: objective, total: 2e6, atMost: false, bounds: [0...2e6, 0...2e6],
            noGroupWorseOff: noGroupWorseOff, baselineHealth: [10, 20], opportunityCost: nil)
    }

    func testTotalHealthMovesEverythingToTheSteeperLine() throws {
        let result = try problem(.totalHealth).solve()
        XCTAssertEqual(result.objectiveValue, 3, accuracy: 1e-9)
        XCTAssertEqual(result.lines[0].optimal, 0, accuracy: 1e-3)
        XCTAssertEqual(result.lines[1].optimal, 2e6, accuracy: 1e-3)
        XCTAssertEqual(result.groups[0].netGain, -3, accuracy: 1e-9)
        XCTAssertEqual(result.groups[1].health, 20.06, accuracy: 1e-12)
        // one more £1m can only go to a (b is at its upper bound): worth a's first slope, 3
        XCTAssertEqual(result.totalPricePerMillion, 3, accuracy: 1e-9)
        // b's upper bound is worth its slope 6 less the price of money, 3, per £1m
        XCTAssertEqual(result.lines[1].binding, "upper")
        XCTAssertEqual(result.lines[1].boundPricePerMillion ?? .nan, 3, accuracy: 1e-9)
        XCTAssertTrue(result.outOfOrderLines.isEmpty)
    }

    func testMaximinHelpsTheWorstOff() throws {
        let result = try problem(.maximin).solve()
        // all money to a: h_A = 10 + 2/100
        XCTAssertEqual(result.objectiveValue, 10.02, accuracy: 1e-9)
        XCTAssertEqual(result.lines[0].optimal, 2e6, accuracy: 1e-3)
    }

    func testWeightedObjective() throws {
        // weights 5, 1: b → a gains 5·2 − 8 = 2 per £m; a → b loses 5·3 − 6 = 9
        let result = try problem(.weighted([5, 1])).solve()
        XCTAssertEqual(result.objectiveValue, 2, accuracy: 1e-9)
        XCTAssertEqual(result.lines[0].optimal, 2e6, accuracy: 1e-3)
        // weights 3, 1: neither move pays (−3 and −2 per £m)
        XCTAssertEqual(try problem(.weighted([3, 1])).solve().objectiveValue, 0, accuracy: 1e-9)
    }

    func testGapLimitAndItsPrice() throws {
        // δ = 10.045 allows m = 0.5: total 1.5; closing the gap by 0.09 costs 3 QALYs, a price of 33.3
        let result = try problem(.gapLimit(10.045)).solve()
        XCTAssertEqual(result.objectiveValue, 1.5, accuracy: 1e-9)
        XCTAssertEqual(result.lines[1].optimal, 1.5e6, accuracy: 1e-3)
        XCTAssertEqual(result.gapPrice ?? .nan, 3 / 0.09, accuracy: 1e-7)
        // δ = 9.95 needs n = 0.5 the other way: total −3, price 6/0.1 = 60
        let tight = try problem(.gapLimit(9.95)).solve()
        XCTAssertEqual(tight.objectiveValue, -3, accuracy: 1e-9)
        XCTAssertEqual(tight.gapPrice ?? .nan, 60, accuracy: 1e-7)
    }

    func testNoGroupWorseOffKeepsTodaysAllocation() throws {
        // every move takes health from one group, so today's allocation is the only one allowed
        let result = try problem(.totalHealth, noGroupWorseOff: true).solve()
        XCTAssertEqual(result.objectiveValue, 0, accuracy: 1e-9)
        XCTAssertEqual(result.lines[0].optimal, 1e6, accuracy: 1e-3)
    }

    func testAtkinsonApproximationGapAtTheSolution() throws {
        // ε = 1 at m = 0: d/dm [½ ln(10 − 0.03m) + ½ ln(20 + 0.06m)] = ½(−0.003 + 0.003) = 0 and the
        // welfare falls either way, so the optimum is ½(ln 10 + ln 20). The tangents may let the LP
        // stop a little way along the flat top; the gap is LP value − exact welfare of its solution.
        // The LP's value is the welfare change Σ N_g (ln h_g − ln b_g), 0 at the optimum.
        let result = try problem(.atkinson(epsilon: 1)).solve()
        let h = result.groups.map(\.health)
        let exactAtSolution = 100 * (log(h[0]) - log(10)) + 100 * (log(h[1]) - log(20))
        let gap = try XCTUnwrap(result.approximationGap)
        XCTAssertEqual(result.objectiveValue - gap, exactAtSolution, accuracy: 1e-12)
        XCTAssertGreaterThanOrEqual(gap, -1e-12)
        XCTAssertLessThan(gap, 1e-4)
        XCTAssertEqual(exactAtSolution, 0, accuracy: 1e-4)
        XCTAssertEqual(result.lines[0].optimal, 1e6, accuracy: 5e4)
    }

    func testFrontierSweepsFromUnconstrainedToSmallestGap() throws {
        let frontier = try EquityFrontier(problem: problem(.totalHealth), points: 3)
        XCTAssertEqual(frontier.unconstrainedGap, 10.09, accuracy: 1e-9)
        XCTAssertEqual(frontier.smallestGap, 9.90, accuracy: 1e-9)
        XCTAssertEqual(frontier.points.map(\.totalHealth)[0], 3, accuracy: 1e-6)
        // middle δ = 9.995: n = 0.05, total −0.3, price 60
        XCTAssertEqual(frontier.points[1].totalHealth, -0.3, accuracy: 1e-6)
        XCTAssertEqual(frontier.points[1].shadowPrice, 60, accuracy: 1e-6)
        XCTAssertEqual(frontier.points[2].totalHealth, -6, accuracy: 1e-6)
    }

    func testTotalOutOfReach() {
        XCTAssertThrowsError(try AllocationProblem(
            curves: Self.curves, objective: .totalHealth, total: 5e6, atMost: false, bounds: [0...2e6, 0...2e6],
            noGroupWorseOff: false, baselineHealth: [10, 20], opportunityCost: nil)) { error in
            XCTAssertEqual(error as? AllocationError, .totalOutOfReach(total: 5e6, lowest: 0, highest: 4e6))
        }
    }
}
