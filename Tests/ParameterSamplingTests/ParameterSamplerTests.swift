import Foundation
import ScenarioModel
import XCTest
@testable import ParameterSampling

final class ParameterSamplerTests: XCTestCase {
    private let parameters = [
        Parameter(path: "needs.hypertension.prevalence.base", distribution: .beta(mean: 0.14, sd: 0.02)),
        Parameter.fixed(1900, at: "services.emergency_admission.unit_cost"),
        Parameter(path: "services.emergency_admission.access.base", distribution: .pert(low: 0.6, mode: 0.9, high: 1)),
        Parameter(path: "interventions.case_finding.cost_per_participant", distribution: .gamma(mean: 40, sd: 8)),
        Parameter(path: "cohorts.0.growth", distribution: .normal(mean: 0.004, sd: 0.001)),
    ]

    func testMeansAreTheDistributionMeans() throws {
        let sampler = try ParameterSampler(parameters: parameters, correlations: [], seed: 42)
        XCTAssertEqual(sampler.means, parameters.map(\.distribution.mean))
        XCTAssertEqual(sampler.values(draw: 0)[1], 1900)
    }

    /// An uncorrelated value is the family's sampler on the stream (seed, draw, path), so it
    /// does not depend on the order of the parameters or on which others exist.
    func testUncorrelatedValuesDependOnlyOnSeedDrawAndPath() throws {
        let sampler = try ParameterSampler(parameters: parameters, correlations: [], seed: 42)
        let reordered = try ParameterSampler(parameters: parameters.reversed() + [Parameter(path: "extra", distribution: .uniform(low: 0, high: 1))],
                                             correlations: [], seed: 42)
        for draw in [0, 1, 999] {
            let values = sampler.values(draw: draw)
            let others = reordered.values(draw: draw)
            for (i, parameter) in parameters.enumerated() {
                var stream = RandomStream(seed: 42, draw: draw, path: parameter.path)
                XCTAssertEqual(values[i], parameter.distribution.sample(using: &stream), parameter.path)
                XCTAssertEqual(others[parameters.count - 1 - i], values[i], parameter.path)
            }
        }
        XCTAssertNotEqual(sampler.values(draw: 0), sampler.values(draw: 1))
        XCTAssertNotEqual(sampler.values(draw: 0), try ParameterSampler(parameters: parameters, correlations: [], seed: 43).values(draw: 0))
    }

    /// Several threads calling `values(draw:)` on one sampler get what one thread gets.
    func testConcurrentUseGivesTheSameValues() throws {
        let correlations = [Scenario.Correlation(first: parameters[0].path, second: parameters[3].path, rho: 0.5)]
        let sampler = try ParameterSampler(parameters: parameters, correlations: correlations, seed: 7)
        let serial = (0..<200).map { sampler.values(draw: $0) }
        let results = ConcurrentResults<[Double]>(count: 200)
        DispatchQueue.concurrentPerform(iterations: 200) { draw in
            results.set(draw, sampler.values(draw: draw))
        }
        XCTAssertEqual(results.values, serial)
    }

    /// 10⁵ correlated normal pairs: the sample correlation is within 0.01 of rho (its standard
    /// error is (1 − ρ²)/√n ≤ 0.0032), and the marginals are unchanged.
    func testCorrelatedNormalsHaveTheRequestedCorrelation() throws {
        for rho in [0.6, -0.35] {
            let pair = [
                Parameter(path: "a", distribution: .normal(mean: 10, sd: 2)),
                Parameter(path: "b", distribution: .normal(mean: -1, sd: 0.5)),
            ]
            let sampler = try ParameterSampler(parameters: pair, correlations: [.init(first: "b", second: "a", rho: rho)], seed: 11)
            let draws = Self.values(sampler, draws: 100_000)
            XCTAssertEqual(pearson(draws.map { $0[0] }, draws.map { $0[1] }), rho, accuracy: 0.01, "rho \(rho)")
            SampleCheck.assertMoments(draws.map { $0[0] }, .normal(mean: 10, sd: 2), "a, rho \(rho)")
            SampleCheck.assertMoments(draws.map { $0[1] }, .normal(mean: -1, sd: 0.5), "b, rho \(rho)")
        }
    }

    /// With gamma and beta marginals the copula keeps Spearman's rank correlation at
    /// (6/π)·asin(ρ/2) (Kruskal 1958) and the marginals exact (KS at the 0.001 level).
    /// A third parameter correlated with neither stays uncorrelated. 10⁵ draws.
    func testCopulaPreservesSpearmanCorrelationAndMarginals() throws {
        let gamma = Distribution.gamma(mean: 0.5, sd: 1)
        let beta = Distribution.beta(mean: 0.02, sd: 0.05)
        let set = [
            Parameter(path: "g", distribution: gamma),
            Parameter(path: "independent", distribution: .uniform(low: 0, high: 1)),
            Parameter(path: "b", distribution: beta),
        ]
        let rho = 0.7
        let sampler = try ParameterSampler(parameters: set, correlations: [.init(first: "g", second: "b", rho: rho)], seed: 5)
        let draws = Self.values(sampler, draws: 100_000)
        let (g, u, b) = (draws.map { $0[0] }, draws.map { $0[1] }, draws.map { $0[2] })
        XCTAssertEqual(spearman(g, b), 6 / Double.pi * asin(rho / 2), accuracy: 0.01)
        XCTAssertEqual(spearman(g, u), 0, accuracy: 0.015)
        SampleCheck.assertKolmogorovSmirnov(g, cdf: { gamma.cdf($0) }, "copula gamma marginal")
        SampleCheck.assertKolmogorovSmirnov(b, cdf: { beta.cdf($0) }, "copula beta marginal")
    }

    /// A chain a–b, b–c puts a and c in one block with correlation 0 between them; a
    /// parameter between them in the list is left alone.
    func testChainedCorrelationsFormOneBlock() throws {
        let set = ["a", "x", "b", "c"].map { Parameter(path: $0, distribution: .normal(mean: 0, sd: 1)) }
        let sampler = try ParameterSampler(parameters: set, correlations: [
            .init(first: "a", second: "b", rho: 0.5), .init(first: "c", second: "b", rho: 0.5),
        ], seed: 3)
        let draws = (0..<50_000).map { sampler.values(draw: $0) }
        let column = { (i: Int) in draws.map { $0[i] } }
        XCTAssertEqual(pearson(column(0), column(2)), 0.5, accuracy: 0.015)
        XCTAssertEqual(pearson(column(2), column(3)), 0.5, accuracy: 0.015)
        XCTAssertEqual(pearson(column(0), column(3)), 0, accuracy: 0.015)
        XCTAssertEqual(pearson(column(1), column(0)), 0, accuracy: 0.015)
        var stream = RandomStream(seed: 3, draw: 17, path: "x")
        XCTAssertEqual(draws[17][1], stream.normal())
    }

    /// Pairwise 0.9, 0.9, −0.9 among a, b, c: each pair is possible alone but not all three;
    /// the failing leading minor has order 3, so the report names c and its pairs with a and b.
    func testInconsistentCorrelationsNameTheBreakingParameter() {
        let set = ["a", "b", "c", "d"].map { Parameter(path: $0, distribution: .normal(mean: 0, sd: 1)) }
        let ab = Scenario.Correlation(first: "a", second: "b", rho: 0.9)
        let ac = Scenario.Correlation(first: "c", second: "a", rho: 0.9)
        let bc = Scenario.Correlation(first: "b", second: "c", rho: -0.9)
        let cd = Scenario.Correlation(first: "c", second: "d", rho: 0.1)
        XCTAssertThrowsError(try ParameterSampler(parameters: set, correlations: [ab, cd, ac, bc], seed: 1)) { error in
            XCTAssertEqual(error as? ParameterSamplerError, .inconsistentCorrelations(path: "c", conflicting: [ac, bc]))
            XCTAssert("\(error)".contains("[c, a] rho 0.9"), "\(error)")
        }
    }

    func testInvalidCorrelationsAreRejected() {
        let a = "needs.hypertension.prevalence.base", fixed = "services.emergency_admission.unit_cost"
        let g = "interventions.case_finding.cost_per_participant"
        func error(_ correlations: [Scenario.Correlation]) -> ParameterSamplerError? {
            do {
                _ = try ParameterSampler(parameters: parameters, correlations: correlations, seed: 1)
                return nil
            } catch {
                return error
            }
        }
        let unknown = Scenario.Correlation(first: a, second: "needs.hypertension.prevalance.base", rho: 0.2)
        XCTAssertEqual(error([unknown]), .unknownPath("needs.hypertension.prevalance.base", in: unknown))
        let toFixed = Scenario.Correlation(first: fixed, second: a, rho: 0.2)
        XCTAssertEqual(error([toFixed]), .fixedParameter(fixed, in: toFixed))
        for rho in [1, -1, 1.5, .nan] {
            let bad = Scenario.Correlation(first: a, second: g, rho: rho)
            guard case .rhoOutOfRange(let reported)? = error([bad]) else { return XCTFail("rho \(rho)") }
            XCTAssertEqual(reported.first, a)
        }
        let first = Scenario.Correlation(first: a, second: g, rho: 0.2)
        let again = Scenario.Correlation(first: g, second: a, rho: 0.3)
        XCTAssertEqual(error([first, again]), .repeatedPair(again, earlier: first))
        let itself = Scenario.Correlation(first: a, second: a, rho: 0.2)
        XCTAssertEqual(error([itself]), .selfCorrelation(itself))
    }

    func testInvalidParametersAreRejected() {
        let x = Parameter(path: "x", distribution: .normal(mean: 0, sd: 1))
        XCTAssertThrowsError(try ParameterSampler(parameters: [x, x], correlations: [], seed: 1)) {
            XCTAssertEqual($0 as? ParameterSamplerError, .duplicatePath("x"))
        }
        let bad = Parameter(path: "y", distribution: .beta(mean: 0.5, sd: 0.6))
        XCTAssertThrowsError(try ParameterSampler(parameters: [bad], correlations: [], seed: 1)) {
            guard case .invalidDistribution(let path, _)? = $0 as? ParameterSamplerError else {
                return XCTFail("\($0)")
            }
            XCTAssertEqual(path, "y")
        }
    }

    /// `values(draw:)` for draws `0..<draws`, on two threads.
    private static func values(_ sampler: ParameterSampler, draws: Int) -> [[Double]] {
        let halves = ConcurrentResults<[[Double]]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            halves.set(half, (half == 0 ? 0..<(draws / 2) : (draws / 2)..<draws).map { sampler.values(draw: $0) })
        }
        return halves.values.flatMap { $0 }
    }

    private func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Pearson correlation of the ranks (continuous samples, so no ties).
    private func spearman(_ x: [Double], _ y: [Double]) -> Double {
        func ranks(_ v: [Double]) -> [Double] {
            var rank = [Double](repeating: 0, count: v.count)
            for (r, i) in v.indices.sorted(by: { v[$0] < v[$1] }).enumerated() { rank[i] = Double(r) }
            return rank
        }
        return pearson(ranks(x), ranks(y))
    }
}
