import Foundation
import Spreadsheet

/// A workbook written to a file a person named (`phm compare --format xlsx --output FILE`):
/// never over an existing file, and never half-written (it is built under a hidden name beside
/// the destination and renamed into place only when complete).
public enum WorkbookFile {
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case cannotWrite(String, reason: String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; choose another name or remove it first"
            case .cannotWrite(let path, let reason): return "\(path): \(reason)"
            }
        }
    }

    public static func write(_ sheets: [SheetTable], to path: String) throws(Failure) {
        let destination = URL(fileURLWithPath: path)
        guard !FileManager.default.fileExists(atPath: destination.path) else { throw .exists(path) }
        let staging = destination.deletingLastPathComponent()
            .appendingPathComponent(".partial-\(ProcessInfo.processInfo.processIdentifier)-\(destination.lastPathComponent)")
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            try Workbook.write(sheets, to: staging.path)
        } catch {
            throw .cannotWrite(path, reason: "\(error)")
        }
        do {
            // link + unlink: fails, rather than replaces, if the file appeared meanwhile
            try FileManager.default.linkItem(at: staging, to: destination)
        } catch {
            throw FileManager.default.fileExists(atPath: destination.path) ? .exists(path) : .cannotWrite(path, reason: error.localizedDescription)
        }
    }
}
