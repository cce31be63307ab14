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

    /// Several columns read together: pieces tile the draws asked for, in order, each value that
    /// of its draw in every column.
    func testColumnPiecesTileTheDrawsOfEveryColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let n = 10_000
        let a = (0..<n).map { Double($0) }, b = (0..<n).map { -Double($0) / 3 }
        let inFile = try ScratchSpace(directory: folder.path).column(count: n) { a[$0] }
        let pieces = ColumnPieces([inFile, DrawColumn(b)], draws: 1_234..<9_000, pieceDraws: 1_000)
        var ranges: [Range<Int>] = []
        while try pieces.next() {
            ranges.append(pieces.range)
            XCTAssertEqual(Array(pieces[0]), Array(a[pieces.range]))
            XCTAssertEqual(Array(pieces[1]), Array(b[pieces.range]))
        }
        XCTAssertEqual(ranges.first, 1_234..<2_234)
        XCTAssertEqual(ranges.last, 8_234..<9_000)
        XCTAssertEqual(ranges.count, 8)
        XCTAssertEqual(ranges.map(\.count).reduce(0, +), 9_000 - 1_234)
        XCTAssertFalse(try pieces.next(), "no piece after the last")
    }
}
