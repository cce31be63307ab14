import XCTest
import EquityAnalysis

/// Social-welfare rankings over inequality aversion and the ε at which the best option changes.
///
/// Data: the "three individuals" teaching example of the York DCEA app by Asaria (author of the
/// DCEA tutorial, Med Decis Making 2016;36(1):8–19), github.com/miqdadasaria/DCEA,
/// data/three_individuals.csv: six decisions A–F giving three people these lifetimes. The app
/// publishes no outputs for them, so the expected values are from an independent NumPy/SciPy
/// computation: W = 3·(mean of h^(1−ε))^(1/(1−ε)) (geometric mean at ε = 1, minimum at ∞), ranked
/// with a stable sort, and the switch located with `scipy.optimize.brentq` on EDE_F − EDE_D.
final class WelfareRankingTests: XCTestCase {
    private let decisions: [String: [Double]] = [
        "A": [20, 40, 60], "B": [30, 45, 60], "C": [20, 45, 70],
        "D": [35, 40, 72], "E": [26, 46, 69], "F": [26, 46, 81],
        "G": [36, 38, 50],  // not in the app: added to make a second switch
    ]

    /// One draw, one person per group, no costs and no `baseline_health`, so each option's final
    /// health is exactly its decision's lifetimes (h = Q/N).
    private func evaluation(_ names: [String]) throws -> DistributionalEvaluation {
        try DistributionalEvaluation(
            groups: ["1", "2", "3"], populations: [1, 1, 1], optionNames: names,
            qalys: names.map { [decisions[$0]!] }, costs: names.map { _ in [0] })
    }

    func testRankingsAtTheStandardAversions() throws {
        let rankings = try evaluation(["A", "B", "C", "D", "E", "F"]).welfareRankings()
        XCTAssertEqual(rankings.map(\.epsilon), [0, 0.5, 1, 2, 5, 10, .infinity])
        // ε = 0: total health F 153, D 147, E 141, B = C 135, A 120.
        XCTAssertEqual(Array(rankings[0].order.prefix(3)), [5, 3, 4])
        XCTAssertEqual(Set(rankings[0].order[3...4]), [1, 2])
        XCTAssertEqual(rankings[0].order.last, 0)
        XCTAssertEqual(rankings[0].welfare[5].mean, 153, accuracy: 1e-12)
        XCTAssertEqual(rankings[1].order, [5, 3, 4, 1, 2, 0])
        // ε = 1: D 139.618006 > F 137.782265 > E > B > C > A.
        XCTAssertEqual(rankings[2].order, [3, 5, 4, 1, 2, 0])
        XCTAssertEqual(rankings[2].welfare[3].mean, 139.618006, accuracy: 5e-7)
        XCTAssertEqual(rankings[2].welfare[5].mean, 137.782265, accuracy: 5e-7)
        XCTAssertEqual(rankings[3].order, [3, 1, 5, 4, 2, 0])
        // ε = 2: W_D = 3 × harmonic mean = 9 / (1/35 + 1/40 + 1/72)
        let harmonic: Double = 9 / (1.0 / 35 + 1.0 / 40 + 1.0 / 72)
        XCTAssertEqual(rankings[3].welfare[3].mean, harmonic, accuracy: 1e-10)
        XCTAssertEqual(rankings[4].order, [3, 1, 5, 4, 2, 0])
        // ε = 10: F 88.069000 only just ahead of E 88.067862.
        XCTAssertEqual(rankings[5].order, [3, 1, 5, 4, 2, 0])
        XCTAssertEqual(rankings[5].welfare[5].mean, 88.069, accuracy: 5e-7)
        // ε = ∞: the worst-off person, D 35 > B 30 > E = F 26 > A = C 20; ties keep the lower index.
        XCTAssertEqual(rankings[6].order, [3, 1, 4, 5, 0, 2])
        XCTAssertEqual(rankings[6].welfare[3].mean, 105)
        XCTAssertEqual(rankings[6].best, 3)
    }

    /// F has the most total health but D gives more to the worst off: D is better from ε ≈ 0.7705.
    func testSwitchFromFToD() throws {
        let switches = try evaluation(["A", "B", "C", "D", "E", "F"]).aversionSwitches()
        XCTAssertEqual(switches.count, 1)
        XCTAssertEqual(switches[0].from, 5)
        XCTAssertEqual(switches[0].to, 3)
        XCTAssertEqual(switches[0].epsilon, 0.7704549102559327, accuracy: 1e-8)
    }

    /// Adding G (worst off 36) gives a second switch, D → G at ε ≈ 9.7479 (brentq on EDE_D − EDE_G).
    func testTwoSwitches() throws {
        let switches = try evaluation(["A", "D", "F", "G"]).aversionSwitches()
        XCTAssertEqual(switches.map(\.from), [2, 1])
        XCTAssertEqual(switches.map(\.to), [1, 3])
        XCTAssertEqual(switches[0].epsilon, 0.7704549102559327, accuracy: 1e-8)
        XCTAssertEqual(switches[1].epsilon, 9.747946120291589, accuracy: 1e-7)
    }

    /// B gives everybody at least as much as A, so it is best at every ε: no switch.
    func testNoSwitchWhenOneOptionIsBetterForEverybody() throws {
        XCTAssertEqual(try evaluation(["A", "B"]).aversionSwitches(), [])
    }

    func testSearchSettingsAreChecked() throws {
        let e = try evaluation(["A", "B"])
        XCTAssertThrowsError(try e.aversionSwitches(upTo: 0))
        XCTAssertThrowsError(try e.aversionSwitches(gridPoints: 0))
        XCTAssertThrowsError(try e.aversionSwitches(tolerance: 0))
        XCTAssertThrowsError(try e.welfareRankings(epsilons: [1, -1])) { error in
            XCTAssertEqual(error as? EquityError, .invalidAtkinsonAversion(-1))
        }
    }
}
