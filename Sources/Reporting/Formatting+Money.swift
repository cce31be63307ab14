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
