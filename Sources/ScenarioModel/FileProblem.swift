import Foundation

/// The words for a file-system error, without Foundation's domain, code and user-info dump
/// (`NSCocoaErrorDomain Code=514 ...` means nothing to a finance lead).
public enum FileProblem {
    /// The reason of a Foundation error without its domain and code.
    public static func reason(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteFileExists: return "a file with that name exists"
            case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "the name is not valid here (too long?)"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            default: return "the file system refused it"
            }
        }
        return "the file system refused it"
    }
}
