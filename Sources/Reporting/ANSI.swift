/// ANSI colour codes for terminal output. Callers decide whether colour is wanted (a terminal,
/// and `NO_COLOR` unset); these only wrap text.
public enum ANSI {
    public static func bold(_ text: String) -> String { "\u{1B}[1m\(text)\u{1B}[0m" }
    public static func green(_ text: String) -> String { "\u{1B}[32m\(text)\u{1B}[0m" }
    public static func red(_ text: String) -> String { "\u{1B}[31m\(text)\u{1B}[0m" }

    /// Green when the change is good, red when it is bad, plain when it is zero.
    static func signed(_ text: String, _ value: Double, goodWhenPositive: Bool) -> String {
        guard value != 0, value.isFinite else { return text }
        return (value > 0) == goodWhenPositive ? green(text) : red(text)
    }
}
