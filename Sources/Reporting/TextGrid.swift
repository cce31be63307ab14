/// A plain-text table with aligned columns, for terminals and Markdown-free logs.
public struct TextGrid {
    public enum Alignment { case left, right }

    let header: [String]
    let alignments: [Alignment]
    private(set) var rows: [[String]] = []

    public init(header: [String], alignments: [Alignment]) {
        precondition(header.count == alignments.count)
        self.header = header
        self.alignments = alignments
    }

    /// A report table as text: numeric columns right-aligned, the rest left.
    public init(_ table: ReportTable) {
        self.init(header: table.header, alignments: table.header.indices.map { table.numericColumns.contains($0) ? .right : .left })
        table.rows.forEach { append($0) }
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count)
        rows.append(row)
    }

    public var text: String { text(styling: nil) }

    /// The table, each padded cell passed through `styling(row, column, cell)` (row −1 is the
    /// header), so colour codes can be added without upsetting the column widths.
    public func text(styling: ((_ row: Int, _ column: Int, _ cell: String) -> String)?) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String], row: Int) -> String {
            cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                let padded = alignments[c] == .left ? cell + pad : pad + cell
                return styling?(row, c, padded) ?? padded
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(header, row: -1), rule] + rows.enumerated().map { line($1, row: $0) }).joined(separator: "\n")
    }
}
