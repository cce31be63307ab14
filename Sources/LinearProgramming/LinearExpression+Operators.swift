// Arithmetic that builds linear expressions. Every operator copies its operands' terms once, so a
// long sum is best built with `+=` or `LinearExpression.sum`, which append in place.

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

    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result += rhs
        return result
    }

    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result -= rhs
        return result
    }

    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant += rhs
        return result
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

    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        lhs + LinearExpression(rhs)
    }

    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) + rhs
    }

    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        lhs - LinearExpression(rhs)
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
