/// A dense matrix of `Double`s, stored row by row (row-major).
///
/// Element `(i, j)` lives at `elements[i * columns + j]`. Row-major order matches how people
/// write matrices down and how Swift's nested array literals read, so `Matrix([[1, 2], [3, 4]])`
/// has first row `1 2`. Routines that call LAPACK or BLAS say how they map this layout onto the
/// library's (see ``Cholesky``).
///
/// A value type: copies are independent and a `Matrix` can be shared freely between threads.
public struct Matrix: Hashable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries in row-major order; `elements.count == rows * columns`.
    public private(set) var elements: [Double]

    /// A matrix with every entry equal to `value`.
    ///
    /// - Precondition: `rows >= 0` and `columns >= 0`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative (got \(rows)×\(columns))")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its entries in row-major order.
    ///
    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative (got \(rows)×\(columns))")
        precondition(
            elements.count == rows * columns,
            "A \(rows)×\(columns) matrix needs \(rows * columns) elements (got \(elements.count))")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from its rows, e.g. `Matrix([[4, 12], [12, 37]])`.
    ///
    /// - Precondition: every row has the same length.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(
            rowArrays.allSatisfy { $0.count == columns },
            "Every row of a matrix needs the same number of entries (row lengths \(rowArrays.map(\.count)))")
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// The `n`×`n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var matrix = Matrix(rows: n, columns: n)
        for i in 0..<n { matrix[i, i] = 1 }
        return matrix
    }

    /// Whether the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }

    /// The entry in row `row` and column `column` (both zero-based).
    ///
    /// - Precondition: `0 <= row < rows` and `0 <= column < columns`.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(contains(row: row, column: column), "Index (\(row), \(column)) outside a \(rows)×\(columns) matrix")
            return elements[row * columns + column]
        }
        set {
            precondition(contains(row: row, column: column), "Index (\(row), \(column)) outside a \(rows)×\(columns) matrix")
            elements[row * columns + column] = newValue
        }
    }

    private func contains(row: Int, column: Int) -> Bool {
        (0..<rows).contains(row) && (0..<columns).contains(column)
    }
}
