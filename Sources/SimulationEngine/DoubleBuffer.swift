/// Fixed-size storage of doubles for the engine's inner loops, allocated once per worker and
/// reused for every draw, so the hot path neither allocates nor bounds-checks.
///
/// Reference semantics: a buffer belongs to one worker at a time (hence `@unchecked Sendable`:
/// it is handed to a task, never shared between running tasks).
public final class DoubleBuffer: @unchecked Sendable {
    public let count: Int
    public let pointer: UnsafeMutablePointer<Double>

    public init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    deinit {
        pointer.deallocate()
    }

    @inline(__always) public subscript(i: Int) -> Double {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }

    public func fill(_ value: Double) {
        pointer.update(repeating: value, count: count)
    }

    /// Copies `values` (which must have ``count`` elements) in.
    public func assign(_ values: [Double]) {
        precondition(values.count == count, "buffer of \(count) assigned \(values.count) values")
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: count) }
    }

    /// Copies another buffer of the same size in.
    public func assign(from other: DoubleBuffer) {
        precondition(other.count == count, "buffer of \(count) assigned \(other.count) values")
        pointer.update(from: other.pointer, count: count)
    }

    public var array: [Double] { Array(elements) }

    /// The values in place, without a copy.
    public var elements: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: pointer, count: count) }
}
