import DrawStatistics

/// Options' QALYs and costs read together a piece of draws at a time, so an analysis over any
/// number of draws holds a few thousand draws of each (issue 18: bounded memory).
///
/// Statistics are left folds over draws; carrying each accumulator from one piece to the next
/// adds the same values in the same order as a fold over whole arrays, so the bits do not change.
final class DrawPieces {
    /// Draws per piece: 8,192 × 8 bytes = 64 KiB per column, small beside any run yet large
    /// enough that reading a column file costs one `pread` per piece.
    static let draws = 8_192

    /// QALY columns, then cost columns, and a buffer for each.
    private let columns: [DrawColumn]
    private let buffers: [UnsafeMutableBufferPointer<Double>]
    private let total: Int
    /// The draws of the piece last read (empty before the first).
    private(set) var range = 0..<0

    /// - Parameters:
    ///   - qalys, costs: the columns to read together (the same number of each), each of at
    ///     least `draws` values.
    ///   - draws: how many draws to read.
    init(qalys: [DrawColumn], costs: [DrawColumn], draws: Int) {
        precondition(qalys.count == costs.count && (qalys + costs).allSatisfy { $0.count >= draws })
        columns = qalys + costs
        total = draws
        let capacity = max(1, min(Self.draws, draws))
        buffers = columns.map { _ in .allocate(capacity: capacity) }
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// Reads the next piece of every column; false after the last draw.
    /// - Throws: ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    func next() throws(EconomicEvaluationError) -> Bool {
        let start = range.upperBound
        guard start < total else { return false }
        range = start..<min(total, start + Self.draws)
        do {
            for (column, buffer) in zip(columns, buffers) { try column.read(range, into: buffer) }
        } catch {
            throw EconomicEvaluationError(column: error)
        }
        return true
    }

    /// The current piece of QALY column `i` (valid until the next call of ``next()``).
    func qalys(_ i: Int) -> UnsafeBufferPointer<Double> { piece(i) }

    /// The current piece of cost column `i` (valid until the next call of ``next()``).
    func costs(_ i: Int) -> UnsafeBufferPointer<Double> { piece(columns.count / 2 + i) }

    private func piece(_ c: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(rebasing: buffers[c][0..<range.count])
    }
}
