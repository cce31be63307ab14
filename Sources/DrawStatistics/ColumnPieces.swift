/// Several columns read together, a piece of draws at a time: what every analysis that combines
/// per-draw quantities (an option against base, QALYs with costs, a row of draws.csv) needs so
/// that it holds a few thousand draws of each column, not all of them (issue 18).
///
/// Pieces come in draw order, so a fold carried from one piece to the next adds the same values
/// in the same order as a fold over whole arrays.
public final class ColumnPieces {
    /// Draws per piece by default: 4,096 × 8 bytes = 32 KiB per column, small beside any run yet
    /// large enough that reading a column file costs one `pread` per piece.
    public static let defaultDraws = 4_096

    private let columns: [DrawColumn]
    private let buffers: [UnsafeMutableBufferPointer<Double>]
    private let draws: Range<Int>
    private let size: Int
    /// The draws of the piece last read (empty before the first).
    public private(set) var range: Range<Int>

    /// - Parameters:
    ///   - columns: the columns to read, each holding at least `draws.upperBound` values.
    ///   - draws: which draws to read (all of the first column's by default).
    ///   - pieceDraws: draws per piece.
    public init(_ columns: [DrawColumn], draws: Range<Int>? = nil, pieceDraws: Int = defaultDraws) {
        let draws = draws ?? 0..<(columns.first?.count ?? 0)
        precondition(draws.lowerBound >= 0 && columns.allSatisfy { $0.count >= draws.upperBound } && pieceDraws > 0)
        self.columns = columns
        self.draws = draws
        let size = max(1, min(pieceDraws, draws.count))
        self.size = size
        buffers = columns.map { _ in .allocate(capacity: size) }
        range = draws.lowerBound..<draws.lowerBound
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// Reads the next piece of every column; false after the last draw.
    /// - Throws: ``DrawColumnError`` when a column file cannot be read.
    public func next() throws -> Bool {
        let start = range.upperBound
        guard start < draws.upperBound else { return false }
        range = start..<min(draws.upperBound, start + size)
        for (column, buffer) in zip(columns, buffers) { try column.read(range, into: buffer) }
        return true
    }

    /// The current piece of column `c` (valid until the next call of ``next()``); its value `i`
    /// is that of draw `range.lowerBound + i`.
    public subscript(c: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(rebasing: buffers[c][0..<range.count])
    }
}
