import Foundation

/// Free-format MPS export, written here rather than by `Clp_writeMps` because Clp 1.17's writer
/// drops the optimisation sense (a maximisation is written as a minimisation of the same
/// coefficients) and, when asked to flip the sign, flips the coefficients but not the offset.
///
/// The convention, so that any MPS reader gets **the same optimal objective as
/// ``LinearProgramSolution/objective``** with no conversion:
/// - the objective row holds the program's own coefficients, and a maximisation adds an
///   `OBJSENSE` section with `MAX` (HiGHS, Gurobi, CPLEX and SCIP honour it; CoinMpsIO, and so
///   Clp's own reader, ignores it and minimises — a reader of that kind must set the sense itself);
/// - the objective's constant `k` is written as the right-hand side of the objective row with the
///   opposite sign (`RHS OBJ -k`), the usual MPS rule "objective constant = −RHS of the N row";
/// - a `≤` row switched off with right-hand side +∞ (or `≥` with −∞) is written as a free `N` row;
/// - numbers are written with Swift's shortest round-trip representation, so nothing is rounded.
extension LinearProgram {
    /// Writes the problem in free MPS so another solver can check it (`--write-mps FILE`).
    ///
    /// Names must be non-empty, contain no whitespace, and be unique among variables and among
    /// constraints (MPS identifies rows and columns by name only).
    ///
    /// - Throws: `.invalidProblem` for a malformed program or a name MPS cannot hold;
    ///   `.cannotWrite` when the file cannot be written.
    public func writeMPS(to path: String) throws(LinearProgramError) {
        let text = try mpsText()
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// The MPS text of the program (see the conventions on this extension).
    public func mpsText() throws(LinearProgramError) -> String {
        try validate()
        try checkNames(variableNames, kind: "variable")
        try checkNames(constraintNames, kind: "constraint")
        var objectiveRow = "OBJ"
        let rowNameSet = Set(constraintNames)
        while rowNameSet.contains(objectiveRow) { objectiveRow += "_" }

        var lines: [String] = ["NAME phm", ]
        lines.reserveCapacity(variableCount * 3 + constraintCount * 2 + entryValues.count + 8)
        if direction == .maximise { lines += ["OBJSENSE", "    MAX"] }
        lines += ["ROWS", " N  \(objectiveRow)"]
        var isFree = [Bool](repeating: false, count: constraintCount)
        for row in 0..<constraintCount {
            let bounds = rowBounds(row)
            let code: String
            switch relations[row] {
            case .equal: code = "E"
            case .lessOrEqual: code = bounds.upper == .infinity ? "N" : "L"
            case .greaterOrEqual: code = bounds.lower == -.infinity ? "N" : "G"
            }
            isFree[row] = code == "N"
            lines.append(" \(code)  \(constraintNames[row])")
        }

        lines.append("COLUMNS")
        for (column, entries) in columnMajorEntries().enumerated() {
            let name = variableNames[column]
            let objective = objectiveCoefficients[column]
            if objective != 0 || entries.isEmpty {
                // A column with no entries at all is listed with a zero cost so readers know it.
                lines.append("    \(name) \(objectiveRow) \(Self.mpsNumber(objective))")
            }
            for (row, value) in entries {
                lines.append("    \(name) \(constraintNames[row]) \(Self.mpsNumber(value))")
            }
        }

        lines.append("RHS")
        if objectiveConstant != 0 {
            lines.append("    RHS \(objectiveRow) \(Self.mpsNumber(-objectiveConstant))")
        }
        for row in 0..<constraintCount where !isFree[row] {
            let bounds = rowBounds(row)
            let rhs = relations[row] == .greaterOrEqual ? bounds.lower : bounds.upper
            if rhs != 0 { lines.append("    RHS \(constraintNames[row]) \(Self.mpsNumber(rhs))") }
        }

        lines.append("BOUNDS")
        for column in 0..<variableCount {
            lines += boundLines(name: variableNames[column], lower: lowerBounds[column], upper: upperBounds[column])
        }
        lines.append("ENDATA")
        return lines.joined(separator: "\n") + "\n"
    }

    /// MPS bound records for `lower ≤ x ≤ upper` (the MPS default is 0 ≤ x < +∞).
    private func boundLines(name: String, lower: Double, upper: Double) -> [String] {
        if lower == upper { return [" FX BND \(name) \(Self.mpsNumber(lower))"] }
        var lines: [String] = []
        switch (lower, upper) {
        case (-.infinity, .infinity):
            return [" FR BND \(name)"]
        case (-.infinity, _):
            lines.append(" MI BND \(name)")
        case (0, _):
            break
        default:
            lines.append(" LO BND \(name) \(Self.mpsNumber(lower))")
        }
        if upper != .infinity { lines.append(" UP BND \(name) \(Self.mpsNumber(upper))") }
        return lines
    }

    /// Each column's (row, summed coefficient) pairs, rows in order; O(terms + variables).
    func columnMajorEntries() -> [[(Int, Double)]] {
        var columns = [[(Int, Double)]](repeating: [], count: variableCount)
        for entry in entryValues.indices {
            let column = entryColumns[entry], row = entryRows[entry], value = entryValues[entry]
            if let last = columns[column].last, last.0 == row {
                columns[column][columns[column].count - 1].1 += value
            } else {
                columns[column].append((row, value))
            }
        }
        return columns
    }

    private func checkNames(_ names: [String], kind: String) throws(LinearProgramError) {
        var seen = Set<String>()
        seen.reserveCapacity(names.count)
        for name in names {
            if name.isEmpty || name.contains(where: \.isWhitespace) {
                throw .invalidProblem("\(kind) name '\(name)' cannot be written to MPS: names must be non-empty and contain no spaces")
            }
            if !seen.insert(name).inserted {
                throw .invalidProblem("\(kind) name '\(name)' is used twice; MPS identifies each \(kind) by its name, so names must be unique")
            }
        }
    }

    private static func mpsNumber(_ value: Double) -> String {
        value == 0 ? "0" : "\(value)"
    }
}
