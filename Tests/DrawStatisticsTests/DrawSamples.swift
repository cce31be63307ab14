import DrawStatistics
import Foundation
import WorkbenchTestSupport

/// The statistics as they were defined before issue 18, by sorting: the independent reference
/// that selection over a column must match bit for bit.
enum SortedReference {
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let position = Double(sorted.count - 1) * q
        let below = Int(position.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below])
    }

    static func interval(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        return [values.reduce(0, +) / Double(values.count), percentile(sorted, 0.025), percentile(sorted, 0.975)]
    }

    static func summary(_ values: [Double]) -> [Double] {
        let n = Double(values.count)
        let sorted = values.sorted()
        let constant = sorted.first == sorted.last
        let m = constant ? sorted[0] : values.reduce(0, +) / n
        let variance = values.count > 1 && !constant ? values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1) : 0
        return [m, percentile(sorted, 0.05), percentile(sorted, 0.95), variance]
    }
}

/// Seeded per-draw values shaped to reach every branch of the selection: duplicates, negatives,
/// zeros of both signs in draw order, values clustered in a few key buckets.
struct DrawSamples {
    /// Seeded, so a failing case can be replayed from its seed.
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// Uniform on [0, 1).
    mutating func uniform() -> Double { generator.uniform() }

    mutating func signedZero() -> Double { next() & 1 == 0 ? 0.0 : -0.0 }

    /// A mix: spread values of both signs, ±0, a pool of repeated values, large costs.
    mutating func mixed(_ n: Int) -> [Double] {
        let pool: [Double] = [-3.25, -1, 0.1, 2.5, 1e6]
        return (0..<n).map { _ in
            switch uniform() {
            case ..<0.3: return (uniform() - 0.5) * 200
            case ..<0.4: return signedZero()
            case ..<0.6: return pool[Int(next() % UInt64(pool.count))]
            default: return 1e6 * (1 + 0.2 * uniform())
            }
        }
    }

    /// Mostly ±0 in random order (1% negative, 15% positive), so the 2.5th and 5th percentiles
    /// fall among more zeros than a pass collects.
    mutating func mostlyZeros(_ n: Int) -> [Double] {
        (0..<n).map { _ in
            switch uniform() {
            case ..<0.01: return -uniform() - 1e-300
            case ..<0.85: return signedZero()
            default: return uniform() + 1e-300
            }
        }
    }

    /// Three values only, each far more often than a pass collects.
    mutating func fewValues(_ n: Int) -> [Double] {
        (0..<n).map { _ in [-7.5, 0.3, 12.0][Int(next() % 3)] }
    }

    /// Costs near one million: every value in one of a few buckets of the first pass.
    mutating func clustered(_ n: Int) -> [Double] {
        (0..<n).map { _ in 1e6 * (1 + 0.01 * uniform()) }
    }
}

/// A temporary folder for column files, removed with the test case.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("draw-statistics-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `values` written after `offset` values of padding (NaN, which must never be read).
    func column(_ values: [Double], offset: Int, name: String = "column.f64") throws -> DrawColumn {
        let file = try ColumnFileWriter(path: "\(path)/\(name)")
        defer { file.close() }
        try file.write([Double](repeating: .nan, count: offset), at: 0)
        try file.write(values, at: offset)
        try file.write([Double](repeating: .nan, count: 3), at: offset + values.count)
        return DrawColumn(file: file.path, offset: offset, count: values.count)
    }
}
