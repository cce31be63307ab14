import Foundation
@testable import MonteCarlo
@testable import Reporting
import XCTest

/// Files of a run with many draws: draws.csv is written in pieces but holds the bytes one
/// CSVText gives, and results.xlsx's Draws sheet stops at ``RunWorkbook/drawLimit`` draws per
/// option (draws.csv keeps every draw).
final class LargeRunFilesTests: XCTestCase {
    /// A table of `draws` draws of two options whose QALYs are the draw number (base) and its
    /// negative (the other option), so any row can be checked by eye.
    private func table(draws: Int) -> DrawTable {
        var table = DrawTable(optionNames: ["base", "other"], groupNames: ["Q1", "Q5"], serviceNames: [], interventionNames: [],
                              draws: draws, horizon: 1)
        table.qalys = (0..<draws).map(Double.init) + (0..<draws).map { -Double($0) - 0.5 }
        return table
    }

    func testDrawsCSVWrittenInPiecesHasEveryRowInOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("large-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let draws = 12_000  // about 1.1 MB of text: more than one piece
        let table = table(draws: draws)
        let folder = try ResultsFolder(parent: root, name: "run")
        try RunFiles.writeDrawsCSV(table, to: folder)
        try folder.commit(manifest: RunManifest(toolVersion: "test", scenario: "s", scenarioFile: "s.yaml", scenarioHash: "0", seed: 1,
                                                draws: draws, deterministic: false, threads: 1, options: table.optionNames,
                                                countNoise: "none", startedUTC: "", wallSeconds: 0, command: []))
        let text = try String(contentsOf: folder.destination.appendingPathComponent("draws.csv"), encoding: .utf8)
        XCTAssertGreaterThan(text.utf8.count, 1 << 20)
        var expected = CSVText(header: ["draw", "option"] + RunFiles.drawColumns(table))
        let G = table.groupCount
        for o in 0..<2 {
            for d in 0..<draws {
                let row = o * draws + d
                let values = [table.qalys[row], table.cost[row], table.deaths[row], table.lifeYears[row], table.qalysAfterHorizon[row]]
                    + [table.groupQalys, table.groupDeaths, table.groupLifeYears].flatMap { metric in (0..<G).map { metric[row * G + $0] } }
                expected.append([.integer(d), .text(table.optionNames[o])] + values.map(CSVField.number))
            }
        }
        XCTAssertEqual(text, expected.text)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 1 + 2 * draws)
        XCTAssertTrue(lines[draws + 1].hasPrefix("0,other,-0.5,"), String(lines[draws + 1]))
        XCTAssertTrue(lines[2 * draws].hasPrefix("11999,other,-11999.5,"), String(lines[2 * draws]))
    }

    func testDrawsSheetStopsAtItsLimitPerOption() throws {
        let limit = RunWorkbook.drawLimit
        let sheet = try RunWorkbook.draws(table(draws: limit + 7))
        XCTAssertEqual(sheet.rows.count, 2 * limit)
        // the other option starts after base's first `limit` draws, at draw 0
        XCTAssertEqual(sheet.rows[limit][0], .number(0))
        XCTAssertEqual(sheet.rows[limit][2], .number(-0.5))
        XCTAssertEqual(sheet.rows[limit - 1][2], .number(Double(limit - 1)))
        XCTAssertEqual(try RunWorkbook.draws(table(draws: 30)).rows.count, 60)
    }
}
