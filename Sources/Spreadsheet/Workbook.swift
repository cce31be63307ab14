import CXlsxWriter

/// An Excel workbook (`.xlsx`) written with libxlsxwriter: the only importer of the C library.
///
/// The class owns the C workbook handle and frees it exactly once, by `workbook_close`, which is
/// also what writes the file; every libxlsxwriter return code is checked at once and mapped to a
/// ``SpreadsheetError``. Usage: `try Workbook.write([sheets], to: path)`.
public final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let path: String
    private var formats: [NumberFormat: UnsafeMutablePointer<lxw_format>] = [:]
    private var headerFormat: UnsafeMutablePointer<lxw_format>?

    /// Writes `sheets` in order to a new workbook at `path` (replacing a file of that name).
    /// - Throws: ``SpreadsheetError``; the file may then be incomplete, so callers write into a
    ///   staging folder or temporary name and move it into place only on success.
    public static func write(_ sheets: [SheetTable], to path: String) throws(SpreadsheetError) {
        let workbook = try Workbook(path: path)
        for sheet in sheets { try workbook.add(sheet) }
        try workbook.close()
    }

    private init(path: String) throws(SpreadsheetError) {
        self.path = path
        guard let handle = workbook_new(path) else { throw .cannotCreate(path: path) }
        self.handle = handle
        guard let header = workbook_add_format(handle) else { throw .outOfMemory }
        format_set_bold(header)
        format_set_text_wrap(header)
        format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
        headerFormat = header
    }

    /// The workbook's format for `format`, made once.
    private func cellFormat(_ format: NumberFormat) throws(SpreadsheetError) -> UnsafeMutablePointer<lxw_format>? {
        guard let code = format.code else { return nil }
        if let made = formats[format] { return made }
        guard let made = workbook_add_format(handle) else { throw .outOfMemory }
        format_set_num_format(made, code)
        formats[format] = made
        return made
    }

    private func add(_ sheet: SheetTable) throws(SpreadsheetError) {
        let status = workbook_validate_sheet_name(handle, sheet.name)
        guard status == LXW_NO_ERROR else { throw Self.error(status, path: path, sheet: sheet.name) }
        guard let worksheet = workbook_add_worksheet(handle, sheet.name) else { throw .invalidSheetName(sheet.name, reason: "the library refused it") }
        func check(_ status: lxw_error, row: Int, column: Int) throws(SpreadsheetError) {
            guard status == LXW_NO_ERROR else { throw Self.error(status, path: path, sheet: sheet.name, row: row, column: column) }
        }
        for (c, column) in sheet.columns.enumerated() {
            let format = try cellFormat(column.format)
            try check(worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), sheet.width(of: c), format), row: 0, column: c)
            try check(worksheet_write_string(worksheet, 0, lxw_col_t(c), column.title, headerFormat), row: 0, column: c)
        }
        for (r, row) in sheet.rows.enumerated() {
            for (c, cell) in row.enumerated() {
                let rowIndex = lxw_row_t(r + 1), columnIndex = lxw_col_t(c)
                let columnFormat = c < sheet.columns.count ? sheet.columns[c].format : .general
                let status: lxw_error
                switch cell {
                case .text(let text):
                    status = worksheet_write_string(worksheet, rowIndex, columnIndex, text, nil)
                case .number(let value) where value.isFinite:
                    status = worksheet_write_number(worksheet, rowIndex, columnIndex, value, try cellFormat(columnFormat))
                case .formatted(let value, let format) where value.isFinite:
                    status = worksheet_write_number(worksheet, rowIndex, columnIndex, value, try cellFormat(format))
                case .number(let value), .formatted(let value, _):
                    // Excel has no infinity or NaN: say what the number is.
                    status = worksheet_write_string(worksheet, rowIndex, columnIndex, value.isNaN ? "n/a" : (value > 0 ? "no limit" : "-no limit"), nil)
                case .empty:
                    continue
                }
                try check(status, row: r + 1, column: c)
            }
        }
        worksheet_freeze_panes(worksheet, 1, 0)
    }

    /// Writes the file and frees the handle.
    private func close() throws(SpreadsheetError) {
        guard let open = handle else { return }
        handle = nil
        let status = workbook_close(open)
        guard status == LXW_NO_ERROR else { throw Self.error(status, path: path, sheet: "") }
    }

    deinit {
        // A workbook abandoned after an error is still closed, so its memory is freed; the
        // partial file is left in the caller's staging place.
        if let open = handle { _ = workbook_close(open) }
    }

    /// The error for a libxlsxwriter status code.
    static func error(_ status: lxw_error, path: String, sheet: String, row: Int = 0, column: Int = 0) -> SpreadsheetError {
        let message = String(cString: lxw_strerror(status))
        switch status {
        case LXW_ERROR_MEMORY_MALLOC_FAILED: return .outOfMemory
        case LXW_ERROR_CREATING_XLSX_FILE: return .cannotCreate(path: path)
        case LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE, LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_PARAMETER_ERROR,
             LXW_ERROR_ZIP_BAD_ZIP_FILE, LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE:
            return .writeFailed(path: path, reason: message)
        case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, LXW_ERROR_INVALID_SHEETNAME_CHARACTER,
             LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, LXW_ERROR_SHEETNAME_ALREADY_USED:
            return .invalidSheetName(sheet, reason: message)
        case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED: return .textTooLong(sheet: sheet, row: row, column: column)
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE: return .outOfRange(sheet: sheet, row: row, column: column)
        default: return .library(code: Int(status.rawValue), message: message)
        }
    }
}
