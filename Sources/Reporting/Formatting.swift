import Foundation

/// Number formats for people reading reports: thousands separators, £m, signed changes.
public enum Formatting {
    /// `1512340.4` → `1,512,340` (with `decimals` places).
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = Substring(parts[0])
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits = digits.dropLast(3)
        }
        groups.insert(digits, at: 0)
        var result = groups.joined(separator: ",")
        if parts.count > 1 { result += "." + parts[1] }
        let isZero = !result.contains { $0 != "0" && $0 != "," && $0 != "." }
        return (value < 0 && !isZero ? "−" : "") + result
    }

    /// With an explicit sign: `+1,240`, `−30`, `0`.
    public static func signed(_ value: Double, decimals: Int = 0) -> String {
        let text = grouped(value, decimals: decimals)
        return value > 0 && text.contains(where: { $0 != "0" && $0 != "," && $0 != "." }) ? "+" + text : text
    }

    /// £ in millions: `£14.56m`.
    public static func millions(_ pounds: Double, decimals: Int = 2, signed isSigned: Bool = false) -> String {
        let value = pounds / 1e6
        let text = isSigned ? signed(value, decimals: decimals) : grouped(value, decimals: decimals)
        return text.hasPrefix("−") || text.hasPrefix("+") ? "\(text.first!)£\(text.dropFirst())m" : "£\(text)m"
    }

    /// A mean with its 95% interval: `+1,240 (−30 to +2,600)`.
    public static func interval(_ mean: Double, _ low: Double, _ high: Double, decimals: Int = 0, signed isSigned: Bool = true) -> String {
        let f = { (x: Double) in isSigned ? signed(x, decimals: decimals) : grouped(x, decimals: decimals) }
        return "\(f(mean)) (\(f(low)) to \(f(high)))"
    }

    /// Decimals that show about three significant figures of `value`.
    public static func decimals(forMagnitude value: Double) -> Int {
        let magnitude = abs(value)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        return max(0, min(6, 2 - Int(floor(log10(magnitude)))))
    }
}
