import CClp
import XCTest

/// The Clp C interface links and solves: until the LinearProgramming module wraps it, this
/// checks the system library target on a textbook LP.
///
/// maximise 3x + 5y subject to x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18, x, y ≥ 0
/// (Hillier & Lieberman, Introduction to Operations Research, the Wyndor Glass example):
/// optimum x = 2, y = 6, objective 36; duals of the three rows 0, 1.5, 1.
final class ClpSmokeTests: XCTestCase {
    func testWyndorGlassExample() throws {
        let model = try XCTUnwrap(Clp_newModel())
        defer { Clp_deleteModel(model) }
        Clp_setLogLevel(model, 0)
        // Column-major rows: x in rows 0 and 2; y in rows 1 and 2.
        var starts: [CoinBigIndex] = [0, 2, 4]
        var rows: [Int32] = [0, 2, 1, 2]
        var values: [Double] = [1, 3, 2, 2]
        var columnLower: [Double] = [0, 0]
        var columnUpper: [Double] = [Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude]
        var objective: [Double] = [3, 5]
        var rowLower: [Double] = [-Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude]
        var rowUpper: [Double] = [4, 12, 18]
        Clp_loadProblem(model, 2, 3, &starts, &rows, &values, &columnLower, &columnUpper, &objective, &rowLower, &rowUpper)
        Clp_setOptimizationDirection(model, -1)  // maximise
        XCTAssertEqual(Clp_initialSolve(model), 0)
        XCTAssertEqual(Clp_status(model), 0, "0 = optimal")
        XCTAssertEqual(Clp_objectiveValue(model), 36, accuracy: 1e-9)
        let solution = UnsafeBufferPointer(start: Clp_getColSolution(model), count: 2)
        XCTAssertEqual(solution[0], 2, accuracy: 1e-9)
        XCTAssertEqual(solution[1], 6, accuracy: 1e-9)
        let duals = UnsafeBufferPointer(start: Clp_getRowPrice(model), count: 3)
        XCTAssertEqual(abs(duals[0]), 0, accuracy: 1e-9)
        XCTAssertEqual(abs(duals[1]), 1.5, accuracy: 1e-9)
        XCTAssertEqual(abs(duals[2]), 1, accuracy: 1e-9)
    }
}
