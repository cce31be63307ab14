#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Where an analysis keeps the per-draw values it derives (differences against base, inequality
/// measures of each draw) until their statistics are taken: in memory, or in files of a work
/// folder when a run is too large to hold (issue 18). The owner of the folder removes it.
public final class ScratchSpace: Sendable {
    /// The work folder, or nil to keep every column in memory.
    public let directory: String?
    private let next = Atomic<Int>(0)
    /// Tells this space's files from those of another space in the same folder.
    private let id = UInt64.random(in: 0...UInt64.max)

    public init(directory: String?) {
        self.directory = directory
    }

    /// Columns in memory (small runs, tests).
    public static var memory: ScratchSpace { ScratchSpace(directory: nil) }

    /// A builder for a new column.
    /// - Throws: ``DrawColumnError`` when its file cannot be created.
    public func builder() throws -> ColumnBuilder {
        guard let directory else { return ColumnBuilder(file: nil) }
        return ColumnBuilder(file: try OpenColumnFile(folder: directory, name: "scratch-\(id)-\(next.add(1, ordering: .relaxed).newValue).f64"))
    }

    /// A builder that can be kept in an array with others.
    public func sink() throws -> ColumnSink { ColumnSink(try builder()) }

    /// A column of `count` values computed draw by draw.
    public func column(count: Int, _ value: (Int) throws -> Double) throws -> DrawColumn {
        var builder = try builder()
        for d in 0..<count { try builder.append(try value(d)) }
        return try builder.finish()
    }
}

/// Collects one derived column's values in draw order, in memory or through a scratch file
/// (removed from its folder at once: its space lasts as long as the column).
public struct ColumnBuilder: ~Copyable {
    private var values: [Double] = []
    private let file: OpenColumnFile?
    private var written = 0

    init(file: OpenColumnFile?) {
        self.file = file
        if file != nil { values.reserveCapacity(DrawColumn.chunkValues) }
    }

    public mutating func append(_ value: Double) throws {
        values.append(value)
        if let file, values.count == DrawColumn.chunkValues {
            try ColumnFileWriter.write(values, at: written, descriptor: file.descriptor, path: file.path)
            written += values.count
            values.removeAll(keepingCapacity: true)
        }
    }

    public mutating func append(contentsOf piece: some Collection<Double>) throws {
        for value in piece { try append(value) }
    }

    /// The column; the builder is spent.
    public consuming func finish() throws -> DrawColumn {
        guard let file else { return DrawColumn(values) }
        try ColumnFileWriter.write(values, at: written, descriptor: file.descriptor, path: file.path)
        return DrawColumn(unlinked: file, count: written + values.count)
    }
}

/// A file of doubles written at value offsets with `pwrite` (workers write their own stretches).
public final class ColumnFileWriter: Sendable {
    public let path: String
    let descriptor: Int32

    /// Creates (or truncates) the file.
    public init(path: String) throws(DrawColumnError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw DrawColumnError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Writes `values` from value `offset` of the file.
    public func write(_ values: UnsafeBufferPointer<Double>, at offset: Int) throws(DrawColumnError) {
        try Self.write(values, at: offset, descriptor: descriptor, path: path)
    }

    static func write(_ values: [Double], at offset: Int, descriptor: Int32, path: String) throws(DrawColumnError) {
        guard !values.isEmpty else { return }
        try values.withUnsafeBufferPointer { (buffer) throws(DrawColumnError) in try write(buffer, at: offset, descriptor: descriptor, path: path) }
    }

    static func write(_ values: UnsafeBufferPointer<Double>, at offset: Int, descriptor: Int32, path: String) throws(DrawColumnError) {
        let bytes = values.count * MemoryLayout<Double>.stride
        var done = 0
        while done < bytes {
            let n = pwrite(descriptor, UnsafeRawPointer(values.baseAddress!) + done, bytes - done,
                           off_t(offset * MemoryLayout<Double>.stride + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw DrawColumnError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
            done += n
        }
    }

    public func write(_ values: [Double], at offset: Int) throws(DrawColumnError) {
        guard !values.isEmpty else { return }
        try values.withUnsafeBufferPointer { (buffer) throws(DrawColumnError) in try write(buffer, at: offset) }
    }

    public func close() { _ = Glibc.close(descriptor) }
}

extension ScratchSpace {
    /// `outputs` new columns computed draw by draw from `inputs` (all of `draws` draws), reading
    /// and writing a piece of draws at a time: `f(inputs of draw d, &outputs of draw d)`.
    public func columns(draws: Int, from inputs: [DrawColumn], outputs: Int,
                        _ f: (_ inputs: [Double], _ outputs: inout [Double]) throws -> Void) throws -> [DrawColumn] {
        precondition(inputs.allSatisfy { $0.count == draws }, "columns of other lengths than \(draws) draws")
        let pieces = ColumnPieces(inputs, draws: 0..<draws)
        let sinks = try (0..<outputs).map { _ in try sink() }
        var row = [Double](repeating: 0, count: inputs.count), out = [Double](repeating: 0, count: outputs)
        while try pieces.next() {
            for i in 0..<pieces.range.count {
                for c in inputs.indices { row[c] = pieces[c][i] }
                try f(row, &out)
                for (sink, value) in zip(sinks, out) { try sink.append(value) }
            }
        }
        return try sinks.map { try $0.finish() }
    }

    /// `a[d] − b[d]` in every draw (an option's change against base, draw by draw).
    public func difference(_ a: DrawColumn, _ b: DrawColumn) throws -> DrawColumn {
        try columns(draws: a.count, from: [a, b], outputs: 1) { x, out in out[0] = x[0] - x[1] }[0]
    }

    /// `Σ_i columns[i][d]` in every draw, added in the order of `columns` from 0 (the same bits as
    /// `columns.reduce(0) { $0 + $1[d] }`).
    public func total(_ columns: [DrawColumn], draws: Int) throws -> DrawColumn {
        try self.columns(draws: draws, from: columns, outputs: 1) { x, out in out[0] = x.reduce(0, +) }[0]
    }
}

/// A ``ColumnBuilder`` that can sit in an array (one per quantity of a pass over the draws);
/// a `ColumnBuilder` itself cannot be copied.
public final class ColumnSink {
    private var builder: ColumnBuilder?

    init(_ builder: consuming ColumnBuilder) { self.builder = consume builder }

    public func append(_ value: Double) throws { try builder!.append(value) }

    /// The column; the sink is spent.
    public func finish() throws -> DrawColumn {
        guard let builder = builder.take() else { preconditionFailure("a column sink finished twice") }
        return try builder.finish()
    }
}
