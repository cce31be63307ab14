import DrawStatistics
import EconomicEvaluation
import Foundation
import WorkbenchTestSupport
import XCTest

/// The analysis over columns read in pieces gives the bits of the array code it replaced (issue 18),
/// for columns in memory and for columns in a file (at an offset), with derived series in a
/// folder-backed scratch space. 70,003 draws span more than one piece of ``DrawColumn/chunkValues``
/// (65,536) and nine pieces of the analysis' own 8,192, the last one short.
final class ColumnAgreementTests: XCTestCase {
    static let draws = 70_003
    static let thresholds = AcceptabilityCurve.defaultThresholds

    /// Four options with ties: option 2 copies option 1 in every 7th draw (equal best value, each
    /// gets ½), option 3 copies base in every 5th draw (NMB exactly 0 against base: counts ½).
    static func data() -> (qalys: [[Double]], costs: [[Double]]) {
        var generator = SplitMix64(seed: 18)
        var qalys: [[Double]] = [[], [], [], []], costs: [[Double]] = [[], [], [], []]
        for d in 0..<draws {
            let q0 = 1000 + 10 * generator.uniform(), c0 = 2e6 + 1e5 * generator.uniform()
            qalys[0].append(q0)
            costs[0].append(c0)
            qalys[1].append(q0 + 40 + 60 * generator.uniform())
            costs[1].append(c0 + 1.5e6 + 1e6 * generator.uniform())
            qalys[2].append(d % 7 == 0 ? qalys[1][d] : q0 + 20 + 140 * generator.uniform())
            costs[2].append(d % 7 == 0 ? costs[1][d] : c0 + 2e6 + 3e6 * generator.uniform())
            qalys[3].append(d % 5 == 0 ? q0 : q0 - 5 + 30 * generator.uniform())
            costs[3].append(d % 5 == 0 ? c0 : c0 - 2e5 + 6e5 * generator.uniform())
        }
        return (qalys, costs)
    }

    /// A temporary folder removed when the test ends.
    func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cea-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// Every column in one file after 3 values of padding: QALYs of every option, then costs.
    func fileColumns(_ qalys: [[Double]], _ costs: [[Double]], in folder: String) throws -> (qalys: [DrawColumn], costs: [DrawColumn]) {
        let writer = try ColumnFileWriter(path: "\(folder)/draws.f64")
        defer { writer.close() }
        try writer.write([.nan, .nan, .nan], at: 0)
        var columns: [DrawColumn] = []
        for (k, values) in (qalys + costs).enumerated() {
            try writer.write(values, at: 3 + k * values.count)
            columns.append(DrawColumn(file: writer.path, offset: 3 + k * values.count, count: values.count))
        }
        return (Array(columns[..<qalys.count]), Array(columns[qalys.count...]))
    }

    /// Thresholds of the default grid (£1,000 apart) checked against the reference, where the
    /// choice moves from base through B and C to D; the reference takes a second per threshold.
    static let checked = [0, 15, 20, 25, 30, 40, 60, 100]

    func testColumnsInFilesGiveTheBitsOfTheArrayCode() throws {
        let (qalys, costs) = Self.data()
        let reference = Expected(ArrayReference(qalys: qalys, costs: costs), thresholds: Self.checked.map { Self.thresholds[$0] })
        // The data have ties of both kinds, so the ½ shares are exercised, and the choice changes.
        XCTAssertTrue(reference.bestValue.joined().contains { ($0 * Double(Self.draws)).rounded() != $0 * Double(Self.draws) })
        XCTAssertTrue(reference.versusBase.joined().contains { $0.map { ($0 * Double(Self.draws)).rounded() != $0 * Double(Self.draws) } ?? false })
        XCTAssertEqual(Set(reference.frontierOptions), [0, 1, 2, 3])

        let columns = try fileColumns(qalys, costs, in: try temporaryFolder())
        let inFiles = try CostEffectivenessAnalysis(optionNames: ["base", "B", "C", "D"], qalys: columns.qalys,
                                                    costs: columns.costs, scratch: ScratchSpace(directory: try temporaryFolder()))
        XCTAssertFalse(inFiles.qalys[0].isInMemory)
        XCTAssertFalse(try inFiles.netMonetaryBenefitColumn(option: 1, threshold: 20_000).isInMemory,
                       "derived series go to the scratch folder")
        try assertAgreement(inFiles, reference)
        let inMemory = try CostEffectivenessAnalysis(optionNames: ["base", "B", "C", "D"], qalys: qalys, costs: costs)
        try assertAgreement(inMemory, reference)
    }

    /// What the reference gives, computed once for both analyses.
    struct Expected {
        let reference: ArrayReference
        let thresholds: [Double]
        let bestValue: [[Double]], versusBase: [[Double?]], frontierOptions: [Int], evpi: [[Double]]

        init(_ reference: ArrayReference, thresholds: [Double]) {
            self.reference = reference
            self.thresholds = thresholds
            bestValue = thresholds.map(reference.probabilityBestValue)
            versusBase = thresholds.map(reference.probabilityCostEffectiveVersusBase)
            frontierOptions = thresholds.map(reference.frontierOption)
            evpi = thresholds.map { reference.evpi($0, population: 7) }
        }
    }

    func assertAgreement(_ analysis: CostEffectivenessAnalysis, _ expected: Expected,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = expected.reference
        let frontier = analysis.efficiencyFrontier
        XCTAssertEqual(bits(frontier.entries.map(\.cost)), bits(reference.costs.map(ArrayReference.mean)), file: file, line: line)
        XCTAssertEqual(bits(frontier.entries.map(\.qalys)), bits(reference.qalys.map(ArrayReference.mean)), file: file, line: line)
        for o in 1..<reference.qalys.count {
            let increment = try analysis.incremental(option: o)
            XCTAssertEqual(bits(increment.qalys), bits(Interval(reference.incrementalQALYs(o))), file: file, line: line)
            XCTAssertEqual(bits(increment.costs), bits(Interval(reference.incrementalCosts(o))), file: file, line: line)
            XCTAssertEqual(bits(try analysis.netMonetaryBenefitColumn(option: o, threshold: 20_000).array()),
                           bits(reference.netMonetaryBenefit(o, 20_000)), file: file, line: line)
            XCTAssertEqual(bits(try analysis.netMonetaryBenefit(option: o, threshold: 30_000)),
                           bits(reference.netMonetaryBenefit(o, 30_000)), file: file, line: line)
            XCTAssertEqual(bits(try analysis.netHealthBenefitColumn(option: o, threshold: 20_000).array()),
                           bits(zip(reference.incrementalQALYs(o), reference.incrementalCosts(o)).map { $0 - $1 / 20_000 }),
                           file: file, line: line)
        }
        let curve = try analysis.acceptabilityCurve(population: 7)
        for (k, t) in Self.checked.enumerated() {
            let threshold = Self.thresholds[t]
            XCTAssertEqual(bits(curve.bestValue.map { $0[t] }), bits(expected.bestValue[k]), "λ = \(threshold)", file: file, line: line)
            XCTAssertEqual(bits(curve.versusBase.map { $0?[t] ?? -1 }), bits(expected.versusBase[k].map { $0 ?? -1 }),
                           "λ = \(threshold)", file: file, line: line)
            XCTAssertEqual(curve.frontierOptions[t], expected.frontierOptions[k], "λ = \(threshold)", file: file, line: line)
            let information = curve.valueOfInformation[t]
            XCTAssertEqual(bits([information.population, information.perPerson]), bits(expected.evpi[k]),
                           "λ = \(threshold)", file: file, line: line)
            // One threshold at a time: the same bits as the curve.
            XCTAssertEqual(bits(try analysis.probabilityBestValue(threshold: threshold)), bits(expected.bestValue[k]),
                           "λ = \(threshold)", file: file, line: line)
            XCTAssertEqual(bits(try analysis.probabilityCostEffectiveVersusBase(threshold: threshold).map { $0 ?? -1 }),
                           bits(expected.versusBase[k].map { $0 ?? -1 }), "λ = \(threshold)", file: file, line: line)
            let evpi = try analysis.valueOfPerfectInformation(threshold: threshold, population: 7)
            XCTAssertEqual(bits([evpi.population, evpi.perPerson]), bits(expected.evpi[k]), "λ = \(threshold)", file: file, line: line)
        }
    }

    /// A non-finite value in a later piece of a file is named by option and draw.
    func testNonFiniteValueInAFileIsNamed() throws {
        var (qalys, costs) = Self.data()
        costs[2][65_540] = .infinity
        qalys[3][9] = .nan
        let columns = try fileColumns(qalys, costs, in: try temporaryFolder())
        XCTAssertThrowsError(try CostEffectivenessAnalysis(optionNames: ["base", "B", "C", "D"], qalys: columns.qalys, costs: columns.costs)) {
            XCTAssertEqual($0 as? EconomicEvaluationError, .nonFiniteValue(option: "C", draw: 65_540, what: "cost", value: .infinity))
        }
    }

    /// A column whose file has gone is an error carrying the path, not a crash.
    func testMissingColumnFileIsAnError() throws {
        let path = try temporaryFolder() + "/missing.f64"
        let column = DrawColumn(file: path, offset: 0, count: 10)
        XCTAssertThrowsError(try CostEffectivenessAnalysis(optionNames: ["base"], qalys: [column], costs: [column])) {
            guard case .unreadableColumn(path, _) = $0 as? EconomicEvaluationError else { return XCTFail("\($0)") }
        }
    }

    func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
    func bits(_ interval: Interval) -> [UInt64] { bits([interval.mean, interval.low, interval.high]) }
}

/// The array code of `CostEffectivenessAnalysis` before issue 18, kept as the reference: whole
/// arrays per option, a new array per threshold.
struct ArrayReference {
    let qalys: [[Double]], costs: [[Double]]
    var draws: Int { qalys[0].count }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    func incrementalQALYs(_ o: Int) -> [Double] { zip(qalys[o], qalys[0]).map { $0 - $1 } }
    func incrementalCosts(_ o: Int) -> [Double] { zip(costs[o], costs[0]).map { $0 - $1 } }

    func netMonetaryBenefit(_ o: Int, _ threshold: Double) -> [Double] {
        zip(incrementalQALYs(o), incrementalCosts(o)).map { $0 * threshold - $1 }
    }

    func netMonetaryBenefits(_ threshold: Double) -> [[Double]] {
        qalys.indices.map { netMonetaryBenefit($0, threshold) }
    }

    func probabilityBestValue(_ threshold: Double) -> [Double] {
        let benefits = netMonetaryBenefits(threshold)
        var wins = Array(repeating: 0.0, count: qalys.count)
        for d in 0..<draws {
            let best = benefits.reduce(-Double.infinity) { max($0, $1[d]) }
            let winners = qalys.indices.filter { benefits[$0][d] == best }
            for o in winners {
                wins[o] += 1 / Double(winners.count)
            }
        }
        return wins.map { $0 / Double(draws) }
    }

    func probabilityCostEffectiveVersusBase(_ threshold: Double) -> [Double?] {
        var result: [Double?] = [nil]
        for o in qalys.indices.dropFirst() {
            let wins = netMonetaryBenefit(o, threshold).reduce(0.0) { $0 + ($1 > 0 ? 1 : ($1 == 0 ? 0.5 : 0)) }
            result.append(wins / Double(draws))
        }
        return result
    }

    func expected(_ threshold: Double) -> [Double] {
        netMonetaryBenefits(threshold).map { $0.reduce(0, +) / Double(draws) }
    }

    func frontierOption(_ threshold: Double) -> Int {
        let values = expected(threshold)
        return values.indices.reduce(0) { values[$1] > values[$0] ? $1 : $0 }
    }

    /// EVPI for the population and per person.
    func evpi(_ threshold: Double, population: Double) -> [Double] {
        let benefits = netMonetaryBenefits(threshold)
        var perfect = 0.0
        for d in 0..<draws {
            perfect += benefits.reduce(-Double.infinity) { max($0, $1[d]) }
        }
        perfect /= Double(draws)
        let current = benefits.map { $0.reduce(0, +) / Double(draws) }.reduce(-Double.infinity, max)
        let evpi = max(0, perfect - current)
        return [evpi, evpi / population]
    }
}
