import Foundation

/// A shard's draws as bytes (`draws.bin` in a shard folder): every per-draw column and the
/// yearly block sums as little-endian IEEE doubles, so a merge reads back exactly the bits the
/// shard computed (text would round them). Names are not stored: they come from the scenario,
/// whose fingerprint the shard's manifest records.
///
/// Layout: `PHMDRAWS`, format version, then the counts O, G, S, J, T, first draw, draws, total
/// draws; each metric of ``DrawMetric/allCases`` as its length and values; the number of tree
/// nodes and, per node, level, index and every option's ``YearlySeries`` arrays.
extension DrawTable {
    static let magic = Array("PHMDRAWS".utf8)
    static let binaryVersion: UInt64 = 1

    /// Why `draws.bin` cannot be read back.
    public struct BinaryError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public func binary() throws -> Data {
        var writer = BinaryWriter()
        writer.bytes(Self.magic)
        writer.integer(Self.binaryVersion)
        for count in [optionCount, groupCount, serviceCount, interventionNames.count, horizon, firstDraw, draws, totalDraws] {
            writer.integer(UInt64(count))
        }
        for metric in DrawMetric.allCases { writer.doubles(try rowMajor(metric)) }
        writer.integer(UInt64(yearlySums.nodes.count))
        for node in yearlySums.nodes {
            writer.integer(UInt64(node.level))
            writer.integer(UInt64(node.index))
            for series in node.series {
                for field in YearlySeries.fields { writer.doubles(series[keyPath: field]) }
            }
        }
        return writer.data
    }

    /// Reads a table written by ``binary()`` for a scenario with these names.
    /// - Throws: ``BinaryError`` when the bytes are not a draws file or do not fit the names.
    public init(binary data: Data, optionNames: [String], groupNames: [String], serviceNames: [String], interventionNames: [String]) throws(BinaryError) {
        var reader = BinaryReader(data: data)
        guard reader.bytes(Self.magic.count) == Self.magic else { throw BinaryError(message: "not a phm draws file") }
        guard reader.integer() == Self.binaryVersion else { throw BinaryError(message: "draws file of another format version") }
        var counts: [Int] = []
        for _ in 0..<8 {
            guard let value = reader.integer(), value < UInt64(Int.max) else { throw BinaryError(message: "draws file is cut short") }
            counts.append(Int(value))
        }
        guard counts[0...3] == [optionNames.count, groupNames.count, serviceNames.count, interventionNames.count] else {
            throw BinaryError(message: "draws file has \(counts[0]) options, \(counts[1]) groups, \(counts[2]) services and \(counts[3]) interventions; the scenario has \(optionNames.count), \(groupNames.count), \(serviceNames.count) and \(interventionNames.count)")
        }
        self.init(optionNames: optionNames, groupNames: groupNames, serviceNames: serviceNames, interventionNames: interventionNames,
                  draws: counts[6], firstDraw: counts[5], totalDraws: counts[7], horizon: counts[4])
        for metric in DrawMetric.allCases {
            let path = Self.path(of: metric)
            guard let values = reader.doubles(), values.count == self[keyPath: path].count else {
                throw BinaryError(message: "draws file: column \(metric.rawValue) has the wrong length")
            }
            self[keyPath: path] = values
        }
        guard let nodeCount = reader.integer(), nodeCount < 64 * 64 else { throw BinaryError(message: "draws file is cut short") }
        for _ in 0..<nodeCount {
            guard let level = reader.integer(), let index = reader.integer(), level < 64, index < UInt64(Int.max) else {
                throw BinaryError(message: "draws file is cut short")
            }
            var series: [YearlySeries] = []
            for o in 0..<optionCount {
                var one = yearly[o]
                for field in YearlySeries.fields {
                    guard let values = reader.doubles(), values.count == one[keyPath: field].count else {
                        throw BinaryError(message: "draws file: yearly sums have the wrong length")
                    }
                    one[keyPath: field] = values
                }
                series.append(one)
            }
            yearlySums.append(BlockTreeSum.Node(level: Int(level), index: Int(index), series: series))
        }
        guard reader.atEnd else { throw BinaryError(message: "draws file has bytes after its end") }
        finishYearly()
    }
}

/// Little-endian writer of counts and doubles.
struct BinaryWriter {
    var data = Data()

    mutating func bytes(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }

    mutating func integer(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func doubles(_ values: [Double]) {
        integer(UInt64(values.count))
        data.reserveCapacity(data.count + values.count * 8)
        for value in values { integer(value.bitPattern) }
    }
}

/// Reads what ``BinaryWriter`` wrote; nil when the data ends early.
struct BinaryReader {
    let data: Data
    var offset: Int

    init(data: Data) {
        self.data = data
        offset = data.startIndex
    }

    var atEnd: Bool { offset == data.endIndex }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard data.endIndex - offset >= count else { return nil }
        defer { offset += count }
        return Array(data[offset..<(offset + count)])
    }

    mutating func integer() -> UInt64? {
        guard data.endIndex - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(data[offset + i]) << (8 * i) }
        offset += 8
        return value
    }

    mutating func doubles() -> [Double]? {
        guard let count = integer(), count <= UInt64((data.endIndex - offset) / 8) else { return nil }
        return (0..<Int(count)).map { _ in Double(bitPattern: integer()!) }
    }
}
