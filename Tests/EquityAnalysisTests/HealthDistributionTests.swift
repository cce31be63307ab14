import XCTest
@testable import EquityAnalysis

/// Hand-worked measures of MODEL.md §4 on a three-group distribution, and the edge cases.
final class HealthDistributionTests: XCTestCase {
    /// Populations 1:2:1, so p = (1/4, 1/2, 1/4); health 60, 70, 80.
    private func threeGroups() throws -> HealthDistribution {
        try HealthDistribution(groups: ["Q1", "Q2", "Q3"], populations: [100, 200, 100], health: [60, 70, 80])
    }

    func testRiditsMeanAndGaps() throws {
        let d = try threeGroups()
        // x = (0 + 1/8, 1/4 + 1/4, 3/4 + 1/8)
        XCTAssertEqual(d.ridits, [0.125, 0.5, 0.875])
        // μ = 60/4 + 70/2 + 80/4 = 15 + 35 + 20
        XCTAssertEqual(d.mean, 70, accuracy: 1e-12)
        XCTAssertEqual(d.totalHealth, 28_000, accuracy: 1e-9)
        XCTAssertEqual(d.gap, 20)
        XCTAssertEqual(try d.relativeGap, 80.0 / 60.0, accuracy: 1e-15)
    }

    func testSlopeAndRelativeIndex() throws {
        let d = try threeGroups()
        // x̄ = 1/2. Σ p(x−x̄)(h−μ) = ¼(−⅜)(−10) + ½·0·0 + ¼(⅜)(10) = 1.875;
        // Σ p(x−x̄)² = 2 · ¼ · (⅜)² = 0.0703125; SII = 1.875 / 0.0703125 = 80/3.
        XCTAssertEqual(d.slopeIndex, 80.0 / 3.0, accuracy: 1e-12)
        // RII = (80/3) / 70
        XCTAssertEqual(try d.relativeIndex, 80.0 / 210.0, accuracy: 1e-14)
    }

    func testSlopeSignFollowsTheLeastDeprived() throws {
        let reversed = try HealthDistribution(groups: ["Q1", "Q2", "Q3"], populations: [100, 200, 100], health: [80, 70, 60])
        XCTAssertEqual(reversed.slopeIndex, -80.0 / 3.0, accuracy: 1e-12)
    }

    func testConcentrationIndex() throws {
        let d = try threeGroups()
        // Σ p h x = ¼·60·⅛ + ½·70·½ + ¼·80·⅞ = 1.875 + 17.5 + 17.5 = 36.875; C = 2·36.875/70 − 1 = 3/56
        XCTAssertEqual(try d.concentrationIndex, 3.0 / 56.0, accuracy: 1e-14)
    }

    func testAtkinsonHandWorked() throws {
        let d = try threeGroups()
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 0), 70, accuracy: 1e-12)
        // ε = 1: 60^¼ · 70^½ · 80^¼ = 69.64009090454186 (NumPy: exp(Σ p ln h))
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 1), 69.64009090454186, accuracy: 1e-11)
        // ε = 2: harmonic mean 1 / (¼/60 + ½/70 + ¼/80) = 1 / (97/6720) = 6720/97
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 2), 6720.0 / 97.0, accuracy: 1e-11)
        XCTAssertEqual(try d.atkinsonIndex(epsilon: 2), 1 - 96.0 / 97.0, accuracy: 1e-14)
        // ε = 0.5 and 5: NumPy (Σ p h^(1−ε))^(1/(1−ε)) = 69.82039271773375, 68.20190710154547
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 0.5), 69.82039271773375, accuracy: 1e-11)
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 5), 68.20190710154547, accuracy: 1e-11)
    }

    func testKolmHandWorked() throws {
        let d = try threeGroups()
        // α = 0.1: 70 − 10·ln(¼e¹ + ½ + ¼e⁻¹) = 70 − 10·ln(1.2715...) = 67.59770986083446 (NumPy)
        XCTAssertEqual(try d.kolmEDE(alpha: 0.1), 67.59770986083446, accuracy: 1e-11)
        XCTAssertEqual(try d.kolmIndex(alpha: 0.1), 2.402290139165544, accuracy: 1e-11)
        // α = 1: NumPy 61.38620356332146
        XCTAssertEqual(try d.kolmEDE(alpha: 1), 61.38620356332146, accuracy: 1e-11)
        // α = 100 would overflow e^(−αh) naively; −ln(Σ p e^(−100h))/100 = 60.013862943611198906
        // (mpmath, 50 digits): ≈ 60 + ln 4 / 100.
        XCTAssertEqual(try d.kolmEDE(alpha: 100), 60.013862943611198906, accuracy: 1e-11)
        XCTAssertEqual(try d.kolmEDE(alpha: .infinity), 60)
    }

    func testKolmAcceptsNonPositiveHealth() throws {
        let d = try HealthDistribution(groups: ["A", "B"], populations: [1, 1], health: [-1, 1])
        // mean 0; EDE = −ln((e + e⁻¹)/2) = −ln cosh 1
        XCTAssertEqual(try d.kolmEDE(alpha: 1), -log(cosh(1.0)), accuracy: 1e-14)
    }

    func testEqualHealthGivesZeroInequality() throws {
        let d = try HealthDistribution(groups: ["Q1", "Q2", "Q3", "Q4", "Q5"],
                                       populations: [3, 1, 4, 1, 5], health: Array(repeating: 68.5, count: 5))
        XCTAssertEqual(d.gap, 0)
        XCTAssertEqual(try d.relativeGap, 1)
        XCTAssertEqual(d.slopeIndex, 0, accuracy: 1e-12)
        XCTAssertEqual(try d.relativeIndex, 0, accuracy: 1e-14)
        XCTAssertEqual(try d.concentrationIndex, 0, accuracy: 1e-14)
        for epsilon in [0, 0.5, 1, 2, 10, 1e3, 1e6, .infinity] {
            XCTAssertEqual(try d.atkinsonIndex(epsilon: epsilon), 0, accuracy: 1e-14, "ε = \(epsilon)")
            XCTAssertEqual(try d.atkinsonEDE(epsilon: epsilon), 68.5, accuracy: 1e-12, "ε = \(epsilon)")
        }
        for alpha in [1e-9, 0.15, 5, .infinity] {
            XCTAssertEqual(try d.kolmIndex(alpha: alpha), 0, accuracy: 1e-12, "α = \(alpha)")
        }
    }

    func testOneGroupHasNoInequality() throws {
        let d = try HealthDistribution(groups: ["all"], populations: [56_000_000], health: [63.2])
        XCTAssertEqual(d.ridits, [0.5])
        XCTAssertEqual(d.gap, 0)
        XCTAssertEqual(try d.relativeGap, 1)
        XCTAssertEqual(d.slopeIndex, 0)
        XCTAssertEqual(try d.relativeIndex, 0)
        XCTAssertEqual(try d.concentrationIndex, 0, accuracy: 1e-15)
        for epsilon in [0, 1, 2, 1e6, .infinity] {
            XCTAssertEqual(try d.atkinsonEDE(epsilon: epsilon), 63.2, accuracy: 1e-12, "ε = \(epsilon)")
        }
        XCTAssertEqual(try d.kolmEDE(alpha: 0.5), 63.2, accuracy: 1e-12)
    }

    /// The EDE is continuous through ε = 1, where the formula switches to the geometric mean.
    func testAtkinsonIsContinuousAtOne() throws {
        let d = try threeGroups()
        let atOne = try d.atkinsonEDE(epsilon: 1)
        for epsilon in [1 - 1e-12, 1 - 1e-9, 1 + 1e-9, 1 + 1e-12] {
            XCTAssertEqual(try d.atkinsonEDE(epsilon: epsilon), atOne, accuracy: 1e-9, "ε = \(epsilon)")
        }
    }

    /// Large ε approaches the worst-off group's health without overflow: EDE(ε) = m·(Σ p (h/m)^(1−ε))^(1/(1−ε))
    /// → m·p_min^(1/(1−ε)) → m. Reference values: mpmath with 50 digits.
    func testLargeAversionApproachesTheMinimum() throws {
        let d = try threeGroups()
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 10), 66.548827275329378182, accuracy: 1e-11)
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 100), 60.846088162767162294, accuracy: 1e-11)
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 1000), 60.083318719164701934, accuracy: 1e-11)
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 1e6), 60.000083177802499442, accuracy: 1e-11)
        XCTAssertEqual(try d.atkinsonEDE(epsilon: 1e300), 60, accuracy: 1e-12)
        XCTAssertEqual(try d.atkinsonEDE(epsilon: .infinity), 60)
        var previous = Double.infinity
        for epsilon in stride(from: 0.0, through: 200, by: 0.25) {
            let ede = try d.atkinsonEDE(epsilon: epsilon)
            XCTAssertLessThanOrEqual(ede, previous, "EDE must fall as ε rises (ε = \(epsilon))")
            XCTAssertGreaterThanOrEqual(ede, 60)
            previous = ede
        }
    }

    func testAtkinsonRejectsNonPositiveHealthNamingTheGroup() throws {
        let d = try HealthDistribution(groups: ["Q1", "Q2", "Q3"], populations: [1, 1, 1], health: [70, -2.5, 75])
        for epsilon in [0, 1, 2, Double.infinity] {
            XCTAssertThrowsError(try d.atkinsonIndex(epsilon: epsilon)) { error in
                XCTAssertEqual(error as? EquityError, .nonPositiveHealth(group: "Q2", value: -2.5))
                XCTAssertTrue("\(error)".contains("group Q2"), "\(error)")
            }
        }
        let zero = try HealthDistribution(groups: ["Q1", "Q2"], populations: [1, 1], health: [0, 75])
        XCTAssertThrowsError(try zero.atkinsonEDE(epsilon: 0.5)) { error in
            XCTAssertEqual(error as? EquityError, .nonPositiveHealth(group: "Q1", value: 0))
        }
    }

    func testInvalidAversionsAreErrors() throws {
        let d = try threeGroups()
        XCTAssertThrowsError(try d.atkinsonEDE(epsilon: -0.5)) { XCTAssertEqual($0 as? EquityError, .invalidAtkinsonAversion(-0.5)) }
        XCTAssertThrowsError(try d.atkinsonEDE(epsilon: .nan))
        XCTAssertThrowsError(try d.kolmEDE(alpha: 0)) { XCTAssertEqual($0 as? EquityError, .invalidKolmAversion(0)) }
        XCTAssertThrowsError(try d.kolmEDE(alpha: -1))
    }

    func testRelativeMeasuresRejectNonPositiveDenominators() throws {
        let d = try HealthDistribution(groups: ["Q1", "Q2"], populations: [1, 1], health: [0, 4])
        XCTAssertThrowsError(try d.relativeGap) { error in
            guard case .nonPositiveDenominator = error as? EquityError else { return XCTFail("\(error)") }
        }
        let negativeMean = try HealthDistribution(groups: ["Q1", "Q2"], populations: [1, 1], health: [-5, 1])
        XCTAssertThrowsError(try negativeMean.relativeIndex)
        XCTAssertThrowsError(try negativeMean.concentrationIndex)
    }

    func testConstructionErrors() {
        XCTAssertThrowsError(try HealthDistribution(groups: [], populations: [], health: [])) {
            XCTAssertEqual($0 as? EquityError, .noGroups)
        }
        XCTAssertThrowsError(try HealthDistribution(groups: ["a", "b"], populations: [1], health: [1, 2])) {
            XCTAssertEqual($0 as? EquityError, .lengthMismatch(what: "populations", expected: 2, found: 1))
        }
        XCTAssertThrowsError(try HealthDistribution(groups: ["a", "b"], populations: [1, 0], health: [1, 2])) {
            XCTAssertEqual($0 as? EquityError, .invalidPopulation(group: "b", value: 0))
        }
        XCTAssertThrowsError(try HealthDistribution(groups: ["a"], populations: [1], health: [.nan]))
    }
}
