/// A result that is not a finite number (an overflow or 0/0 in a run), found before anything is
/// written: the run stops with exit 70 (internal: the inputs passed validation) naming the quantity, instead of writing "inf" or "nan".
public struct NonFiniteValue: Error, Sendable, CustomStringConvertible {
    /// Where the value is, e.g. `options[2].net_benefit.mean` or `option upstream-2pc, draw 17, qalys`.
    public let quantity: String
    public let value: String

    public init(quantity: String, value: String) {
        self.quantity = quantity
        self.value = value
    }

    public var description: String {
        "internal error: \(quantity) is \(value), not a finite number; nothing was written. The scenario passed validation, so please report it with the scenario file (values near the limits of a double, e.g. a threshold of 1e308, can overflow)"
    }

    /// `options[2].net_benefit` from an encoder's coding path.
    static func path(_ keys: [CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "a value" : text
    }
}
