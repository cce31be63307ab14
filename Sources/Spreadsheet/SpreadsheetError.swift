/// Why a workbook could not be written, with what a person needs to act on it. Raw
/// libxlsxwriter codes stay inside ``Workbook``; ``init(code:path:detail:)`` maps each one.
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be created (missing folder, no permission, disk full).
    case cannotCreate(path: String)
    /// Writing or zipping the workbook's parts failed (temporary files, zip).
    case writeFailed(path: String, reason: String)
    /// A sheet name is empty, longer than 31 characters, repeats another, or uses `[]:*?/\`.
    case invalidSheetName(String, reason: String)
    /// A cell's text is longer than Excel allows (32,767 characters).
    case textTooLong(sheet: String, row: Int, column: Int)
    /// A row or column beyond Excel's limits (1,048,576 rows, 16,384 columns).
    case outOfRange(sheet: String, row: Int, column: Int)
    case outOfMemory
    /// Any other library error, with the library's own message.
    case library(code: Int, message: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path): return "\(path): cannot create the workbook (does the folder exist and is it writable?)"
        case .writeFailed(let path, let reason): return "\(path): writing the workbook failed: \(reason)"
        case .invalidSheetName(let name, let reason): return "sheet name `\(name)`: \(reason)"
        case .textTooLong(let sheet, let row, let column): return "sheet \(sheet), row \(row + 1), column \(column + 1): text longer than Excel's 32,767 characters"
        case .outOfRange(let sheet, let row, let column): return "sheet \(sheet): row \(row + 1), column \(column + 1) is beyond Excel's limits"
        case .outOfMemory: return "out of memory while building the workbook"
        case .library(let code, let message): return "libxlsxwriter error \(code): \(message)"
        }
    }
}
