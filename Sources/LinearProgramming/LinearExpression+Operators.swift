// Arithmetic that builds linear expressions. `+=`, `-=` and `LinearExpression.sum` append in
// place (amortised O(1) per term), so a loop that builds a long sum must use them: `e = e + term`
// copies `e` every time (O(n²) over a loop). The binary operators take their left operand as
// `consuming`, so a chain `a + b + c` appends to its intermediate results without copying them.

extension LinearExpression {
    public static func * (coefficient: Double, expression: LinearExpression) -> LinearExpression {
        LinearExpression(expression.terms.map { ($0.0, coefficient * $0.1) }, constant: coefficient * expression.constant)
    }

    public static func * (expression: LinearExpression, coefficient: Double) -> LinearExpression {
        coefficient * expression
    }

    public static func / (expression: LinearExpression, divisor: Double) -> LinearExpression {
        (1 / divisor) * expression
    }

    public static prefix func - (expression: LinearExpression) -> LinearExpression {
        -1 * expression
    }

    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.terms.append(contentsOf: rhs.terms)
        lhs.constant += rhs.constant
    }

    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.terms.reserveCapacity(lhs.terms.count + rhs.terms.count)
        for (variable, coefficient) in rhs.terms { lhs.terms.append((variable, -coefficient)) }
        lhs.constant -= rhs.constant
    }

    public static func += (lhs: inout LinearExpression, rhs: Variable) {
        lhs.terms.append((rhs, 1))
    }

    public static func -= (lhs: inout LinearExpression, rhs: Variable) {
        lhs.terms.append((rhs, -1))
    }

    public static func += (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant += rhs
    }

    public static func -= (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant -= rhs
    }

    public static func + (lhs: consuming LinearExpression, rhs: LinearExpression) -> LinearExpression {
        lhs += rhs
        return lhs
    }

    public static func - (lhs: consuming LinearExpression, rhs: LinearExpression) -> LinearExpression {
        lhs -= rhs
        return lhs
    }

    public static func + (lhs: consuming LinearExpression, rhs: Double) -> LinearExpression {
        lhs.constant += rhs
        return lhs
    }

    public static func + (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        rhs + lhs
    }

    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        lhs + (-rhs)
    }

    public static func - (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        -rhs + lhs
    }

    public static func + (lhs: consuming LinearExpression, rhs: Variable) -> LinearExpression {
        lhs += rhs
        return lhs
    }

    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) + rhs
    }

    public static func - (lhs: consuming LinearExpression, rhs: Variable) -> LinearExpression {
        lhs -= rhs
        return lhs
    }

    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) - rhs
    }
}

extension Variable {
    public static func * (coefficient: Double, variable: Variable) -> LinearExpression {
        LinearExpression([(variable, coefficient)])
    }

    public static func * (variable: Variable, coefficient: Double) -> LinearExpression {
        LinearExpression([(variable, coefficient)])
    }

    public static prefix func - (variable: Variable) -> LinearExpression {
        LinearExpression([(variable, -1)])
    }

    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression([(lhs, 1), (rhs, 1)])
    }

    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression([(lhs, 1), (rhs, -1)])
    }

    public static func + (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression([(lhs, 1)], constant: rhs)
    }

    public static func + (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression([(rhs, 1)], constant: lhs)
    }

    public static func - (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression([(lhs, 1)], constant: -rhs)
    }

    public static func - (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression([(rhs, -1)], constant: lhs)
    }
}
