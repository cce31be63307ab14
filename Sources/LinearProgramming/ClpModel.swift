import CClp

/// Owns one Clp model (`Clp_Simplex`) and is the only place that touches Clp's C interface:
/// every pointer Clp hands out is copied into Swift arrays before this type returns.
///
/// Infinite bounds are passed as ±`Double.greatestFiniteMagnitude` (Clp's `COIN_DBL_MAX`).
final class ClpModel {
    private let handle: UnsafeMutableRawPointer
    private(set) var columnCount = 0
    private(set) var rowCount = 0

    /// How to (re)optimise: `initial` presolves and runs the dual simplex from a slack basis
    /// (Clp's fully automatic choice is avoided: for programs with many more columns than rows it
    /// picks its "sprint" method, which prints to stdout whatever the log level);
    /// `dual` keeps the basis and suits changed bounds or right-hand sides (the basis stays dual
    /// feasible); `primal` keeps the basis and suits a changed objective (it stays primal feasible).
    enum Algorithm {
        case initial, dual, primal
    }

    init() {
        guard let handle = Clp_newModel() else {
            fatalError("Clp_newModel returned NULL: Clp could not allocate a model (out of memory)")
        }
        self.handle = handle
        Clp_setLogLevel(handle, 0)  // the library never prints
    }

    deinit {
        Clp_deleteModel(handle)
    }

    /// Loads `program` in Clp's column-major form.
    ///
    /// Complexity: O(terms + variables + constraints). The triplets are bucketed by column with a
    /// counting sort, which keeps each column's rows in non-decreasing order (constraints are
    /// appended in row order), so repeated (row, column) terms are adjacent and summed in one pass.
    func load(_ program: LinearProgram) {
        columnCount = program.variableCount
        rowCount = program.constraintCount
        let termCount = program.entryValues.count
        var starts = [CoinBigIndex](repeating: 0, count: columnCount + 1)
        for column in program.entryColumns { starts[column + 1] += 1 }
        for column in 0..<columnCount { starts[column + 1] += starts[column] }
        var next = Array(starts.dropLast())
        var rows = [Int32](repeating: 0, count: termCount)
        var values = [Double](repeating: 0, count: termCount)
        for entry in 0..<termCount {
            let column = program.entryColumns[entry]
            let position = Int(next[column])
            rows[position] = Int32(program.entryRows[entry])
            values[position] = program.entryValues[entry]
            next[column] += 1
        }
        var written = 0
        for column in 0..<columnCount {
            var position = Int(starts[column])
            let end = Int(starts[column + 1])
            starts[column] = CoinBigIndex(written)
            while position < end {
                let row = rows[position]
                var value = values[position]
                position += 1
                while position < end, rows[position] == row {
                    value += values[position]
                    position += 1
                }
                rows[written] = row
                values[written] = value
                written += 1
            }
        }
        starts[columnCount] = CoinBigIndex(written)

        var lower = program.lowerBounds.map(Self.clpValue)
        var upper = program.upperBounds.map(Self.clpValue)
        var objective = program.objectiveCoefficients
        let (rowLower, rowUpper) = Self.rowBounds(of: program)
        var rowLowerValues = rowLower, rowUpperValues = rowUpper
        Clp_loadProblem(handle, Int32(columnCount), Int32(rowCount), &starts, &rows, &values,
                        &lower, &upper, &objective, &rowLowerValues, &rowUpperValues)
        setDirection(program.direction)
    }

    func setDirection(_ direction: LinearProgram.Direction) {
        Clp_setOptimizationDirection(handle, direction == .maximise ? -1 : 1)
    }

    /// Copies every row's bounds from `program` (O(rows); Clp keeps the basis).
    func setRowBounds(from program: LinearProgram) {
        var (lower, upper) = Self.rowBounds(of: program)
        Clp_chgRowLower(handle, &lower)
        Clp_chgRowUpper(handle, &upper)
    }

    /// Copies every column's bounds from `program` (O(columns); Clp keeps the basis).
    func setColumnBounds(from program: LinearProgram) {
        var lower = program.lowerBounds.map(Self.clpValue)
        var upper = program.upperBounds.map(Self.clpValue)
        Clp_chgColumnLower(handle, &lower)
        Clp_chgColumnUpper(handle, &upper)
    }

    func setObjective(from program: LinearProgram) {
        var objective = program.objectiveCoefficients
        Clp_chgObjCoefficients(handle, &objective)
    }

    /// `nil` restores Clp's default limit (effectively none).
    func setIterationLimit(_ limit: Int?) {
        Clp_setMaximumIterations(handle, Int32(clamping: limit ?? Int(Int32.max)))
    }

    /// Runs `algorithm` and returns Clp's problem status.
    func optimise(_ algorithm: Algorithm) -> ClpStatus {
        switch algorithm {
        case .initial: _ = Clp_initialDualSolve(handle)
        case .dual: _ = Clp_dual(handle, 0)
        case .primal: _ = Clp_primal(handle, 0)
        }
        return ClpStatus(clpCode: Int(Clp_status(handle)))
    }

    var secondaryStatus: Int { Int(Clp_secondaryStatus(handle)) }
    var iterations: Int { Int(Clp_numberIterations(handle)) }
    var isAbandoned: Bool { Clp_isAbandoned(handle) != 0 }
    /// The objective without any constant (no offset is ever given to Clp), in the model's sense.
    var objectiveValue: Double { Clp_objectiveValue(handle) }

    var columnValues: [Double] { Self.copy(Clp_getColSolution(handle), columnCount) }
    /// Row duals: ∂(optimal objective)/∂(row bound), in the objective's own sense for either
    /// direction (checked against finite differences in the tests).
    var rowDuals: [Double] { Self.copy(Clp_getRowPrice(handle), rowCount) }
    var reducedCosts: [Double] { Self.copy(Clp_getReducedCost(handle), columnCount) }
    var rowActivities: [Double] { Self.copy(Clp_getRowActivity(handle), rowCount) }

    /// Rows on which Clp's Farkas (infeasibility) ray is non-zero, or `nil` when Clp has no ray.
    func infeasibilityRayRows() -> [Int]? {
        Self.support(of: Clp_infeasibilityRay(handle), count: rowCount, model: handle)
    }

    /// Columns that move along Clp's unbounded ray, or `nil` when Clp has no ray.
    func unboundedRayColumns() -> [Int]? {
        Self.support(of: Clp_unboundedRay(handle), count: columnCount, model: handle)
    }

    /// Indices whose entry is non-negligible relative to the largest (1e-9), freeing the ray.
    private static func support(of ray: UnsafeMutablePointer<Double>?, count: Int,
                                model: UnsafeMutableRawPointer) -> [Int]? {
        guard let ray else { return nil }
        defer { Clp_freeRay(model, ray) }
        let entries = UnsafeBufferPointer(start: ray, count: count)
        let largest = entries.reduce(0) { max($0, abs($1)) }
        guard largest > 0 else { return [] }
        return entries.indices.filter { abs(entries[$0]) > 1e-9 * largest }
    }

    private static func copy(_ pointer: UnsafePointer<Double>?, _ count: Int) -> [Double] {
        guard let pointer, count > 0 else { return Array(repeating: 0, count: count) }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    private static func clpValue(_ value: Double) -> Double {
        value.isInfinite ? (value > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude) : value
    }

    private static func rowBounds(of program: LinearProgram) -> ([Double], [Double]) {
        var lower = [Double](repeating: 0, count: program.constraintCount)
        var upper = [Double](repeating: 0, count: program.constraintCount)
        for row in 0..<program.constraintCount {
            let bounds = program.rowBounds(row)
            lower[row] = clpValue(bounds.lower)
            upper[row] = clpValue(bounds.upper)
        }
        return (lower, upper)
    }
}
