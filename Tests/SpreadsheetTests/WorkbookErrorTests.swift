import CXlsxWriter
@testable import Spreadsheet
import XCTest

/// Every libxlsxwriter status the wrapper can meet maps to the error a person can act on.
final class WorkbookErrorTests: XCTestCase {
    func testEachStatusMapsToItsError() {
        let path = "/tmp/x.xlsx"
        XCTAssertEqual(Workbook.error(LXW_ERROR_MEMORY_MALLOC_FAILED, path: path, sheet: "s"), .outOfMemory)
        XCTAssertEqual(Workbook.error(LXW_ERROR_CREATING_XLSX_FILE, path: path, sheet: "s"), .cannotCreate(path: path))
        for status in [LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE, LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_PARAMETER_ERROR,
                       LXW_ERROR_ZIP_BAD_ZIP_FILE, LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE] {
            guard case .writeFailed(path, let reason) = Workbook.error(status, path: path, sheet: "s") else { return XCTFail("\(status)") }
            XCTAssertFalse(reason.isEmpty)
        }
        for status in [LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, LXW_ERROR_INVALID_SHEETNAME_CHARACTER,
                       LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, LXW_ERROR_SHEETNAME_ALREADY_USED] {
            guard case .invalidSheetName("s", _) = Workbook.error(status, path: path, sheet: "s") else { return XCTFail("\(status)") }
        }
        XCTAssertEqual(Workbook.error(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, path: path, sheet: "s", row: 3, column: 2), .textTooLong(sheet: "s", row: 3, column: 2))
        XCTAssertEqual(Workbook.error(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, path: path, sheet: "s", row: 3, column: 2), .outOfRange(sheet: "s", row: 3, column: 2))
        guard case .library(let code, _) = Workbook.error(LXW_ERROR_IMAGE_DIMENSIONS, path: path, sheet: "s") else { return XCTFail() }
        XCTAssertEqual(code, Int(LXW_ERROR_IMAGE_DIMENSIONS.rawValue))
    }

    func testABadSheetNameAMissingFolderAndARepeatedNameAreReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phm-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ok = SheetTable(name: "ok", columns: [.init("a")])
        XCTAssertThrowsError(try Workbook.write([SheetTable(name: "a/b", columns: [])], to: folder.appendingPathComponent("a.xlsx").path)) {
            guard case .invalidSheetName("a/b", _) = $0 as? SpreadsheetError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try Workbook.write([ok, ok], to: folder.appendingPathComponent("b.xlsx").path)) {
            guard case .invalidSheetName("ok", _) = $0 as? SpreadsheetError else { return XCTFail("\($0)") }
        }
        let missing = folder.appendingPathComponent("no/such/c.xlsx").path
        XCTAssertThrowsError(try Workbook.write([ok], to: missing)) {
            XCTAssertEqual($0 as? SpreadsheetError, .cannotCreate(path: missing))
        }
    }

    func testAWrittenWorkbookIsAZipWithItsSheets() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("phm-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sheet = SheetTable(name: "money", columns: [.init("label"), .init("£", .pounds), .init("share", .percent)],
                               rows: [["a", .number(1234.5), .number(0.25)], ["b", .number(.infinity), .empty]])
        try Workbook.write([sheet], to: path)
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path))
        XCTAssertEqual(Array(data.prefix(2)), [0x50, 0x4B], "an xlsx file is a zip archive")
        XCTAssertEqual(sheet.width(of: 0), 8, "a short column is 8 characters wide")
    }
}
