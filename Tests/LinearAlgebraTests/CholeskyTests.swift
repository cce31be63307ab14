import XCTest
@testable import LinearAlgebra

final class CholeskyTests: XCTestCase {
    /// Worked by hand, column by column (L₁₁ = √a₁₁, Lᵢ₁ = aᵢ₁/L₁₁, L₂₂ = √(a₂₂ − L₂₁²), …):
    /// L₁₁ = √4 = 2; L₂₁ = 12/2 = 6; L₃₁ = −16/2 = −8;
    /// L₂₂ = √(37 − 36) = 1; L₃₂ = (−43 − (−8)(6))/1 = 5;
    /// L₃₃ = √(98 − 64 − 25) = 3.
    func testThreeByThreeFactorMatchesHandWorkedValues() throws {
        let a = Matrix([[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let factor = try Cholesky(a)
        let expected: [Double] = [2, 0, 0, 6, 1, 0, -8, 5, 3]
        XCTAssertEqual(factor.lower.rows, 3)
        XCTAssertEqual(factor.lower.columns, 3)
        for (got, want) in zip(factor.lower.elements, expected) {
            XCTAssertEqual(got, want, accuracy: 1e-12)
        }
    }

    /// The upper triangle is never read: garbage there changes nothing.
    func testOnlyTheLowerTriangleIsRead() throws {
        let a = Matrix([[4, .nan, 99], [12, 37, -1], [-16, -43, 98]])
        XCTAssertEqual(try Cholesky(a).lower, try Cholesky(Matrix([[4, 12, -16], [12, 37, -43], [-16, -43, 98]])).lower)
    }

    /// A correlation matrix of an identity factor is itself.
    func testIdentityFactorsToIdentity() throws {
        XCTAssertEqual(try Cholesky(.identity(4)).lower, .identity(4))
    }

    /// [[1, 2], [2, 1]] has determinant −3: the 1×1 minor is fine, the 2×2 one is not.
    func testIndefiniteMatrixReportsOrderTwo() {
        let a = Matrix([[1, 2, 0], [2, 1, 0], [0, 0, 1]])
        XCTAssertThrowsError(try Cholesky(a)) { error in
            XCTAssertEqual(error as? CholeskyError, .notPositiveDefinite(order: 2))
        }
    }

    /// Correlations 0.9, 0.9, −0.9: every 2×2 minor is positive (1 − 0.81), but the full
    /// determinant is 1 − 3(0.81) − 2(0.729) = −2.888 < 0, so the failing minor has order 3.
    func testInconsistentCorrelationsReportOrderThree() {
        let a = Matrix([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])
        XCTAssertThrowsError(try Cholesky(a)) { error in
            XCTAssertEqual(error as? CholeskyError, .notPositiveDefinite(order: 3))
        }
    }

    func testNonSquareMatrixIsRejected() {
        XCTAssertThrowsError(try Cholesky(Matrix(rows: 2, columns: 3))) { error in
            XCTAssertEqual(error as? CholeskyError, .notSquare(rows: 2, columns: 3))
        }
    }

    func testNonFiniteEntryIsReportedWithItsPosition() {
        let a = Matrix([[1, 0], [.infinity, 1]])
        XCTAssertThrowsError(try Cholesky(a)) { error in
            XCTAssertEqual(error as? CholeskyError, .nonFinite(row: 1, column: 0))
        }
    }

    func testEmptyMatrixHasEmptyFactor() throws {
        XCTAssertEqual(try Cholesky(Matrix(rows: 0, columns: 0)).lower, Matrix(rows: 0, columns: 0))
    }

    /// One test per mapping of LAPACK's `info` code.
    func testLapackInfoMapping() {
        XCTAssertNil(CholeskyError(lapackInfo: 0))
        XCTAssertEqual(CholeskyError(lapackInfo: 5), .notPositiveDefinite(order: 5))
        XCTAssertEqual(CholeskyError(lapackInfo: -4), .rejectedArgument(position: 4))
    }
}

/// Solves against hand-worked systems.
final class CholeskySolveTests: XCTestCase {
    /// A = [[4, 2], [2, 3]] (det 8), b = (2, 1): A⁻¹ = [[3, −2], [−2, 4]]/8, so x = (4, 0)/8 = (0.5, 0).
    func testSolveTwoByTwo() throws {
        let factor = try Cholesky(Matrix([[4, 2], [2, 3]]))
        let x = factor.solve([2, 1])
        XCTAssertEqual(x[0], 0.5, accuracy: 1e-15)
        XCTAssertEqual(x[1], 0, accuracy: 1e-15)
        let inverse = factor.solve(Matrix.identity(2))
        for (found, expected) in zip(inverse.elements, [3.0 / 8, -2.0 / 8, -2.0 / 8, 4.0 / 8]) {
            XCTAssertEqual(found, expected, accuracy: 1e-15, "A⁻¹ = [[3, −2], [−2, 4]]/8")
        }
    }

    /// L = [[2, 0], [1, √2]] for the same A; L⁻ᵀ·z for z = (1, 0) is (0.5, 0) and for z = (0, 1) is
    /// (−1/(2√2), 1/√2): the columns of L⁻ᵀ, whose outer products sum to A⁻¹.
    func testSolveTransposedFactor() throws {
        let factor = try Cholesky(Matrix([[4, 2], [2, 3]]))
        let a = factor.solveTransposedFactor([1, 0]), b = factor.solveTransposedFactor([0, 1])
        XCTAssertEqual(a[0], 0.5, accuracy: 1e-15)
        XCTAssertEqual(a[1], 0, accuracy: 1e-15)
        XCTAssertEqual(b[0], -1 / (2 * 2.0.squareRoot()), accuracy: 1e-15)
        XCTAssertEqual(b[1], 1 / 2.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(a[0] * a[0] + b[0] * b[0], 3.0 / 8, accuracy: 1e-15)
    }
}
