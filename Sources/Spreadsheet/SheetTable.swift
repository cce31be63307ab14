/// What a worksheet holds, as plain values: a title row of column headings (frozen, so it stays
/// in view), then rows of cells. Built by Reporting, written by ``Workbook``; no I/O here.
public struct SheetTable: Sendable {
    /// One column: its heading, the number format of its numbers, and its width in characters
    /// (nil = fitted to the longest cell, between 8 and 60).
    public struct Column: Sendable {
        public var title: String
        public var format: NumberFormat
        public var width: Double?

        public init(_ title: String, _ format: NumberFormat = .general, width: Double? = nil) {
            self.title = title
            self.format = format
            self.width = width
        }
    }

    public var name: String
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(name: String, columns: [Column], rows: [[Cell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// Width of column `c`: the one given, or the longest heading or cell, within 8 to 60.
    func width(of c: Int) -> Double {
        if let width = columns[c].width { return width }
        let longest = rows.reduce(columns[c].title.count) { longest, row in
            c < row.count ? max(longest, row[c].displayLength) : longest
        }
        return Double(min(60, max(8, longest + 2)))
    }
}

/// One cell: text, a number shown in its column's format (or one of its own), or nothing.
public enum Cell: Sendable, Hashable, ExpressibleByStringLiteral {
    case text(String)
    case number(Double)
    case formatted(Double, NumberFormat)
    case empty

    public init(stringLiteral value: String) { self = .text(value) }

    /// Roughly how many characters the cell shows, for column widths.
    var displayLength: Int {
        switch self {
        case .text(let text): return text.count
        case .number(let value), .formatted(let value, _):
            guard value.isFinite else { return 8 }
            // digits, thousands separators, sign and currency or decimals
            let digits = String(Int(min(abs(value), 1e15))).count
            return digits + digits / 3 + 3
        case .empty: return 0
        }
    }
}

/// How a number is shown. The cell always holds the full-precision number; only its display
/// is rounded.
public enum NumberFormat: Sendable, Hashable {
    /// As Excel's General.
    case general
    /// Whole pounds with thousands separators, negatives in red: `£1,234,567`.
    case pounds
    /// A share shown as a percentage with one decimal: `12.3%`.
    case percent
    /// A number with thousands separators and the given decimals.
    case decimal(Int)

    /// The Excel number format code.
    var code: String? {
        switch self {
        case .general: return nil
        case .pounds: return "£#,##0;[Red]-£#,##0"
        case .percent: return "0.0%"
        case .decimal(let places): return places == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: places)
        }
    }
}
