import RunAnalysis
import XCTest

/// The harm warning's probabilities on four draws, where every share can be counted by hand.
final class HarmsTests: XCTestCase {
    /// Q1's deaths rise in 3 of 4 draws (+2, +1, −1, +3), Q2's in 1 of 4 (0, 0, +0.5, −2); the
    /// total changes by +2, +1, −0.5, +1: up in 3 of 4. Unmet demand for the one service rises
    /// in 2 of 4 draws (+10, 0, +5, −5), which is not more than half.
    func testSharesOfDrawsAndWarning() {
        let harms = Harms(healthGain: 12, groupNames: ["Q1", "Q2"],
                          groupDeathChanges: [[2, 1, -1, 3], [0, 0, 0.5, -2]],
                          groupUnmetChanges: [[6, 0, 5, -5], [4, 0, 0, 0]],
                          serviceNames: ["emergency"], serviceUnmetChanges: [[10, 0, 5, -5]])
        XCTAssertEqual(harms.groups[0].probabilityMore, 0.75)
        XCTAssertEqual(harms.groups[1].probabilityMore, 0.25)
        XCTAssertEqual(harms.probabilityMoreDeaths, 0.75)
        XCTAssertEqual(harms.deaths.mean, (2 + 1 - 0.5 + 1) / 4, accuracy: 1e-12)
        XCTAssertEqual(harms.groups[0].change.mean, 1.25, accuracy: 1e-12)
        XCTAssertEqual(harms.services[0].probabilityMore, 0.5)
        XCTAssertEqual(harms.unmet.mean, 2.5, accuracy: 1e-12)
        XCTAssertTrue(harms.moreDeathsLikely)
        XCTAssertTrue(harms.servicesShortLikely.isEmpty, "a rise in exactly half the draws is not more than half")
        XCTAssertEqual(harms.groupUnmet[0].probabilityMore, 0.5)
        XCTAssertEqual(harms.groupUnmet[1].change.mean, 1, accuracy: 1e-12)
        XCTAssertTrue(harms.groupsShortLikely.isEmpty)
        XCTAssertTrue(harms.warns)
    }

    /// The same harms behind a health loss are no hidden harm: the option is already worse.
    func testNoWarningWithoutAHealthGain() {
        let harms = Harms(healthGain: -3, groupNames: ["Q1"], groupDeathChanges: [[1, 1, 1]], groupUnmetChanges: [[1, 1, 1]],
                          serviceNames: ["gp"], serviceUnmetChanges: [[1, 1, 1]])
        XCTAssertEqual(harms.probabilityMoreDeaths, 1)
        XCTAssertFalse(harms.warns)
    }

    /// Unmet demand for one service rising in 3 of 5 draws warns on its own; a group's deaths
    /// moving by less than the tolerance (last-bit noise) count as no rise.
    func testOneServiceShortWarnsAndNoiseIsNoRise() {
        let harms = Harms(healthGain: 5, groupNames: ["Q1", "Q2"],
                          groupDeathChanges: [[1e-9, 1e-9, 0, 0, 0], [-1, -1, -1, -1, -1]],
                          groupUnmetChanges: [[1, 1, 1, -2, -5], [-2, -3, -4, -2, -5]],
                          serviceNames: ["gp", "emergency"],
                          serviceUnmetChanges: [[-4, -4, -4, -4, -4], [3, 2, 1, 0, -6]])
        XCTAssertEqual(harms.groups[0].probabilityMore, 0)
        XCTAssertFalse(harms.moreDeathsLikely)
        XCTAssertEqual(harms.servicesShortLikely.map(\.name), ["emergency"])
        XCTAssertEqual(harms.services[1].probabilityMore, 0.6)
        XCTAssertEqual(harms.probabilityMoreUnmet, 0, "the total (−1, −2, −3, −4, −10) falls in every draw")
        XCTAssertEqual(harms.groupsShortLikely.map(\.name), ["Q1"], "Q1's unmet demand rises in 3 of 5 draws while the total falls")
        XCTAssertTrue(harms.warns)
    }

    /// A rise in one group's unmet demand warns on its own, even when deaths, the total and every
    /// service fall: a shift of shortage onto the most deprived is a harm a board must see.
    func testOneGroupShortWarns() {
        let harms = Harms(healthGain: 5, groupNames: ["Q1", "Q2"],
                          groupDeathChanges: [[-1, -1, -1], [-1, -1, -1]],
                          groupUnmetChanges: [[2, 2, -1], [-5, -5, -5]],
                          serviceNames: ["gp"], serviceUnmetChanges: [[-3, -3, -6]])
        XCTAssertTrue(harms.servicesShortLikely.isEmpty)
        XCTAssertEqual(harms.groupUnmet[0].probabilityMore, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(harms.groupsShortLikely.map(\.name), ["Q1"])
        XCTAssertTrue(harms.warns)
    }
}
