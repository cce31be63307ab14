import Foundation
import MonteCarlo
import Reporting

/// The files of a shard folder (`phm run --shard`): `draws.csv` for its own draws, `draws.bin`,
/// every per-draw value and yearly block sum the summaries need, bit for bit
/// (``DrawTable/binary()``), and `manifest.json` last (kind `shard`, with its draw range, sealed
/// like every results folder, ``FolderSeal``). No summary and no report: those come from
/// `phm merge` once every shard is in.
public enum ShardFiles {
    /// The label of a shard's folder name, `draws-<a>-<b>`, so shards started in the same
    /// millisecond by a scheduler are told apart at a glance.
    public static func label(_ range: Range<Int>) -> String {
        "draws-\(range.lowerBound)-\(range.upperBound)"
    }

    /// Writes the shard's files and commits the folder.
    public static func write(table: DrawTable, manifest: RunManifest, to folder: ResultsFolder) throws {
        precondition(manifest.kind == "shard" && manifest.drawRange?.range == table.firstDraw..<(table.firstDraw + table.draws))
        try RunFiles.checkFinite(table)
        try folder.write(table.binary(), to: "draws.bin")
        try RunFiles.writeDrawsCSV(table, to: folder)
        try folder.commit(manifest: manifest)
    }
}
