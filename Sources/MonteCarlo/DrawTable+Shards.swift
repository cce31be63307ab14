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
        for part in parts {
            if part.optionNames != first.optionNames { throw .shapeMismatch("options") }
            if part.groupNames != first.groupNames || part.serviceNames != first.serviceNames
                || part.interventionNames != first.interventionNames || part.horizon != first.horizon {
                throw .shapeMismatch("groups, services or horizon")
            }
            if part.totalDraws != first.totalDraws { throw .shapeMismatch("total draws") }
            if part.firstDraw != next { throw .notContiguous(expected: next, found: part.firstDraw) }
            next += part.draws
        }
        guard next == first.totalDraws else { throw .incomplete(draws: next, of: first.totalDraws) }
        var table = DrawTable(
            optionNames: first.optionNames, groupNames: first.groupNames, serviceNames: first.serviceNames,
            interventionNames: first.interventionNames, draws: next, horizon: first.horizon)
        let O = first.optionCount
        for column in columns {
            let width = column.width(first)
            var values = [Double]()
            values.reserveCapacity(table[keyPath: column.path].count)
            for o in 0..<(column.perOption ? O : 1) {
                for part in parts {
                    let start = o * part.draws * width
                    values.append(contentsOf: part[keyPath: column.path][start..<(start + part.draws * width)])
                }
            }
            table[keyPath: column.path] = values
        }
        for part in parts { table.yearlySums.append(contentsOf: part.yearlySums) }
        table.finishYearly()
        return table
    }

    /// The yearly means from the block sums, once every draw is in.
    mutating func finishYearly() {
        guard isComplete, let sums = yearlySums.total(blocks: (totalDraws + MonteCarloRunner.blockSize - 1) / MonteCarloRunner.blockSize) else {
            yearly = []
            return
        }
        yearly = sums.map { var mean = $0; mean.scale(by: 1 / Double(totalDraws)); return mean }
    }
}
