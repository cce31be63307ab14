import CLAPACKE

/// Solving with a Cholesky factor `A = L·Lᵀ`: the normal equations of penalised regression
/// (value of information, `InformationValue`) and draws from `N(0, A⁻¹)` for its standard errors.
///
/// Both go to LAPACK (`dpotrs`, `dtrtrs`) on the same storage trick as ``Cholesky/init(_:)``: the
/// row-major `L` is, element for element, the column-major `U = Lᵀ`.
extension Cholesky {
    /// `x = A⁻¹·b` for each column `b` of `right` (an `n`×`k` matrix; `k` right-hand sides).
    ///
    /// - Precondition: `right.rows` equals the order of `A`.
    /// - Complexity: O(n²·k).
    public func solve(_ right: Matrix) -> Matrix {
        let n = lower.rows, k = right.columns
        precondition(right.rows == n, "solve: the right-hand side needs \(n) rows (got \(right.rows))")
        guard n > 0, k > 0 else { return right }
        // LAPACK wants the right-hand sides column-major: the transpose of the row-major storage.
        var columns = [Double](repeating: 0, count: n * k)
        for i in 0..<n { for j in 0..<k { columns[j * n + i] = right[i, j] } }
        let info = lower.elements.withUnsafeBufferPointer { a in
            columns.withUnsafeMutableBufferPointer { b in
                LAPACKE_dpotrs(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), .init(n), .init(k),
                               a.baseAddress, .init(n), b.baseAddress, .init(n))
            }
        }
        precondition(info == 0, "dpotrs rejected argument \(-info): a bug in Cholesky.solve")
        var result = Matrix(rows: n, columns: k)
        for i in 0..<n { for j in 0..<k { result[i, j] = columns[j * n + i] } }
        return result
    }

    /// `x = A⁻¹·b` for one right-hand side.
    public func solve(_ right: [Double]) -> [Double] {
        solve(Matrix(rows: right.count, columns: 1, elements: right)).elements
    }

    /// `x = L⁻ᵀ·z`. When `z` is a vector of independent standard normals, `x` is a draw from
    /// `N(0, A⁻¹)`, since `L⁻ᵀ·L⁻¹ = (L·Lᵀ)⁻¹`.
    ///
    /// - Precondition: `z.count` equals the order of `A`.
    /// - Complexity: O(n²).
    public func solveTransposedFactor(_ z: [Double]) -> [Double] {
        let n = lower.rows
        precondition(z.count == n, "solveTransposedFactor: needs \(n) values (got \(z.count))")
        guard n > 0 else { return z }
        var x = z
        let info = lower.elements.withUnsafeBufferPointer { a in
            x.withUnsafeMutableBufferPointer { b in
                LAPACKE_dtrtrs(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "N")),
                               .init(n), 1, a.baseAddress, .init(n), b.baseAddress, .init(n))
            }
        }
        precondition(info == 0, "dtrtrs: info \(info) (a zero on the diagonal of a Cholesky factor cannot happen)")
        return x
    }
}
