import XCTest
import EconomicEvaluation

/// ICERs on the efficiency frontier, with strict and extended dominance.
final class EfficiencyFrontierTests: XCTestCase {
    /// Textbook example of the US Veterans Affairs Health Economics Resource Center (HERC),
    /// "Cost-effectiveness analysis" course page (herc.research.va.gov), as encoded in the
    /// expected output of dampack's tests (DARTH-git/dampack, tests/testthat/test_calculate_icers.R):
    ///
    ///     strategy   UC     A      B      C      D      E
    ///     cost     5000 12000  10000  25000  35000  55000
    ///     effect      1   1.5      2      3      4      5
    ///
    /// A costs more than B for less effect (dominated). Without A the ICERs are B 5000, C 15000,
    /// D 10000, E 20000: C's 15000 exceeds D's 10000, so C is extendedly dominated. The frontier is
    /// UC → B (5000 = 5000/1) → D (12500 = 25000/2) → E (20000 = 20000/1).
    func testHERCExampleWithDominatedAndExtendedlyDominatedOptions() {
        let frontier = EfficiencyFrontier(costs: [5000, 12000, 10000, 25000, 35000, 55000],
                                          qalys: [1, 1.5, 2, 3, 4, 5])
        XCTAssertEqual(frontier.frontier, [0, 2, 4, 5])
        XCTAssertEqual(frontier.entries.map(\.status),
                       [.frontier, .dominated, .frontier, .extendedlyDominated, .frontier, .frontier])
        XCTAssertEqual(frontier.entries.map(\.icer), [nil, nil, 5000, nil, 12500, 20000])
        XCTAssertEqual(frontier.entries.map(\.comparator), [nil, nil, 0, nil, 2, 4])
    }

    /// Base and three options worked by hand (one of each status), given out of cost order:
    ///
    ///     option   cost    QALYs
    ///     base        0       0
    ///     P      30,000       1     ICER vs base 30,000
    ///     Q      20,000     0.5     costs less than P but gives fewer QALYs: not dominated
    ///     R      40,000     0.4     costs more than Q for fewer QALYs: dominated
    ///
    /// Sorted by cost: base, Q, P, R. R is dominated by Q (and P). Q against base: 20,000/0.5 =
    /// 40,000; P against Q: 10,000/0.5 = 20,000 < 40,000, so Q is extendedly dominated; P's ICER
    /// is then against base: 30,000/1 = 30,000.
    func testThreeOptionsWorkedByHand() {
        let frontier = EfficiencyFrontier(costs: [0, 30_000, 20_000, 40_000], qalys: [0, 1, 0.5, 0.4])
        XCTAssertEqual(frontier.entries.map(\.status), [.frontier, .frontier, .extendedlyDominated, .dominated])
        XCTAssertEqual(frontier.entries.map(\.comparator), [nil, 0, nil, nil])
        XCTAssertEqual(frontier.entries.map(\.icer), [nil, 30_000, nil, nil])
        XCTAssertEqual(frontier.frontier, [0, 1])
    }

    /// The same example through the analysis of draws: the frontier uses mean cost and QALYs.
    func testFrontierOfAnAnalysisUsesMeans() throws {
        let analysis = try CostEffectivenessAnalysis(
            optionNames: ["UC", "A", "B", "C", "D", "E"],
            qalys: [[0.5, 1.5], [1, 2], [1.5, 2.5], [2, 4], [3, 5], [4, 6]],
            costs: [[4000, 6000], [12000, 12000], [10000, 10000], [20000, 30000], [35000, 35000], [50000, 60000]])
        XCTAssertEqual(analysis.efficiencyFrontier.frontier, [0, 2, 4, 5])
        XCTAssertEqual(analysis.efficiencyFrontier.entries[3].status, .extendedlyDominated)
    }

    /// Extended dominance is re-checked after each removal: removing C (ICER 30 > 10) makes D's
    /// ICER against B (40/2 = 20) exceed E's (10/1 = 10), so D goes too.
    ///
    ///     option  cost  QALYs   ICERs before: B 10, C 30, D 10, E 10
    ///     A         0     0
    ///     B        10     1
    ///     C        40     2
    ///     D        50     3
    ///     E        60     4
    func testExtendedDominanceCascades() {
        let frontier = EfficiencyFrontier(costs: [0, 10, 40, 50, 60], qalys: [0, 1, 2, 3, 4])
        // After C: B→D = (50−10)/(3−1) = 20 > D→E = 10, so D is out; B→E = 50/3.
        XCTAssertEqual(frontier.frontier, [0, 1, 4])
        XCTAssertEqual(frontier.entries[4].icer!, 50.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(frontier.entries[2].status, .extendedlyDominated)
        XCTAssertEqual(frontier.entries[3].status, .extendedlyDominated)
    }

    func testEqualICERsStayOnTheFrontier() {
        let frontier = EfficiencyFrontier(costs: [0, 10, 20], qalys: [0, 1, 2])
        XCTAssertEqual(frontier.frontier, [0, 1, 2])
        XCTAssertEqual(frontier.entries.map(\.icer), [nil, 10, 10])
    }

    /// Same cost, fewer QALYs is dominated; an exact duplicate of a lower-indexed option is too.
    func testTiesInCost() {
        let frontier = EfficiencyFrontier(costs: [100, 100, 100, 200], qalys: [1, 2, 2, 3])
        XCTAssertEqual(frontier.entries.map(\.status), [.dominated, .frontier, .dominated, .frontier])
        XCTAssertEqual(frontier.entries[3].icer, 100)
    }

    func testOneOption() {
        let frontier = EfficiencyFrontier(costs: [7], qalys: [3])
        XCTAssertEqual(frontier.frontier, [0])
        XCTAssertNil(frontier.entries[0].icer)
    }

    func testIncrementalRatioQuadrants() {
        XCTAssertEqual(IncrementalRatio(incrementalQALYs: 2, incrementalCost: 30_000), .costPerQALYGained(15_000))
        XCTAssertEqual(IncrementalRatio(incrementalQALYs: 2, incrementalCost: -1), .dominant)
        XCTAssertEqual(IncrementalRatio(incrementalQALYs: 2, incrementalCost: 0), .dominant)
        XCTAssertEqual(IncrementalRatio(incrementalQALYs: -1, incrementalCost: 5), .dominated)
        XCTAssertEqual(IncrementalRatio(incrementalQALYs: 0, incrementalCost: 5), .dominated)
        XCTAssertEqual(IncrementalRatio(incrementalQALYs: -2, incrementalCost: -50_000), .savingPerQALYForgone(25_000))
        XCTAssertEqual(IncrementalRatio(incrementalQALYs: 0, incrementalCost: 0), .noDifference)
    }
}
