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
