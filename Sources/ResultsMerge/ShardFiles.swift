import Foundation
import MonteCarlo
import Reporting

/// The files of a shard folder (`phm run --shard`): `manifest.json` (kind `shard`, with its
/// draw range), `draws.csv` for its own draws, and `draws.bin`, every per-draw value and yearly
/// block sum the summaries need, bit for bit (``DrawTable/binary()``). No summary and no report:
/// those come from `phm merge` once every shard is in.
public enum ShardFiles {
    /// `<root>/<scenario>/<time>-<hash>-draws-<a>-<b>/`, so shards started in the same second
    /// by a scheduler get folders of their own.
    public static func folder(root: URL, scenario: String, hash: String, range: Range<Int>, date: Date) throws -> ResultsFolder {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let name = "\(formatter.string(from: date))-\(hash.prefix(8))-draws-\(range.lowerBound)-\(range.upperBound)"
        return try ResultsFolder(destination: root.appendingPathComponent(scenario).appendingPathComponent(name))
    }

    /// Writes the shard's files and commits the folder.
    public static func write(table: DrawTable, manifest: RunManifest, to folder: ResultsFolder) throws {
        precondition(manifest.kind == "shard" && manifest.drawRange?.range == table.firstDraw..<(table.firstDraw + table.draws))
        try folder.write(table.binary(), to: "draws.bin")
        try folder.write(RunFiles.drawsCSV(table), to: "draws.csv")
        try folder.write(try RunFiles.json(manifest), to: "manifest.json")
        try folder.commit()
    }
}
