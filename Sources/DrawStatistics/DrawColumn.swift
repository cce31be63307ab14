#if canImport(Glibc)
import Glibc
#endif

/// One per-draw quantity in draw order, read in pieces: an array in memory, or a stretch of a
/// file that a run too large to hold in memory wrote (issue 18: memory bounded at any draw count).
///
/// Every statistic over draws is a left fold in draw order or an order statistic, so reading the
/// values a piece at a time gives the same bits as reading them whole.
public struct DrawColumn: Sendable {
    enum Storage: Sendable {
        case memory([Double])
        /// `count` doubles (native byte order) from value `offset` of the file at `path`.
        case file(path: String, offset: Int)
        /// A scratch file already removed from its folder: its space is freed when the last
        /// column holding it goes (derived columns of a large run never pile up on disk).
        case unlinked(OpenColumnFile)
    }

    let storage: Storage
    /// Number of draws.
    public let count: Int

    /// Values per piece handed to ``forEachChunk(_:)`` from a file (512 KiB).
    public static let chunkValues = 1 << 16

    public init(_ values: [Double]) {
        storage = .memory(values)
        count = values.count
    }

    /// `count` values starting at value `offset` (not byte) of a file of doubles.
    public init(file path: String, offset: Int, count: Int) {
        storage = .file(path: path, offset: offset)
        self.count = count
    }

    init(unlinked file: OpenColumnFile, count: Int) {
        storage = .unlinked(file)
        self.count = count
    }

    /// Whether the values are held in memory.
    public var isInMemory: Bool {
        if case .memory = storage { return true }
        return false
    }

    /// Calls `body` with consecutive pieces of the values in draw order; each piece is valid only
    /// during the call. The piece's first draw is `start`.
    /// - Throws: ``DrawColumnError`` when the file cannot be read, or what `body` throws.
    public func forEachChunk(_ body: (_ start: Int, _ values: UnsafeBufferPointer<Double>) throws -> Void) throws {
        switch storage {
        case .memory(let values):
            try values.withUnsafeBufferPointer { try body(0, $0) }
        case .file, .unlinked:
            let (reader, offset) = try open()
            defer { reader.close() }
            let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: Swift.min(count, Self.chunkValues))
            defer { buffer.deallocate() }
            var start = 0
            while start < count {
                let n = Swift.min(buffer.count, count - start)
                try reader.read(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<n]), at: offset + start)
                try body(start, UnsafeBufferPointer(rebasing: buffer[0..<n]))
                start += n
            }
        }
    }

    /// Draws `range` of the column into `buffer` (which holds at least `range.count` values).
    public func read(_ range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) throws {
        precondition(range.lowerBound >= 0 && range.upperBound <= count && buffer.count >= range.count)
        switch storage {
        case .memory(let values):
            for (i, d) in range.enumerated() { buffer[i] = values[d] }
        case .file, .unlinked:
            let (reader, offset) = try open()
            defer { reader.close() }
            try reader.read(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<range.count]), at: offset + range.lowerBound)
        }
    }

    /// A reader of the column's file and the value offset of draw 0 in it.
    private func open() throws(DrawColumnError) -> (ColumnFileReader, Int) {
        switch storage {
        case .memory: preconditionFailure("a column in memory has no file")
        case .file(let path, let offset): return (try ColumnFileReader(path: path), offset)
        case .unlinked(let file): return (ColumnFileReader(shared: file), 0)
        }
    }

    /// Every value, in memory (for analyses of runs small enough to hold, and tests).
    public func array() throws -> [Double] {
        if case .memory(let values) = storage { return values }
        var values: [Double] = []
        values.reserveCapacity(count)
        try forEachChunk { _, piece in values.append(contentsOf: piece) }
        return values
    }

    /// Sum in draw order (the same bits as `array().reduce(0, +)`).
    public func sum() throws -> Double {
        var total = 0.0
        try forEachChunk { _, piece in for value in piece { total += value } }
        return total
    }
}

/// A column file could not be read (it is written by the run itself, so this means the disk or
/// the run's work folder failed under it).
public struct DrawColumnError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String

    public var description: String { "cannot read the run's column file \(path): \(reason)" }
}

/// An open column file, read with `pread` so that readers never share a file position.
struct ColumnFileReader {
    let path: String
    let descriptor: Int32
    /// The scratch file whose descriptor this borrows (closed by its owner, not here).
    private let shared: OpenColumnFile?

    init(path: String) throws(DrawColumnError) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        shared = nil
        guard descriptor >= 0 else { throw DrawColumnError(path: path, reason: String(cString: strerror(errno))) }
    }

    init(shared file: OpenColumnFile) {
        path = file.path
        descriptor = file.descriptor
        shared = file
    }

    func read(into buffer: UnsafeMutableBufferPointer<Double>, at valueOffset: Int) throws(DrawColumnError) {
        let bytes = buffer.count * MemoryLayout<Double>.stride
        var done = 0
        while done < bytes {
            let n = pread(descriptor, UnsafeMutableRawPointer(buffer.baseAddress!) + done, bytes - done,
                          off_t(valueOffset * MemoryLayout<Double>.stride + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw DrawColumnError(path: path, reason: n == 0 ? "the file ends early" : String(cString: strerror(errno)))
            }
            done += n
        }
    }

    func close() {
        if shared == nil { _ = Glibc.close(descriptor) }
    }
}

/// A scratch file open for reading and writing and already unlinked: the descriptor is the only
/// way to it, closed (and the space freed) when the last column holding it is released.
public final class OpenColumnFile: Sendable {
    /// Where it was created (for messages only; the name is gone).
    let path: String
    let descriptor: Int32

    /// Creates the file in `folder` under `name` and removes its name at once.
    init(folder: String, name: String) throws(DrawColumnError) {
        path = "\(folder)/\(name)"
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw DrawColumnError(path: path, reason: String(cString: strerror(errno))) }
        unlink(path)
    }

    deinit { _ = Glibc.close(descriptor) }
}
