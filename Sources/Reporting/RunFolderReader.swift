import Foundation
import RunAnalysis

/// Reads a finished `phm run` results folder back, so its numbers can be compared or reported
/// again without re-running the simulation.
public enum RunFolderReader {
    /// Why a results folder could not be read.
    public enum Failure: Error, CustomStringConvertible {
        case missingSummary(path: String)
        case invalidSummary(path: String, reason: String)
        /// The folder is not a whole results folder (no manifest, incomplete, a shard).
        case unsealed(FolderSeal.Failure)

        public var description: String {
            switch self {
            case .missingSummary(let path):
                return "\(path): no summary.json here; give a results folder written by `phm run` (Results/<scenario>/<time>-<hash>/) or a scenario file"
            case .invalidSummary(let path, let reason):
                return "\(path): summary.json cannot be read (\(reason)); it may come from another version of phm: run the scenario again"
            case .unsealed(let failure):
                return failure.description
            }
        }
    }

    /// The summary in `folder/summary.json`, decoded as ``RunFiles/json(_:)`` wrote it, after
    /// checking that the folder is whole (``FolderSeal/verify(folder:kind:)``).
    public static func summary(folder: URL) throws(Failure) -> RunSummary {
        do { try FolderSeal.verify(folder: folder) } catch { throw .unsealed(error) }
        let file = folder.appendingPathComponent("summary.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .missingSummary(path: folder.path) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(RunSummary.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalidSummary(path: folder.path, reason: "missing \((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))")
        } catch {
            throw .invalidSummary(path: folder.path, reason: "\(error)")
        }
    }
}
