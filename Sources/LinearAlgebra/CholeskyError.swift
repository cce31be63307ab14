/// Why a matrix has no Cholesky factor.
public enum CholeskyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Only square matrices can be factorised.
    case notSquare(rows: Int, columns: Int)
    /// An entry of the lower triangle is NaN or infinite.
    case nonFinite(row: Int, column: Int)
    /// The leading `order`×`order` minor (rows and columns `0..<order`) is not positive
    /// definite, so neither is the matrix. Entries `0..<order−1` were consistent on their own:
    /// row and column `order − 1` (zero-based) is the first that breaks positive definiteness.
    case notPositiveDefinite(order: Int)
    /// LAPACK rejected argument number `position` of `dpotrf`: a bug in ``Cholesky``, not in
    /// the matrix.
    case rejectedArgument(position: Int)

    /// Maps the `info` code of LAPACK's `?potrf` to an error, or `nil` for success (`info == 0`).
    ///
    /// LAPACK's convention: `info < 0` means argument `−info` had an illegal value;
    /// `info > 0` means the leading minor of order `info` is not positive definite.
    init?(lapackInfo info: Int) {
        switch info {
        case 0: return nil
        case 1...: self = .notPositiveDefinite(order: info)
        default: self = .rejectedArgument(position: -info)
        }
    }

    public var description: String {
        switch self {
        case .notSquare(let rows, let columns):
            return "Cholesky factorisation needs a square matrix (got \(rows)×\(columns))"
        case .nonFinite(let row, let column):
            return "entry (\(row), \(column)) is not a finite number; replace it before factorising"
        case .notPositiveDefinite(let order):
            return "the matrix is not positive definite: its leading \(order)×\(order) minor is not "
                + "(row \(order - 1), counting from 0, is inconsistent with the rows before it)"
        case .rejectedArgument(let position):
            return "LAPACK dpotrf rejected argument \(position); this is a bug in LinearAlgebra.Cholesky"
        }
    }
}
