import DrawStatistics

/// Joining the shards of one run (`phm merge`): the per-draw columns laid side by side in draw
/// order and the yearly block sums added along the tree of ``BlockTreeSum``, which gives the
/// bits one run of every draw gives.
extension DrawTable {
    /// Why shards cannot be joined into one table (the merge checks names and ranges first and
    /// explains them to the user; these guard the table itself).
    public enum JoinError: Error, Equatable, CustomStringConvertible {
        case noShards
        case shapeMismatch(String)
        case notContiguous(expected: Int, found: Int)
        case incomplete(draws: Int, of: Int)

        public var description: String {
            switch self {
            case .noShards: return "no shards to join"
            case .shapeMismatch(let what): return "shards differ in \(what)"
            case .notContiguous(let expected, let found): return "the next shard should start at draw \(expected) but starts at draw \(found)"
            case .incomplete(let draws, let total): return "the shards hold \(draws) of \(total) draws"
            }
        }
    }

    /// One table of every draw from shards given in draw order, which must tile `0..<totalDraws`.
    public static func joined(_ parts: [DrawTable]) throws(JoinError) -> DrawTable {
        guard let first = parts.first else { throw .noShards }
        var next = 0
        for part in parts { try check(part, against: first, startingAt: &next) }
        guard next == first.totalDraws else { throw .incomplete(draws: next, of: first.totalDraws) }
        var table = DrawTable(
            optionNames: first.optionNames, groupNames: first.groupNames, serviceNames: first.serviceNames,
            interventionNames: first.interventionNames, draws: next, horizon: first.horizon)
        let O = first.optionCount
        for metric in DrawMetric.allCases {
            let width = first.width(of: metric), path = path(of: metric)
            var values = [Double]()
            values.reserveCapacity(table[keyPath: path].count)
            for o in 0..<(metric.perOption ? O : 1) {
                for part in parts {
                    let start = o * part.draws * width
                    values.append(contentsOf: part[keyPath: path][start..<(start + part.draws * width)])
                }
            }
            table[keyPath: path] = values
        }
        for part in parts { table.yearlySums.append(contentsOf: part.yearlySums) }
        table.finishYearly()
        return table
    }

    /// Joins `count` shards into column files in `folder` (``columnFolder``), reading one shard at
    /// a time (`part(i)`, in draw order), so a merge holds one shard, not every draw (issue 18).
    /// - Throws: ``JoinError`` as ``joined(_:)``; what `part` throws; `DrawColumnError` when a
    ///   column file cannot be written.
    public static func joined(count: Int, into folder: String, part: (Int) throws -> DrawTable) throws -> DrawTable {
        guard count > 0 else { throw JoinError.noShards }
        let first = try part(0)
        let files = try DrawMetric.allCases.map { try ColumnFileWriter(path: columnFile(of: $0, in: folder)) }
        defer { for file in files { file.close() } }
        var next = 0
        var sums = BlockTreeSum()
        for i in 0..<count {
            let shard = i == 0 ? first : try part(i)
            let start = next
            try check(shard, against: first, startingAt: &next)
            for (m, metric) in DrawMetric.allCases.enumerated() {
                for o in 0..<(metric.perOption ? first.optionCount : 1) {
                    for w in 0..<first.width(of: metric) {
                        let values = try shard.column(metric, option: o, index: w).array()
                        try files[m].write(values, at: (o * first.width(of: metric) + w) * first.totalDraws + start)
                    }
                }
            }
            sums.append(contentsOf: shard.yearlySums)
        }
        guard next == first.totalDraws else { throw JoinError.incomplete(draws: next, of: first.totalDraws) }
        var table = DrawTable(
            optionNames: first.optionNames, groupNames: first.groupNames, serviceNames: first.serviceNames,
            interventionNames: first.interventionNames, draws: next, firstDraw: 0, totalDraws: next, horizon: first.horizon, zeroed: false)
        table.columnFolder = folder
        table.yearlySums = sums
        table.finishYearly()
        return table
    }

    /// Checks that `part` has `first`'s shape and starts at draw `next`, then moves `next` past it.
    private static func check(_ part: DrawTable, against first: DrawTable, startingAt next: inout Int) throws(JoinError) {
        if part.optionNames != first.optionNames { throw .shapeMismatch("options") }
        if part.groupNames != first.groupNames || part.serviceNames != first.serviceNames
            || part.interventionNames != first.interventionNames || part.horizon != first.horizon {
            throw .shapeMismatch("groups, services or horizon")
        }
        if part.totalDraws != first.totalDraws { throw .shapeMismatch("total draws") }
        if part.firstDraw != next { throw .notContiguous(expected: next, found: part.firstDraw) }
        next += part.draws
    }

    mutating func finishYearly() {
        guard isComplete, let sums = yearlySums.total(blocks: (totalDraws + MonteCarloRunner.blockSize - 1) / MonteCarloRunner.blockSize) else {
            yearly = []
            return
        }
        yearly = sums.map { var mean = $0; mean.scale(by: 1 / Double(totalDraws)); return mean }
    }
}
