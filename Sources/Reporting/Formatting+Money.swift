import Foundation

extension Formatting {
    /// Money at a readable scale: `£2.1m`, `£340k`, `£950`, with an explicit sign when `signed`.
    /// Millions get one decimal (two below £10m), thousands none.
    public static func money(_ pounds: Double, signed isSigned: Bool = false) -> String {
        let magnitude = abs(pounds)
        let sign = pounds < 0 ? "−" : (isSigned && pounds > 0 ? "+" : "")
        let body: String
        if magnitude >= 999_500 {
            body = "£" + grouped(magnitude / 1e6, decimals: magnitude < 10e6 ? 2 : 1) + "m"
        } else if magnitude >= 9_999.5 {
            body = "£" + grouped(magnitude / 1e3) + "k"
        } else {
            body = "£" + grouped(magnitude)
        }
        return body == "£0" ? body : sign + body
    }
}

extension Formatting {
    /// Money that may be small, such as a value per person: as ``money(_:signed:)`` from £10, and
    /// below it with pence and at least two significant figures (`£0.14`, `£0.012`, `£3.40`), so
    /// that a small positive value is never shown as "£0". Exactly 0 is `£0`.
    public static func moneyPrecise(_ pounds: Double, signed isSigned: Bool = false) -> String {
        let magnitude = abs(pounds)
        guard magnitude.isFinite, magnitude > 0, magnitude < 9.995 else { return money(pounds, signed: isSigned) }
        let decimals = min(6, max(2, 1 - Int(floor(log10(magnitude)))))
        let sign = pounds < 0 ? "−" : (isSigned ? "+" : "")
        return sign + "£" + grouped(magnitude, decimals: decimals)
    }
}

extension Formatting {
    /// One scale for a whole column of money, so that every cell reads in the same unit: `£m`
    /// when the largest magnitude reaches £999,500 (two decimals below £10m, else one), `£k` from
    /// £9,999.5, otherwise whole pounds. The column title carries the unit; cells are numbers.
    public struct MoneyScale: Equatable, Sendable {
        /// `"£m"`, `"£k"` or `"£"`, for the column title.
        public let unit: String
        let divisor: Double, decimals: Int

        public init(largest values: [Double]) {
            let magnitude = values.reduce(0) { max($0, abs($1).isFinite ? abs($1) : 0) }
            if magnitude >= 999_500 {
                (unit, divisor, decimals) = ("£m", 1e6, magnitude < 100e6 ? 2 : 1)
            } else if magnitude >= 9_999.5 {
                (unit, divisor, decimals) = ("£k", 1e3, 0)
            } else {
                (unit, divisor, decimals) = ("£", 1, 0)
            }
        }

        /// A mean with its 95% interval in this scale: `+1.25 (−0.30 to +2.60)`.
        public func interval(_ mean: Double, _ low: Double, _ high: Double) -> String {
            Formatting.interval(mean / divisor, low / divisor, high / divisor, decimals: decimals)
        }
    }
}
