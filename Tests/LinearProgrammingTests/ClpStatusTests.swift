import LinearProgramming
import XCTest

/// Clp's problem status codes (ClpModel.hpp, `problemStatus_`) and what the solver makes of them.
final class ClpStatusTests: XCTestCase {
    func testZeroIsOptimal() {
        XCTAssertEqual(ClpStatus(clpCode: 0), .optimal)
    }

    func testOneIsPrimalInfeasible() {
        XCTAssertEqual(ClpStatus(clpCode: 1), .primalInfeasible)
    }

    func testTwoIsDualInfeasible() {
        XCTAssertEqual(ClpStatus(clpCode: 2), .dualInfeasible)
    }

    func testThreeIsStoppedOnALimit() {
        XCTAssertEqual(ClpStatus(clpCode: 3), .stoppedOnLimit)
    }

    func testFourIsStoppedOnErrors() {
        XCTAssertEqual(ClpStatus(clpCode: 4), .stoppedOnErrors)
    }

    func testOtherCodesAreKeptAsTheyAre() {
        XCTAssertEqual(ClpStatus(clpCode: 5), .other(5))
        XCTAssertEqual(ClpStatus(clpCode: -1), .other(-1))
    }

    func testEveryStatusGivesBackItsCode() {
        for code in -1...5 {
            XCTAssertEqual(ClpStatus(clpCode: code).clpCode, code)
        }
    }

    /// A solver failure names Clp's number, which is what Clp's documentation lists.
    func testSolverFailureMessageShowsClpsCode() {
        let error = LinearProgramError.solverFailure(status: .stoppedOnErrors, detail: "numerical difficulties")
        XCTAssertEqual(error.description, "the LP solver failed (Clp status 4): numerical difficulties")
    }
}
