import CLAPACKE

/// The Cholesky factorisation `A = L·Lᵀ` of a symmetric positive definite matrix.
///
/// `L` is lower triangular with a positive diagonal. Sampling uses it to turn independent
/// standard normals `z` into correlated ones `L·z`, whose covariance is `L·Lᵀ = A`
/// (the Gaussian copula of MODEL.md §1, "Correlations").
///
/// Only the lower triangle of `A` (entries `(i, j)` with `j ≤ i`) is read, as in LAPACK;
/// the upper triangle is assumed to mirror it.
///
/// The factor comes from LAPACK's `dpotrf` (Golub & Van Loan, *Matrix Computations*, 4th ed.,
/// §4.2). ``Matrix`` is row-major and a row-major lower triangle is, element for element, a
/// column-major upper triangle; so the call asks LAPACK for the column-major `U` with `A = Uᵀ·U`
/// and reads the result back as `L = Uᵀ`. That keeps LAPACKE from making a transposed copy.
public struct Cholesky: Hashable, Sendable {
    /// `L`: lower triangular, positive diagonal, zeros above the diagonal.
    public let lower: Matrix

    /// Factorises `matrix`.
    ///
    /// - Throws: ``CholeskyError/notSquare(rows:columns:)``,
    ///   ``CholeskyError/nonFinite(row:column:)`` for a NaN or infinite entry in the lower
    ///   triangle, and ``CholeskyError/notPositiveDefinite(order:)`` with the order `k` of the
    ///   first leading minor that is not positive definite.
    /// - Complexity: O(n³/3) floating-point operations for an `n`×`n` matrix.
    public init(_ matrix: Matrix) throws(CholeskyError) {
        guard matrix.isSquare else { throw .notSquare(rows: matrix.rows, columns: matrix.columns) }
        let n = matrix.rows
        for i in 0..<n {
            for j in 0...i where !matrix[i, j].isFinite { throw .nonFinite(row: i, column: j) }
        }
        var elements = matrix.elements
        if n > 0 {
            // `.init(n)`: lapack_int is a C macro (int32_t, or int64_t in ILP64 builds).
            let info = elements.withUnsafeMutableBufferPointer { buffer in
                LAPACKE_dpotrf(
                    LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), .init(n), buffer.baseAddress, .init(n))
            }
            if let error = CholeskyError(lapackInfo: Int(info)) { throw error }
        }
        // dpotrf leaves the other triangle as it was; L has zeros there.
        for i in 0..<n {
            for j in (i + 1)..<n { elements[i * n + j] = 0 }
        }
        lower = Matrix(rows: n, columns: n, elements: elements)
    }
}
