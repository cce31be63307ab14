import WorkbenchTestSupport
import XCTest
import EconomicEvaluation

/// Incremental results, net benefit, the probability of being cost-effective and the CEAC.
final class NetBenefitTests: XCTestCase {
    /// Base and one option B over four draws. Against base B gives
    ///
    ///     draw      0       1       2       3
    ///     ΔQ        1       2      −1     0.5
    ///     ΔC   30,000  10,000  10,000  20,000
    ///
    /// At λ = £20,000: NMB = ΔQ·λ − ΔC = (−10k, 30k, −30k, −10k), NHB = ΔQ − ΔC/λ = (−0.5, 1.5, −1.5, −0.5).
    static let qalys: [[Double]] = [[100, 100, 100, 100], [101, 102, 99, 100.5]]
    static let costs: [[Double]] = [[50_000, 50_000, 50_000, 50_000], [80_000, 60_000, 60_000, 70_000]]

    static func twoOptions() throws -> CostEffectivenessAnalysis {
        try CostEffectivenessAnalysis(optionNames: ["base", "B"], qalys: qalys, costs: costs)
    }

    func testIncrementalWithIntervals() throws {
        let increment = try Self.twoOptions().incremental(option: 1)
        // ΔQ mean 2.5/4 = 0.625; sorted (−1, 0.5, 1, 2): 2.5% at h = 3·0.025 = 0.075 → −1 + 0.075·1.5;
        // 97.5% at h = 2.925 → 1 + 0.925·1.
        XCTAssertEqual(increment.qalys.mean, 0.625, accuracy: 1e-12)
        XCTAssertEqual(increment.qalys.low, -0.8875, accuracy: 1e-12)
        XCTAssertEqual(increment.qalys.high, 1.925, accuracy: 1e-12)
        // ΔC mean 70,000/4 = 17,500; ICER = 17,500 / 0.625 = 28,000.
        XCTAssertEqual(increment.costs.mean, 17_500, accuracy: 1e-9)
        XCTAssertEqual(increment.ratio, .costPerQALYGained(28_000))
    }

    func testNetMonetaryAndHealthBenefit() throws {
        let analysis = try Self.twoOptions()
        XCTAssertEqual(try analysis.netMonetaryBenefit(option: 1, threshold: 20_000), [-10_000, 30_000, -30_000, -10_000])
        XCTAssertEqual(try analysis.netMonetaryBenefit(option: 0, threshold: 20_000), [0, 0, 0, 0])
        XCTAssertEqual(try analysis.netHealthBenefitColumn(option: 1, threshold: 20_000).array(), [-0.5, 1.5, -1.5, -0.5])
    }

    func testProbabilityCostEffectiveSplitsTies() throws {
        let analysis = try Self.twoOptions()
        // λ = 20k: B wins only draw 1.
        XCTAssertEqual(try analysis.probabilityBestValue(threshold: 20_000), [0.75, 0.25])
        // λ = 30k: NMB_B = (0, 50k, −40k, −5k): draw 0 is a tie, half to each; B = (0.5 + 1)/4.
        XCTAssertEqual(try analysis.probabilityBestValue(threshold: 30_000), [0.625, 0.375])
        // λ = 0: NMB_B = −ΔC < 0 in every draw.
        XCTAssertEqual(try analysis.probabilityBestValue(threshold: 0), [1, 0])
    }

    /// Pairwise (BCEA `ceac`) against base: the share of draws with NMB > 0, a zero counting one half.
    /// Adding a third option that beats B in every draw leaves B's pairwise value unchanged but takes
    /// its best-value probability to 0, the misreading the two names keep apart.
    func testProbabilityVersusBaseIgnoresOtherOptions() throws {
        let analysis = try Self.twoOptions()
        // λ = 20k: NMB_B = (−10k, 30k, −30k, −10k) → 1/4. λ = 30k: (0, 50k, −40k, −5k) → (0.5 + 1)/4.
        XCTAssertEqual(try analysis.probabilityCostEffectiveVersusBase(threshold: 20_000), [nil, 0.25])
        XCTAssertEqual(try analysis.probabilityCostEffectiveVersusBase(threshold: 30_000), [nil, 0.375])
        let withC = try CostEffectivenessAnalysis(
            optionNames: ["base", "B", "C"],
            qalys: Self.qalys + [Self.qalys[1].map { $0 + 1 }],
            costs: Self.costs + [Self.costs[1]])
        XCTAssertEqual(try withC.probabilityCostEffectiveVersusBase(threshold: 20_000), [nil, 0.25, 0.75])
        // C is best in draws 0, 1 and 3; base in draw 2 (every NMB < 0).
        XCTAssertEqual(try withC.probabilityBestValue(threshold: 20_000), [0.25, 0, 0.75])
        let curve = try withC.acceptabilityCurve(thresholds: [20_000, 30_000], population: 1_000)
        XCTAssertNil(curve.versusBase[0])
        XCTAssertEqual(curve.versusBase[1], [0.25, 0.375])
        // C against base at 20k: NMB = (10k, 50k, −10k, 10k) → 3/4 > 0; E = 15k, so C is chosen (CEAF 0.75).
        XCTAssertEqual(curve.versusBase[2]?[0], 0.75)
        XCTAssertEqual(curve.frontierOptions, [2, 2])
        XCTAssertEqual(curve.frontierProbabilities[0], 0.75)
        // EVPI at 20k: E[max(0, NMB_B, NMB_C)] = (10k + 50k + 0 + 10k)/4 = 17.5k; less 15k = 2,500.
        XCTAssertEqual(curve.valueOfInformation[0].population, 2_500, accuracy: 1e-9)
        XCTAssertEqual(curve.valueOfInformation[0].perPerson, 2.5, accuracy: 1e-12)
    }

    /// Three options with overlapping uncertainty from a seeded generator; every CEAC column must
    /// sum to 1, match a direct count, and the frontier must follow the highest expected NMB.
    func testAcceptabilityCurvesSumToOneAndFollowTheExpectedBest() throws {
        var generator = SplitMix64(seed: 2024)
        let draws = 400
        var qalys: [[Double]] = [[], [], []]
        var costs: [[Double]] = [[], [], []]
        for _ in 0..<draws {
            let shared = generator.uniform()
            qalys[0].append(1000 + 10 * shared)
            costs[0].append(2e6)
            qalys[1].append(1000 + 10 * shared + 40 + 60 * generator.uniform())  // ΔQ ~ U(40, 100)
            costs[1].append(2e6 + 1.5e6 + 1e6 * generator.uniform())              // ΔC ~ U(1.5m, 2.5m)
            qalys[2].append(1000 + 10 * shared + 20 + 140 * generator.uniform())  // ΔQ ~ U(20, 160)
            costs[2].append(2e6 + 2e6 + 3e6 * generator.uniform())                // ΔC ~ U(2m, 5m)
        }
        let analysis = try CostEffectivenessAnalysis(optionNames: ["base", "B", "C"], qalys: qalys, costs: costs)
        let curve = try analysis.acceptabilityCurve()
        XCTAssertEqual(curve.thresholds.count, 101)
        XCTAssertEqual(curve.thresholds.first, 0)
        XCTAssertEqual(curve.thresholds.last, 100_000)
        for (t, threshold) in curve.thresholds.enumerated() {
            let column = curve.bestValue.map { $0[t] }
            XCTAssertEqual(column.reduce(0, +), 1, accuracy: 1e-12, "λ = \(threshold)")
            // Direct computation: count the draws each option wins, and the option with the best mean NMB.
            var wins = [0.0, 0, 0]
            var totals = [0.0, 0, 0]
            for d in 0..<draws {
                let nmb = (0..<3).map { (qalys[$0][d] - qalys[0][d]) * threshold - (costs[$0][d] - costs[0][d]) }
                wins[nmb.indices.max { nmb[$0] < nmb[$1] }!] += 1
                for o in 0..<3 { totals[o] += nmb[o] }
            }
            XCTAssertEqual(column, wins.map { $0 / Double(draws) }, "λ = \(threshold)")
            XCTAssertEqual(curve.frontierOptions[t], totals.indices.max { totals[$0] < totals[$1] }!, "λ = \(threshold)")
            XCTAssertEqual(curve.frontierProbabilities[t], column[curve.frontierOptions[t]])
        }
        XCTAssertEqual(curve.frontierOptions.first, 0, "at λ = 0 the cheapest option is best")
        XCTAssertEqual(curve.frontierOptions.last, 2, "at λ = £100k the most effective option is best")
        XCTAssertTrue(curve.frontierOptions.contains(1), "B is best over a middle range")
    }

    func testThresholdAndInputErrors() throws {
        let analysis = try Self.twoOptions()
        XCTAssertThrowsError(try analysis.netMonetaryBenefit(option: 1, threshold: -1)) { error in
            guard case .invalidThreshold(-1, _) = error as? EconomicEvaluationError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try analysis.netHealthBenefitColumn(option: 1, threshold: 0))
        XCTAssertThrowsError(try analysis.acceptabilityCurve(thresholds: [0, .infinity]))
        XCTAssertThrowsError(try CostEffectivenessAnalysis(optionNames: ["base", "B"], qalys: [[1, 2], [1]], costs: [[0, 0], [0]])) {
            XCTAssertEqual($0 as? EconomicEvaluationError, .lengthMismatch(what: "QALYs draws of option B", expected: 2, found: 1))
        }
        XCTAssertThrowsError(try CostEffectivenessAnalysis(optionNames: ["base"], qalys: [[1]], costs: [[.nan]])) {
            XCTAssertEqual("\($0)", "option base, draw 0: cost is nan; every value must be a finite number")
        }
        XCTAssertThrowsError(try CostEffectivenessAnalysis(optionNames: ["base"], qalys: [[]], costs: [[]])) {
            XCTAssertEqual("\($0)", "draws of option base: none given; give at least one")
        }
        XCTAssertThrowsError(try CostEffectivenessAnalysis(optionNames: [], qalys: [], costs: [])) {
            XCTAssertEqual($0 as? EconomicEvaluationError, .empty(what: "options"))
        }
    }
}
