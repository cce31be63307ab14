import XCTest
import EquityAnalysis

/// Kolm welfare rankings and switches on the York DCEA app's "three individuals" example (see
/// WelfareRankingTests). Expected values from an independent NumPy/SciPy computation:
/// W = 3 · (−ln(mean(e^(−α h))) / α), and the switch from `scipy.optimize.brentq` on EDE_F − EDE_D.
final class KolmWelfareTests: XCTestCase {
    private let decisions: [[Double]] = [[20, 40, 60], [30, 45, 60], [20, 45, 70], [35, 40, 72], [26, 46, 69], [26, 46, 81]]

    private func evaluation() throws -> DistributionalEvaluation {
        try DistributionalEvaluation(
            groups: ["1", "2", "3"], populations: [1, 1, 1], optionNames: ["A", "B", "C", "D", "E", "F"],
            qalys: decisions.map { [$0] }, costs: decisions.map { _ in [0] })
    }

    func testRankingsAtThreeAversions() throws {
        let rankings = try evaluation().kolmRankings(alphas: [0.1, 0.5, 1])
        XCTAssertEqual(rankings.map(\.alpha), [0.1, 0.5, 1])
        // α = 0.1: D 123.277894 > B 115.719030 > F 107.042734 > E 106.794119 > C > A.
        XCTAssertEqual(rankings[0].order, [3, 1, 5, 4, 2, 0])
        XCTAssertEqual(rankings[0].welfare[3].mean, 123.27789391, accuracy: 5e-8)
        XCTAssertEqual(rankings[0].welfare[5].mean, 107.042733732, accuracy: 5e-8)
        // α = 1: D 108.275691 > B 93.295836 > E ≈ F 81.295837 (F is 5e-14 below E).
        XCTAssertEqual(Array(rankings[2].order.prefix(2)), [3, 1])
        XCTAssertEqual(rankings[2].welfare[3].mean, 108.275690821, accuracy: 5e-8)
        XCTAssertThrowsError(try evaluation().kolmRankings(alphas: [0]))
    }

    /// F has the most total health; D the most for the worst off: Kolm prefers D from α ≈ 0.016865
    /// (Atkinson from ε ≈ 0.7705), and nothing else changes up to α = 100 (D keeps the highest minimum).
    func testSwitchFromFToD() throws {
        let switches = try evaluation().kolmAversionSwitches()
        XCTAssertEqual(switches.count, 1)
        XCTAssertEqual(switches[0].from, 5)
        XCTAssertEqual(switches[0].to, 3)
        XCTAssertEqual(switches[0].alpha, 0.01686509934434108, accuracy: 1e-9)
    }
}
