import XCTest
import EquityAnalysis

/// Distributional cost-effectiveness: final health, the impact plane and summaries over draws,
/// hand-worked on two equal groups (MODEL.md §4).
final class DistributionalEvaluationTests: XCTestCase {
    /// Two groups of 100 people, baseline health 60 and 70. Base has QALYs (5000, 6000) and cost
    /// £1m in every draw; option B adds, draw by draw, the increments below. Opportunity cost:
    /// £13,000 per QALY, 60% of it borne by Q1 and 40% by Q2.
    ///
    ///     draw  ΔQ_Q1  ΔQ_Q2     ΔC   displaced (Q1, Q2)  net gain      h            ΔH   SII 20 →   quadrant
    ///     0      50     30    260,000   20 → (12, 8)      (38, 22)   (60.38, 70.22)  +60  19.68 (−0.32) win–win
    ///     1      10     60          0    0 → (0, 0)       (10, 60)   (60.10, 70.60)  +70  21.00 (+1.00) more health, more inequality
    ///     2      20      0    650,000   50 → (30, 20)    (−10, −20)  (59.90, 69.80)  −30  19.80 (−0.20) less health, less inequality
    ///     3       0      0    130,000   10 → (6, 4)       (−6, −4)   (59.94, 69.96)  −10  20.04 (+0.04) lose–lose
    ///     4       0      0          0    0                 (0, 0)    (60, 70)          0  20.00 ( 0.00) on an axis
    ///
    /// With two equal groups the ridits are ¼ and ¾, so the SII is (h_Q2 − h_Q1) / ½.
    private let increments: [(q1: Double, q2: Double, cost: Double)] = [
        (50, 30, 260_000), (10, 60, 0), (20, 0, 650_000), (0, 0, 130_000), (0, 0, 0),
    ]

    private func evaluation(baseline: [Double]? = [60, 70]) throws -> DistributionalEvaluation {
        let baseQALYs = Array(repeating: [5000.0, 6000.0], count: increments.count)
        let optionQALYs = increments.map { [5000 + $0.q1, 6000 + $0.q2] }
        let baseCosts = Array(repeating: 1_000_000.0, count: increments.count)
        return try DistributionalEvaluation(
            groups: ["Q1", "Q2"], populations: [100, 100], optionNames: ["base", "B"],
            qalys: [baseQALYs, optionQALYs], costs: [baseCosts, increments.map { 1_000_000 + $0.cost }],
            baselineHealth: baseline,
            opportunityCost: try OpportunityCost(perQALY: 13_000, shares: [0.6, 0.4]))
    }

    /// Every draw's final distribution of one option, as the iteration hands them out.
    private func distributions(_ e: DistributionalEvaluation, option: Int) throws -> [HealthDistribution] {
        var distributions: [HealthDistribution] = []
        try e.forEachDistribution(option: option) { d, h in
            XCTAssertEqual(d, distributions.count, "draws in order")
            distributions.append(h)
        }
        return distributions
    }

    func testFinalHealthNetOfOpportunityCost() throws {
        let e = try evaluation()
        let base = try distributions(e, option: 0), option = try distributions(e, option: 1)
        let expected: [[Double]] = [[60.38, 70.22], [60.1, 70.6], [59.9, 69.8], [59.94, 69.96], [60, 70]]
        for (d, health) in expected.enumerated() {
            XCTAssertEqual(base[d].health, [60, 70], "base keeps the baseline")
            for g in 0..<2 {
                XCTAssertEqual(option[d].health[g], health[g], accuracy: 1e-12, "draw \(d)")
            }
        }
        for (found, expected) in zip(try e.healthChanges[1].array(), [60.0, 70, -30, -10, 0]) {
            XCTAssertEqual(found, expected, accuracy: 1e-12)
        }
        XCTAssertEqual(try e.healthChanges[0].array(), [0, 0, 0, 0, 0])
    }

    /// Without `baseline_health` the baseline is base's QALYs per person: (5000, 6000)/100 = (50, 60).
    func testBaselineDefaultsToBaseQALYsPerPerson() throws {
        let e = try evaluation(baseline: nil)
        XCTAssertEqual(try distributions(e, option: 0)[0].health, [50, 60])
        let option = try distributions(e, option: 1)
        XCTAssertEqual(option[0].health[0], 50.38, accuracy: 1e-12)
        XCTAssertEqual(option[0].health[1], 60.22, accuracy: 1e-12)
    }

    func testWithoutOpportunityCostTheGainIsTheQALYGain() throws {
        let e = try DistributionalEvaluation(
            groups: ["Q1", "Q2"], populations: [100, 300], optionNames: ["base", "B"],
            qalys: [[[10, 20]], [[40, 20]]], costs: [[0], [1e9]], baselineHealth: [60, 70])
        // h = (60 + 30/100, 70 + 0/300)
        let option = try distributions(e, option: 1)
        XCTAssertEqual(option[0].health[0], 60.3, accuracy: 1e-12)
        XCTAssertEqual(option[0].health[1], 70)
        XCTAssertEqual(try e.healthChanges[1].array(), [30])
    }

    func testImpactPlaneQuadrantsWithTheSlopeIndex() throws {
        let planes = try evaluation().impactPlanes()
        XCTAssertEqual(planes.count, 1, "one plane per non-base option")
        let plane = planes[0]
        XCTAssertEqual(plane.option, 1)
        let expectedChanges = [-0.32, 1, -0.2, 0.04, 0]
        for (found, expected) in zip(try plane.inequalityChanges.array(), expectedChanges) {
            XCTAssertEqual(found, expected, accuracy: 1e-9)
        }
        for quadrant in ImpactPlane.Quadrant.allCases {
            XCTAssertEqual(plane.shares[quadrant], 0.2, "\(quadrant)")
        }
        // ΔH: mean (60 + 70 − 30 − 10 + 0)/5 = 18
        XCTAssertEqual(try plane.healthChange.mean, 18, accuracy: 1e-12)
        XCTAssertEqual(try plane.inequalityChange.mean, 0.104, accuracy: 1e-9)
    }

    /// The gap halves every SII change here (two equal groups), so the quadrants are the same.
    func testImpactPlaneWithTheGap() throws {
        let plane = try evaluation().impactPlanes(measure: .gap)[0]
        for (found, expected) in zip(try plane.inequalityChanges.array(), [-0.16, 0.5, -0.1, 0.02, 0]) {
            XCTAssertEqual(found, expected, accuracy: 1e-9)
        }
        XCTAssertEqual(plane.shares[.winWin], 0.2)
        XCTAssertEqual(plane.shares.values.reduce(0, +), 1, accuracy: 1e-15)
    }

    func testQuadrantClassification() {
        XCTAssertEqual(ImpactPlane.Quadrant(healthChange: 1, inequalityChange: -1), .winWin)
        XCTAssertEqual(ImpactPlane.Quadrant(healthChange: 1, inequalityChange: 1), .moreHealthMoreInequality)
        XCTAssertEqual(ImpactPlane.Quadrant(healthChange: -1, inequalityChange: -1), .lessHealthLessInequality)
        XCTAssertEqual(ImpactPlane.Quadrant(healthChange: -1, inequalityChange: 1), .loseLose)
        XCTAssertEqual(ImpactPlane.Quadrant(healthChange: 0, inequalityChange: -1), .onAxis)
        XCTAssertEqual(ImpactPlane.Quadrant(healthChange: 1, inequalityChange: 0), .onAxis)
    }

    /// A gradient that favours the most deprived is inequality too: |SII| is what shrinks or grows.
    func testInequalitySizeIsAbsolute() throws {
        let reversed = try HealthDistribution(groups: ["Q1", "Q2"], populations: [1, 1], health: [70, 60])
        XCTAssertEqual(ImpactPlane.InequalityMeasure.slopeIndex.size(of: reversed), 20, accuracy: 1e-12)
        XCTAssertEqual(ImpactPlane.InequalityMeasure.gap.size(of: reversed), 10)
    }

    /// Per-draw SII of option B: 19.68, 21, 19.8, 20.04, 20 → mean 20.104; sorted
    /// (19.68, 19.8, 20, 20.04, 21): 2.5% at h = 4·0.025 = 0.1 → 19.68 + 0.1·0.12 = 19.692;
    /// 97.5% at h = 3.9 → 20.04 + 0.9·0.96 = 20.904.
    func testSummaryOverDraws() throws {
        let summary = try evaluation().summary(option: 1) { $0.slopeIndex }
        XCTAssertEqual(summary.mean, 20.104, accuracy: 1e-9)
        XCTAssertEqual(summary.low, 19.692, accuracy: 1e-9)
        XCTAssertEqual(summary.high, 20.904, accuracy: 1e-9)
    }

    func testAtkinsonErrorNamesOptionDrawAndGroup() throws {
        // £1.3m displaces 100 QALYs, 60 of them from Q1's 100 people: h_Q1 = 0.5 − 0.6 = −0.1.
        let e = try DistributionalEvaluation(
            groups: ["Q1", "Q2"], populations: [100, 100], optionNames: ["base", "costly"],
            qalys: [[[0, 0]], [[0, 0]]], costs: [[0], [1_300_000]], baselineHealth: [0.5, 70],
            opportunityCost: try OpportunityCost(perQALY: 13_000, shares: [0.6, 0.4]))
        XCTAssertThrowsError(try e.welfareRankings()) { error in
            guard case .inDraw(let option, let draw, .nonPositiveHealth(let group, let value)) = error as? EquityError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(option, "costly")
            XCTAssertEqual(draw, 0)
            XCTAssertEqual(group, "Q1")
            XCTAssertEqual(value, -0.1, accuracy: 1e-12)
            XCTAssertTrue("\(error)".hasPrefix("option costly, draw 0: group Q1"), "\(error)")
        }
    }

    func testInputErrors() throws {
        XCTAssertThrowsError(try OpportunityCost(perQALY: 13_000, shares: [0.5, 0.4])) { error in
            guard case .invalidOpportunityCost(let text) = error as? EquityError else { return XCTFail("\(error)") }
            XCTAssertTrue(text.contains("sum to 0.9"), text)
        }
        XCTAssertThrowsError(try OpportunityCost(perQALY: 0, shares: [1]))
        XCTAssertThrowsError(try OpportunityCost(perQALY: 13_000, shares: [1.2, -0.2]))
        let shares = try OpportunityCost(perQALY: 13_000, shares: [0.5, 0.3, 0.2])
        XCTAssertThrowsError(try DistributionalEvaluation(
            groups: ["Q1", "Q2"], populations: [1, 1], optionNames: ["base"],
            qalys: [[[1, 1]]], costs: [[0]], opportunityCost: shares)) { error in
            XCTAssertEqual(error as? EquityError, .lengthMismatch(what: "opportunity_cost.shares", expected: 2, found: 3))
        }
        XCTAssertThrowsError(try DistributionalEvaluation(
            groups: ["Q1", "Q2"], populations: [1, 1], optionNames: ["base", "B"],
            qalys: [[[1, 1], [1, 1]], [[1, 1]]], costs: [[0, 0], [0]])) { error in
            XCTAssertEqual(error as? EquityError, .lengthMismatch(what: "qalys draws of option B", expected: 2, found: 1))
        }
        XCTAssertThrowsError(try DistributionalEvaluation(
            groups: ["Q1", "Q2"], populations: [1, 1], optionNames: ["base"],
            qalys: [[[1, .infinity]]], costs: [[0]]))
        XCTAssertThrowsError(try DistributionalEvaluation(
            groups: ["Q1", "Q2"], populations: [1, 1], optionNames: ["base"],
            qalys: [[[1, 1]]], costs: [[0]], baselineHealth: [60])) { error in
            XCTAssertEqual(error as? EquityError, .lengthMismatch(what: "equity.baseline_health", expected: 2, found: 1))
        }
    }
}
