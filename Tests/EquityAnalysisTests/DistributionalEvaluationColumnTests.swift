import DrawStatistics
import EquityAnalysis
import Foundation
import WorkbenchTestSupport
import XCTest

/// The distributional evaluation read from column files a piece at a time (issue 18) gives the
/// same bits as the formula of MODEL.md §4 applied to arrays held whole, and the switch searches
/// use the first ``DistributionalEvaluation/switchSearchDraws`` draws.
final class DistributionalEvaluationColumnTests: XCTestCase {

    let groups = ["Q1", "Q2", "Q3"], populations = [1_000.0, 1_500.0, 2_500.0]
    let optionNames = ["base", "B"]
    /// More than one file piece (65,536 values) and many evaluation pieces.
    let drawCount = 66_001

    /// Group QALY totals `[option][draw][group]` around 60 per person (duplicates and all) and
    /// costs `[option][draw]`.
    func randomInputs(seed: UInt64) -> (qalys: [[[Double]]], costs: [[Double]]) {
        var random = SplitMix64(seed: seed)
        let qalys = optionNames.indices.map { _ in
            (0..<drawCount).map { _ in populations.map { $0 * Double(Int.random(in: 55_000...65_000, using: &random)) / 1_000 } }
        }
        let costs = optionNames.indices.map { _ in (0..<drawCount).map { _ in Double.random(in: 1e6...3e6, using: &random) } }
        return (qalys, costs)
    }

    /// A temporary folder, removed when the test ends.
    func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dcea-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// Writes `values` after `offset` values of padding and returns the column over them.
    func fileColumn(_ values: [Double], in folder: String, name: String, offset: Int = 3) throws -> DrawColumn {
        let writer = try ColumnFileWriter(path: "\(folder)/\(name).f64")
        try writer.write(Array(repeating: .nan, count: offset) + values, at: 0)
        writer.close()
        return DrawColumn(file: writer.path, offset: offset, count: values.count)
    }

    func assertSameBits(_ a: [Double], _ b: [Double], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, what, file: file, line: line)
        if a.count == b.count, let d = a.indices.first(where: { a[$0].bitPattern != b[$0].bitPattern }) {
            XCTFail("\(what): draw \(d) is \(a[d]), expected \(b[d])", file: file, line: line)
        }
    }

    func assertSameBits(_ a: Interval, _ b: Interval, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        assertSameBits([a.mean, a.low, a.high], [b.mean, b.low, b.high], what, file: file, line: line)
    }

    func testFileColumnsGiveTheBitsOfTheFormulaOnArrays() throws {
        let (qalys, costs) = randomInputs(seed: 18)
        let opportunityCost = try OpportunityCost(perQALY: 15_000, shares: [0.5, 0.3, 0.2])
        let folder = try temporaryFolder()
        let qalyColumns = try optionNames.indices.map { o in
            try groups.indices.map { g in try fileColumn(qalys[o].map { $0[g] }, in: folder, name: "q\(o)-\(g)") }
        }
        let costColumns = try optionNames.indices.map { try fileColumn(costs[$0], in: folder, name: "c\($0)") }
        let scratch = ScratchSpace(directory: folder)
        let columns = try DistributionalEvaluation(
            groups: groups, populations: populations, optionNames: optionNames, qalys: qalyColumns, costs: costColumns,
            opportunityCost: opportunityCost, scratch: scratch)
        let arrays = try DistributionalEvaluation(
            groups: groups, populations: populations, optionNames: optionNames, qalys: qalys, costs: costs,
            opportunityCost: opportunityCost)
        XCTAssertFalse(try XCTUnwrap(columns.healthChanges.last).isInMemory, "health changes are written to the scratch folder")

        // The formula as written before issue 18, on whole arrays: baseline = base QALYs per person.
        let total = populations.reduce(0, +)
        func health(_ o: Int, _ d: Int) -> (health: [Double], change: Double) {
            let incrementalCost = costs[o][d] - costs[0][d]
            var health: [Double] = [], change = 0.0
            for g in groups.indices {
                let netGain = qalys[o][d][g] - qalys[0][d][g] - incrementalCost / 15_000 * opportunityCost.shares[g]
                health.append(qalys[0][d][g] / populations[g] + netGain / populations[g])
                change += netGain
            }
            return (health, change)
        }
        for o in optionNames.indices {
            let expected = (0..<drawCount).map { health(o, $0) }
            assertSameBits(try columns.healthChanges[o].array(), expected.map(\.change), "health change of option \(o)")
            assertSameBits(try arrays.healthChanges[o].array(), expected.map(\.change), "health change of option \(o), arrays")
            var seen = 0
            try columns.forEachDistributionWithBase(option: o) { d, h, base, change in
                XCTAssertEqual(d, seen)
                seen += 1
                if h.health.map(\.bitPattern) != expected[d].health.map(\.bitPattern) || base.health != health(0, d).health
                    || change.bitPattern != expected[d].change.bitPattern {
                    XCTFail("option \(o), draw \(d): \(h.health) against \(expected[d].health)")
                }
            }
            XCTAssertEqual(seen, drawCount)

            // Several measures in one pass, each as Interval of its values in draw order.
            let measures: [(HealthDistribution) throws -> Double] = [
                { $0.slopeIndex }, { try $0.atkinsonEDE(epsilon: 2) * $0.totalPopulation }, { try $0.kolmEDE(alpha: 0.5) },
            ]
            let found = try columns.summaries(option: o, measures: measures)
            for (k, measure) in measures.enumerated() {
                let values = try expected.map { h in
                    try measure(try HealthDistribution(groups: groups, populations: populations, health: h.health))
                }
                assertSameBits(found[k], Interval(values), "measure \(k) of option \(o)")
            }
            XCTAssertEqual(total, columns.totalPopulation)
        }

        for (a, b) in zip(try columns.welfareRankings(epsilons: [0, 2, .infinity]), try arrays.welfareRankings(epsilons: [0, 2, .infinity])) {
            XCTAssertEqual(a.order, b.order)
            for (x, y) in zip(a.welfare, b.welfare) { assertSameBits(x, y, "welfare at ε = \(a.epsilon)") }
        }
        for (a, b) in zip(try columns.kolmRankings(alphas: [0.5]), try arrays.kolmRankings(alphas: [0.5])) {
            XCTAssertEqual(a.order, b.order)
            for (x, y) in zip(a.welfare, b.welfare) { assertSameBits(x, y, "Kolm welfare at α = \(a.alpha)") }
        }
        for (a, b) in zip(try columns.impactPlanes(), try arrays.impactPlanes()) {
            XCTAssertEqual(a.shares, b.shares)
            let sizes = (0..<drawCount).map { d in
                abs(HealthDistribution.slope(health(a.option, d).health, populations)) - abs(HealthDistribution.slope(health(0, d).health, populations))
            }
            assertSameBits(try a.inequalityChanges.array(), sizes, "impact plane of option \(a.option)")
            assertSameBits(try b.inequalityChanges.array(), sizes, "impact plane of option \(b.option), arrays")
        }
    }

    /// Base keeps 60 and 70 years in two equal groups; B adds 2 years to the better-off group and
    /// takes 0.5 from the worse-off one, with noise, so B wins at low aversion and base at high.
    /// Draw 100,000 (the 100,001st) gives B a gain so large that, counted, B would be best at
    /// every aversion and there would be no switch.
    func switchInputs(draws: Int) -> (qalys: [[[Double]]], costs: [[Double]]) {
        var random = SplitMix64(seed: 7)
        let base = (0..<draws).map { _ in [6_000.0, 7_000] }
        let b = (0..<draws).map { d in
            d == DistributionalEvaluation.switchSearchDraws ? [1e7, 1e7]
                : [5_950 + Double.random(in: -10...10, using: &random), 7_200 + Double.random(in: -10...10, using: &random)]
        }
        return ([base, b], [Array(repeating: 0, count: draws), Array(repeating: 0, count: draws)])
    }

    func testSwitchSearchesUseTheFirst100000Draws() throws {
        let n = DistributionalEvaluation.switchSearchDraws
        func evaluation(_ draws: Int) throws -> DistributionalEvaluation {
            let (qalys, costs) = switchInputs(draws: draws)
            return try DistributionalEvaluation(
                groups: ["Q1", "Q2"], populations: [100, 100], optionNames: ["base", "B"], qalys: qalys, costs: costs,
                baselineHealth: [60, 70])
        }
        let all = try evaluation(n + 1), first = try evaluation(n)
        let switches = try all.aversionSwitches(gridPoints: 2, tolerance: 0.05)
        XCTAssertEqual(switches.map { [$0.from, $0.to] }, [[1, 0]], "B is best at ε = 0, base at high ε")
        XCTAssertEqual(switches, try first.aversionSwitches(gridPoints: 2, tolerance: 0.05))
        let kolm = try all.kolmAversionSwitches(gridPoints: 2, tolerance: 0.05)
        XCTAssertEqual(kolm.map { [$0.from, $0.to] }, [[1, 0]])
        XCTAssertEqual(kolm, try first.kolmAversionSwitches(gridPoints: 2, tolerance: 0.05))
        // The rankings use every draw: with the last one, B is best even at ε = ∞ and α = ∞.
        XCTAssertEqual(try all.welfareRankings(epsilons: [.infinity])[0].best, 1)
        XCTAssertEqual(try all.kolmRankings(alphas: [.infinity])[0].order[0], 1)
    }
}

extension HealthDistribution {
    /// The slope index of inequality of `health` in groups of `populations` (test shorthand).
    static func slope(_ health: [Double], _ populations: [Double]) -> Double {
        (try? HealthDistribution(groups: populations.indices.map { "g\($0)" }, populations: populations, health: health))?.slopeIndex ?? .nan
    }
}
