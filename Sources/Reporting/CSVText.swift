/// Builds CSV text (RFC 4180): fields with commas, quotes or newlines are quoted, numbers are
/// written with full precision so that re-reading gives the same doubles.
public struct CSVText {
    private var lines: [String] = []

    public init(header: [String]) {
        lines.append(Self.header(header))
    }

    public mutating func append(_ fields: [CSVField]) {
        lines.append(Self.line(fields))
    }

    /// One record without its newline (for files written in pieces, ``ResultsFolder/write(_:streaming:)``).
    static func line(_ fields: [CSVField]) -> String {
        fields.map(\.text).joined(separator: ",")
    }

    /// The header record without its newline.
    static func header(_ names: [String]) -> String {
        names.map(Self.field).joined(separator: ",")
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// One CSV field: text, a number (shortest exact decimal form) or an integer.
public enum CSVField: ExpressibleByStringLiteral {
    case text(String)
    case number(Double)
    case integer(Int)

    public init(stringLiteral value: String) { self = .text(value) }

    var text: String {
        switch self {
        case .text(let s): return CSVText.field(s)
        case .number(let x): return x.isFinite ? "\(x)" : (x.isNaN ? "" : (x > 0 ? "inf" : "-inf"))
        case .integer(let n): return "\(n)"
        }
    }
}
