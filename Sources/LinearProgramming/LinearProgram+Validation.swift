extension LinearProgram {
    /// Checks everything a solver would silently mangle, in O(variables + constraints + terms):
    /// NaN or infinite coefficients, bounds with `lower > upper` or on the wrong side of infinity,
    /// right-hand sides that are NaN or make a row impossible to state, and terms that refer to a
    /// variable the program does not have.
    ///
    /// - Throws: ``LinearProgramError/invalidProblem(_:)`` naming the first offending variable or
    ///   constraint and what was expected.
    public func validate() throws(LinearProgramError) {
        if let (owner, index) = danglingTerm {
            throw .invalidProblem("\(owner == "objective" ? "the objective" : "constraint '\(owner)'") refers to variable #\(index), but the program has \(variableCount) variables (indices 0..<\(variableCount))")
        }
        if !objectiveConstant.isFinite {
            throw .invalidProblem("the objective's constant is \(objectiveConstant); expected a finite number")
        }
        for column in 0..<variableCount {
            let name = variableNames[column], lower = lowerBounds[column], upper = upperBounds[column]
            if lower.isNaN || upper.isNaN {
                throw .invalidProblem("variable '\(name)' has a NaN bound (lower \(lower), upper \(upper)); expected numbers with lower ≤ upper")
            }
            if lower > upper {
                throw .invalidProblem("variable '\(name)' has lower bound \(lower) above its upper bound \(upper); expected lower ≤ upper")
            }
            if lower == .infinity || upper == -.infinity {
                throw .invalidProblem("variable '\(name)' has bounds \(lower)...\(upper); a lower bound of +∞ or an upper bound of −∞ leaves no value")
            }
            if !objectiveCoefficients[column].isFinite {
                throw .invalidProblem("variable '\(name)' has objective coefficient \(objectiveCoefficients[column]); expected a finite number")
            }
        }
        for row in 0..<constraintCount {
            let name = constraintNames[row], rhs = rightHandSides[row]
            if rhs.isNaN || !constraintConstants[row].isFinite {
                throw .invalidProblem("constraint '\(name)' has right-hand side \(rhs) and constant \(constraintConstants[row]); expected finite numbers")
            }
            switch (relations[row], rhs) {
            case (.equal, _) where !rhs.isFinite, (.lessOrEqual, -.infinity), (.greaterOrEqual, .infinity):
                throw .invalidProblem("constraint '\(name)' has right-hand side \(rhs), which no value can meet; expected a finite number (or +∞ for ≤, −∞ for ≥, to switch the row off)")
            default:
                break
            }
        }
        for entry in entryValues.indices where !entryValues[entry].isFinite {
            let row = entryRows[entry], column = entryColumns[entry]
            throw .invalidProblem("constraint '\(constraintNames[row])' has coefficient \(entryValues[entry]) on variable '\(variableNames[column])'; expected a finite number")
        }
    }
}
