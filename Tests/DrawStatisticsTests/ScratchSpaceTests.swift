import DrawStatistics
import Foundation
import XCTest

/// Derived columns kept in a work folder read back the values written, leave no file behind,
/// and the draw-by-draw combinations are the arithmetic written out.
final class ScratchSpaceTests: XCTestCase {
    func testColumnsInAFolderReadBackAndLeaveNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = ScratchSpace(directory: folder.path)
        let n = 3 * DrawColumn.chunkValues + 17  // four pieces, the last one short
        let a = (0..<n).map { Double($0) * 0.1 - 7 }, b = (0..<n).map { sin(Double($0)) }
        let column = try scratch.column(count: n) { a[$0] }
        XCTAssertFalse(column.isInMemory)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "the scratch file is unlinked at once")
        XCTAssertEqual(try column.array().map(\.bitPattern), a.map(\.bitPattern))
        XCTAssertEqual(try column.sum().bitPattern, a.reduce(0, +).bitPattern)
        var pieces = 0, seen = 0
        try column.forEachChunk { start, piece in
            XCTAssertEqual(start, seen)
            seen += piece.count
            pieces += 1
        }
        XCTAssertEqual(pieces, 4)
        let difference = try scratch.difference(column, DrawColumn(b))
        XCTAssertEqual(try difference.array().map(\.bitPattern), zip(a, b).map { $0 - $1 }.map(\.bitPattern))
        let total = try scratch.total([DrawColumn(b), column, DrawColumn(b)], draws: n)
        XCTAssertEqual(try total.array().map(\.bitPattern), (0..<n).map { ((0 + b[$0]) + a[$0]) + b[$0] }.map(\.bitPattern))
        var slice = [Double](repeating: 0, count: 5)
        try slice.withUnsafeMutableBufferPointer { try column.read(70_000..<70_005, into: $0) }
        XCTAssertEqual(slice, Array(a[70_000..<70_005]))
    }
}
