import DrawStatistics

extension DrawTable {
    /// Calls `body` for every draw of option `option` with the values of `columns` (metric and
    /// index) in that draw, reading a piece of draws at a time, so that row-wise files
    /// (draws.csv, the Draws sheet) are written from column files in bounded memory.
    /// - Parameter limit: at most this many draws (the first ones).
    /// - Throws: `DrawColumnError` when a column file cannot be read, or what `body` throws.
    public func forEachRow(option: Int, columns: [(metric: DrawMetric, index: Int)], limit: Int? = nil,
                           _ body: (_ draw: Int, _ values: [Double]) throws -> Void) throws {
        let pieces = ColumnPieces(columns.map { column($0.metric, option: option, index: $0.index) }, draws: 0..<min(draws, limit ?? draws))
        var row = [Double](repeating: 0, count: columns.count)
        while try pieces.next() {
            for i in 0..<pieces.range.count {
                for c in columns.indices { row[c] = pieces[c][i] }
                try body(firstDraw + pieces.range.lowerBound + i, row)
            }
        }
    }

    /// The values of `metric` laid out as the in-memory table keeps them, `[(o*D + d)*W + w]`
    /// (read from the column files when the table is kept there).
    public func rowMajor(_ metric: DrawMetric) throws -> [Double] {
        guard columnFolder != nil else { return self[keyPath: Self.path(of: metric)] }
        let W = width(of: metric), O = metric.perOption ? optionCount : 1
        var values = [Double](repeating: 0, count: O * draws * W)
        for o in 0..<O {
            for w in 0..<W {
                try column(metric, option: o, index: w).forEachChunk { start, piece in
                    for (i, value) in piece.enumerated() { values[(o * draws + start + i) * W + w] = value }
                }
            }
        }
        return values
    }
}
