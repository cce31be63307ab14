/// The shape every per-option, per-draw input shares (cost-effectiveness and distributional
/// evaluation alike): at least one option, one QALY and one cost entry per option, and at least
/// one draw. Each analysis module turns a ``Problem`` into its own error type.
public enum DrawLayout {
    public enum Problem: Error, Equatable {
        case empty(what: String)
        case lengthMismatch(what: String, expected: Int, found: Int)
    }

    /// - Returns: the number of draws, that of the first option (the modules check the others
    ///   against it, with their own per-draw checks).
    public static func drawCount<Q, C>(optionNames: [String], qalys: [[Q]], costs: [C]) throws(Problem) -> Int {
        guard !optionNames.isEmpty else { throw .empty(what: "options") }
        guard qalys.count == optionNames.count else {
            throw .lengthMismatch(what: "qalys (one entry per option)", expected: optionNames.count, found: qalys.count)
        }
        guard costs.count == optionNames.count else {
            throw .lengthMismatch(what: "costs (one entry per option)", expected: optionNames.count, found: costs.count)
        }
        guard !qalys[0].isEmpty else { throw .empty(what: "draws of option \(optionNames[0])") }
        return qalys[0].count
    }
}
