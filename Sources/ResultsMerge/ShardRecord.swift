import Foundation
import Reporting

/// A shard folder as the merge sees it: where it is, its manifest (the settings every shard
/// of a run must share) and the draws it holds.
public struct ShardRecord: Sendable {
    public let folder: URL
    public let manifest: RunManifest
    /// The draws this shard holds, of `manifest.draws`.
    public let range: Range<Int>

    /// Reads `folder/manifest.json` once its seal is checked (``FolderSeal``: a shard killed while
    /// writing, or a file cut short or edited since, is refused).
    /// - Throws: ``MergeError/unreadable(path:reason:)`` or ``MergeError/notAShard(path:)``.
    public init(folder: URL) throws(MergeError) {
        do {
            try FolderSeal.verify(folder: folder, kind: "shard")
        } catch .wrongKind {
            throw .notAShard(path: folder.path)
        } catch {
            throw .unreadable(path: folder.path, reason: error.description)
        }
        let file = folder.appendingPathComponent(FolderSeal.manifestName)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .unreadable(path: folder.path, reason: "no manifest.json")
        }
        do {
            manifest = try RunManifest.decode(data)
        } catch {
            throw .unreadable(path: folder.path, reason: "manifest.json: \(error)")
        }
        guard manifest.kind == "shard", let range = manifest.drawRange?.range else { throw .notAShard(path: folder.path) }
        self.folder = folder
        self.range = range
    }

    /// The shards in `paths`: each a shard folder, or a folder searched (three levels deep) for
    /// shard folders, as `phm submit` lays them out.
    public static func find(in paths: [String]) throws(MergeError) -> [ShardRecord] {
        var records: [ShardRecord] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path) {
                records.append(try ShardRecord(folder: url))
                continue
            }
            let found = shardFolders(below: url, depth: 3)
            guard !found.isEmpty else { throw .noShards(path: path) }
            for folder in found { records.append(try ShardRecord(folder: folder)) }
        }
        return records
    }

    private static func shardFolders(below url: URL, depth: Int) -> [URL] {
        guard depth > 0, let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.flatMap { name -> [URL] in
            let child = url.appendingPathComponent(name)
            let manifest = child.appendingPathComponent("manifest.json")
            if let data = FileManager.default.contents(atPath: manifest.path) {
                return String(decoding: data, as: UTF8.self).contains("\"kind\" : \"shard\"") ? [child] : []
            }
            return shardFolders(below: child, depth: depth - 1)
        }
    }
}
