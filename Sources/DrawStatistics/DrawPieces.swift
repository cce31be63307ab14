/// Per-draw values that ``Interval`` and ``Summary`` read in pieces, in draw order: a column
/// (whose file can fail to read) or values in memory (which cannot fail, so the array
/// initialisers do not throw). One generic implementation serves both, specialised inside this
/// module for each; a public generic initialiser called from another module would run
/// unspecialised, which is why the public initialisers are concrete.
protocol DrawPieces {
    associatedtype Failure: Error
    /// Number of draws.
    var count: Int { get }
    /// Calls `body` with consecutive pieces of the values in draw order, each valid only during
    /// the call.
    func forEachPiece(_ body: (UnsafeBufferPointer<Double>) -> Void) throws(Failure)
}

extension UnsafeBufferPointer<Double>: DrawPieces {
    typealias Failure = Never

    /// Pieces of ``DrawColumn/chunkValues`` values, so that the counters of a selection pass
    /// and the piece they count stay in cache together, as they do for a column file.
    func forEachPiece(_ body: (UnsafeBufferPointer<Double>) -> Void) {
        var start = 0
        while start < count {
            let end = Swift.min(start + DrawColumn.chunkValues, count)
            body(UnsafeBufferPointer(rebasing: self[start..<end]))
            start = end
        }
    }
}

extension DrawColumn: DrawPieces {
    typealias Failure = any Error

    func forEachPiece(_ body: (UnsafeBufferPointer<Double>) -> Void) throws {
        if case .memory(let values) = storage {
            values.withUnsafeBufferPointer { $0.forEachPiece(body) }
        } else {
            try forEachChunk { _, piece in body(piece) }
        }
    }
}
