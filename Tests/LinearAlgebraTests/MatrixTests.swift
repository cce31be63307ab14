import XCTest
import LinearAlgebra

final class MatrixTests: XCTestCase {
    func testRowMajorLayout() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(m.rows, 2)
        XCTAssertEqual(m.columns, 3)
        XCTAssertEqual(m.elements, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(m[1, 0], 4)
        XCTAssertEqual(m[0, 2], 3)
    }

    func testSubscriptSetterWritesOneEntry() {
        var m = Matrix(rows: 2, columns: 2)
        m[0, 1] = 7
        XCTAssertEqual(m.elements, [0, 7, 0, 0])
    }

    func testIdentity() {
        XCTAssertEqual(Matrix.identity(2), Matrix([[1, 0], [0, 1]]))
        XCTAssertTrue(Matrix.identity(3).isSquare)
    }
}
