import DrawStatistics
import XCTest

/// The option × draw shape both evaluations check, with the first problem found named.
final class DrawLayoutTests: XCTestCase {
    func testTwoOptionsOfThreeDrawsHaveThreeDraws() throws {
        XCTAssertEqual(try DrawLayout.drawCount(optionNames: ["a", "b"], qalys: [[1.0, 2, 3], [4.0, 5, 6]], costs: [[0.0], [0.0]]), 3)
    }

    func testNoOptionsIsEmpty() {
        XCTAssertThrowsError(try DrawLayout.drawCount(optionNames: [], qalys: [[Double]](), costs: [[Double]]())) {
            XCTAssertEqual($0 as? DrawLayout.Problem, .empty(what: "options"))
        }
    }

    func testMissingCostsAreALengthMismatch() {
        XCTAssertThrowsError(try DrawLayout.drawCount(optionNames: ["a", "b"], qalys: [[1.0], [2.0]], costs: [[0.0]])) {
            XCTAssertEqual($0 as? DrawLayout.Problem, .lengthMismatch(what: "costs (one entry per option)", expected: 2, found: 1))
        }
    }

    func testNoDrawsIsEmpty() {
        XCTAssertThrowsError(try DrawLayout.drawCount(optionNames: ["a"], qalys: [[Double]()], costs: [[Double]()])) {
            XCTAssertEqual($0 as? DrawLayout.Problem, .empty(what: "draws of option a"))
        }
    }
}
