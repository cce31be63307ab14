import Foundation

/// Number formats for people: thousands separators, fixed decimals, £ and QALY units.
enum NumberFormat {
    /// `1512340` → `1,512,340` (rounded to a whole number).
    static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        let negative = value < 0
        let rounded = String(format: "%.\(decimals)f", abs(value))
        let parts = rounded.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var result = ""
        while digits.count > 3 {
            result = "," + String(digits.suffix(3)) + result
            digits.removeLast(3)
        }
        result = String(digits) + result
        if parts.count > 1 { result += "." + parts[1] }
        return (negative && result.contains(where: { $0 != "0" && $0 != "," && $0 != "." }) ? "−" : "") + result
    }
}
