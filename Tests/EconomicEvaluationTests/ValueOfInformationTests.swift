import XCTest
import EconomicEvaluation

/// Expected value of perfect information.
final class ValueOfInformationTests: XCTestCase {
    /// Two options, computed directly: with NMB_B = (−10k, 30k, −30k, −10k) at λ = £20,000 and
    /// NMB_base = 0, perfect information picks B only in draw 1:
    /// E[max(0, NMB_B)] = (0 + 30k + 0 + 0)/4 = 7,500; max(0, E[NMB_B]) = max(0, −5,000) = 0;
    /// EVPI = 7,500 for the population, 7.50 per person for 1,000 people.
    func testDirectTwoOptionComputation() throws {
        let analysis = try NetBenefitTests.twoOptions()
        let evpi = try analysis.valueOfPerfectInformation(threshold: 20_000, population: 1_000)
        XCTAssertEqual(evpi.threshold, 20_000)
        XCTAssertEqual(evpi.population, 7_500, accuracy: 1e-9)
        XCTAssertEqual(evpi.perPerson, 7.5, accuracy: 1e-12)
        // λ = £30,000: NMB_B = (0, 50k, −40k, −5k); E[max] = 50k/4 = 12,500; max E = max(0, 1,250);
        // EVPI = 11,250.
        XCTAssertEqual(try analysis.valueOfPerfectInformation(threshold: 30_000, population: 1_000).population,
                       11_250, accuracy: 1e-9)
    }

    /// When the same option is best in every draw, knowing the draw changes nothing: EVPI = 0.
    func testZeroWhenOneOptionDominatesInEveryDraw() throws {
        let analysis = try CostEffectivenessAnalysis(
            optionNames: ["base", "better", "worse"],
            qalys: [[10, 12, 9, 11], [11, 12.5, 10, 13], [9, 11, 8, 10]],
            costs: [[500, 700, 400, 650], [450, 600, 390, 600], [800, 900, 700, 800]])
        for threshold in [0.0, 1_000, 20_000, 1e6] {
            let evpi = try analysis.valueOfPerfectInformation(threshold: threshold, population: 50)
            XCTAssertEqual(evpi.population, 0, "λ = \(threshold)")
            XCTAssertEqual(evpi.perPerson, 0, "λ = \(threshold)")
        }
        let curve = try analysis.acceptabilityCurve()
        XCTAssertTrue(curve.bestValue[1].allSatisfy { $0 == 1 })
    }

    /// With only base there is no decision to improve.
    func testZeroWithOneOption() throws {
        let analysis = try CostEffectivenessAnalysis(optionNames: ["base"], qalys: [[1, 2, 3]], costs: [[4, 5, 6]])
        XCTAssertEqual(try analysis.valueOfPerfectInformation(threshold: 20_000, population: 10).population, 0)
    }

    func testPopulationMustBePositive() throws {
        let analysis = try NetBenefitTests.twoOptions()
        XCTAssertThrowsError(try analysis.valueOfPerfectInformation(threshold: 20_000, population: 0)) {
            XCTAssertEqual($0 as? EconomicEvaluationError, .invalidPopulation(0))
        }
        XCTAssertThrowsError(try analysis.valueOfPerfectInformation(threshold: -5, population: 10))
    }
}
