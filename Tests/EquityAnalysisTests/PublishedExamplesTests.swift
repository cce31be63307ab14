import XCTest
import EquityAnalysis

/// Measures checked against published figures. Each test names its source; where a source gives
/// inputs but no outputs, the expected values come from an independent NumPy computation, as noted.
final class PublishedExamplesTests: XCTestCase {
    /// ONS, Health state life expectancies by national deprivation deciles, England: 2015 to 2017
    /// (27 March 2019), Figure 3: male healthy life expectancy at birth by IMD 2015 decile (1 = most
    /// deprived). Copied from phm-workbench's shared data file
    /// ons_male_hle_by_imd_decile_england_2015_2017.csv.
    private let onsMaleHLE = [51.7182, 56.6479, 58.7618, 61.6578, 63.8382, 64.6954, 66.461, 67.9231, 68.8129, 70.4463]

    /// ONS publishes an SII of 19.1 years for male HLE in 2015–17 (ONS 2018 to 2020 Table 1,
    /// comparison column; shared data ons_le_hle_imd_decile_extremes_and_sii_england.csv).
    ///
    /// With equal decile populations our SII is 19.0776 (NumPy `polyfit` with weights √p gives the
    /// same). Tolerance 0.05: the published figure is rounded to one decimal, and ONS weights each
    /// decile by its own (nearly but not exactly equal) population and fits the regression from
    /// life-table quantities, which moves the slope by a few hundredths at most.
    func testONSSlopeIndexForMaleHealthyLifeExpectancy() throws {
        let d = try HealthDistribution(groups: (1...10).map { "D\($0)" },
                                       populations: Array(repeating: 1, count: 10), health: onsMaleHLE)
        XCTAssertEqual(d.slopeIndex, 19.0776484848485, accuracy: 1e-10)
        XCTAssertEqual(d.slopeIndex, 19.1, accuracy: 0.05)
        XCTAssertEqual(d.gap, 70.4463 - 51.7182, accuracy: 1e-12)
    }

    /// Love-Koh J, Asaria M, Cookson R, Griffin S (2015) The social distribution of health:
    /// estimating quality-adjusted life expectancy in England. Value Health 18(5):655–662.
    /// QALE at birth by IMD quintile as coded in the York Health Equity Impact Calculator (shared
    /// data qale_by_imd_quintile_england_love_koh_2015.csv); `pop_old` populations.
    private func loveKohQALE() throws -> HealthDistribution {
        try HealthDistribution(
            groups: ["Q1", "Q2", "Q3", "Q4", "Q5"],
            populations: [10_903_581, 10_803_295, 10_700_828, 10_586_513, 10_499_512],
            health: [63.19885892, 67.67622058, 69.99007964, 73.18449964, 75.07027193])
    }

    /// The paper's abstract reports a gap of 11.87 QALYs between the richest and poorest fifths.
    /// The other values are from an independent NumPy computation (weighted `polyfit` on ridits,
    /// 2·Σ p h x / μ − 1, (Σ p h^(1−ε))^(1/(1−ε)), μ − ln Σ p e^(−α(h−μ))/α).
    func testLoveKohQALEGapAndIndices() throws {
        let d = try loveKohQALE()
        XCTAssertEqual(d.gap, 11.87, accuracy: 0.005)
        XCTAssertEqual(d.mean, 69.76783642240007, accuracy: 1e-10)
        XCTAssertEqual(d.slopeIndex, 14.655587356402755, accuracy: 1e-10)
        XCTAssertEqual(try d.concentrationIndex, 0.033609184709114226, accuracy: 1e-13)
        XCTAssertEqual(try d.atkinsonIndex(epsilon: 1), 0.001826003300715362, accuracy: 1e-13)
        XCTAssertEqual(try d.atkinsonIndex(epsilon: 2), 0.003676473776179412, accuracy: 1e-13)
        XCTAssertEqual(try d.atkinsonIndex(epsilon: 10), 0.01882638127736147, accuracy: 1e-13)
        XCTAssertEqual(try d.kolmIndex(alpha: 0.15), 1.3421126300487316, accuracy: 1e-10)
    }

    /// Robson M, Asaria M, Cookson R, Tsuchiya A, Ali S (2017) Eliciting the level of health
    /// inequality aversion in England. Health Econ 26(10):1328–1334: the median Atkinson aversion
    /// ε = 10.95 "at current levels of quality adjusted life expectancy, implies weighting health
    /// gains to the poorest fifth of people in society six to seven times as highly as health gains
    /// to the richest fifth". The weight of a gain to group g per person is ∂EDE/∂h_g / p_g
    /// ∝ h_g^(−ε); we take it from the EDE by central differences on the Love-Koh QALE.
    /// Closed form (h_1/h_5)^(−10.95) = 6.585796921798191 (NumPy).
    func testRobsonAversionWeightsThePoorestFifthSixToSevenTimes() throws {
        let d = try loveKohQALE()
        func marginalWelfare(_ g: Int) throws -> Double {
            let step = 1e-4
            var up = d.health, down = d.health
            up[g] += step
            down[g] -= step
            let plus = try HealthDistribution(groups: d.groups, populations: d.populations, health: up)
            let minus = try HealthDistribution(groups: d.groups, populations: d.populations, health: down)
            return (try plus.atkinsonEDE(epsilon: 10.95) - minus.atkinsonEDE(epsilon: 10.95)) / (2 * step) / d.shares[g]
        }
        let ratio = try marginalWelfare(0) / marginalWelfare(4)
        XCTAssertGreaterThanOrEqual(ratio, 6)
        XCTAssertLessThanOrEqual(ratio, 7)
        XCTAssertEqual(ratio, 6.585796921798191, accuracy: 1e-5)
    }

    /// dceasimR (Heorlytics), an R implementation of Cookson R, Griffin S, Norheim OF, Culyer AJ
    /// (2020) Distributional Cost-Effectiveness Analysis (OUP), publishes EDE values in its
    /// documentation: reference page `calc_ede`
    /// (https://heorlytics.github.io/dceasimR/reference/calc_ede.html) for health 60…72 with equal
    /// weights, and vignette "Social welfare functions"
    /// (https://heorlytics.github.io/dceasimR/articles/v05_social_welfare_functions.html) for health
    /// 52.1…66.8. Tolerances are half a unit in the last printed digit (R prints 7 significant
    /// digits). NumPy reproduces every value.
    func testDceasimRDocumentedEDEValues() throws {
        let fifths = Array(repeating: 0.2, count: 5)
        let groups = ["Q1", "Q2", "Q3", "Q4", "Q5"]
        let gradient = try HealthDistribution(groups: groups, populations: fifths, health: [60, 63, 66, 69, 72])
        XCTAssertEqual(try gradient.atkinsonEDE(epsilon: 0), 66, accuracy: 1e-12)
        XCTAssertEqual(try gradient.atkinsonEDE(epsilon: 1), 65.8633, accuracy: 5e-5)
        XCTAssertEqual(try gradient.atkinsonEDE(epsilon: 5), 65.31903, accuracy: 5e-6)

        let baseline = try HealthDistribution(groups: groups, populations: fifths, health: [52.1, 56.3, 59.8, 63.2, 66.8])
        XCTAssertEqual(try baseline.atkinsonEDE(epsilon: 0), 59.64, accuracy: 1e-12)
        XCTAssertEqual(try baseline.atkinsonEDE(epsilon: 1), 59.41665, accuracy: 5e-6)
        XCTAssertEqual(try baseline.atkinsonEDE(epsilon: 5), 58.51938, accuracy: 5e-6)

        // The vignette's welfare decomposition: gains (0.5, 0.6, 0.5, 0.4, 0.3) raise the ε = 1 EDE
        // to 59.88513, a change of 0.4684784.
        let post = try HealthDistribution(groups: groups, populations: fifths, health: [52.6, 56.9, 60.3, 63.6, 67.1])
        XCTAssertEqual(try post.atkinsonEDE(epsilon: 1), 59.88513, accuracy: 5e-6)
        XCTAssertEqual(try post.atkinsonEDE(epsilon: 1) - baseline.atkinsonEDE(epsilon: 1), 0.4684784, accuracy: 5e-8)
    }
}
