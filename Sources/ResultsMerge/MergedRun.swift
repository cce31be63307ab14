import Foundation
import MonteCarlo
import ScenarioModel

/// The run a set of shards makes together: their draws read back and joined into one
/// ``DrawTable`` of every draw, with the settings of one run, so that the summaries, files and
/// report built from it are those `phm run` writes for the same draws (docs/SCALE.md).
public struct MergedRun: Sendable {
    public let table: DrawTable
    public let settings: RunSettings

    /// - Parameters:
    ///   - scenario: the scenario the shards ran, already checked against their fingerprint.
    ///   - threads: recorded in the settings only (nothing is simulated).
    /// - Throws: ``MergeError`` when an option is unknown to the scenario or a draws file cannot
    ///   be read or joined.
    /// - Parameter folder: a folder for the joined column files (one shard is read at a time),
    ///   or nil to join them in memory.
    public init(shards: ShardSet, scenario: Scenario, threads: Int, columnsIn folder: String? = nil) throws(MergeError) {
        let first = shards.first
        let names = scenario.allOptions.map(\.name)
        var options: [Int] = []
        for name in first.manifest.options {
            guard let index = names.firstIndex(of: name) else {
                throw .unreadable(path: first.folder.path, reason: "option `\(name)` is not in the scenario")
            }
            options.append(index)
        }
        settings = RunSettings(draws: first.manifest.draws, seed: first.manifest.seed, threads: threads, deterministic: first.manifest.deterministic, options: options)
        func part(_ index: Int) throws(MergeError) -> DrawTable {
            let shard = shards.shards[index]
            let file = shard.folder.appendingPathComponent("draws.bin")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw .unreadable(path: shard.folder.path, reason: "no draws.bin")
            }
            let part: DrawTable
            do {
                part = try DrawTable(
                    binary: data, optionNames: first.manifest.options, groupNames: scenario.groupNames,
                    serviceNames: scenario.services.map(\.name), interventionNames: scenario.interventions.map(\.name))
            } catch {
                throw .unreadable(path: shard.folder.path, reason: error.description)
            }
            guard part.firstDraw..<(part.firstDraw + part.draws) == shard.range, part.totalDraws == first.manifest.draws else {
                throw .unreadable(path: shard.folder.path, reason: "draws.bin holds draws \(part.firstDraw)..<\(part.firstDraw + part.draws) of \(part.totalDraws), the manifest says \(shard.range) of \(first.manifest.draws)")
            }
            return part
        }
        do {
            if let folder {
                table = try DrawTable.joined(count: shards.shards.count, into: folder) { try part($0) }
            } else {
                table = try DrawTable.joined(try shards.shards.indices.map { try part($0) })
            }
        } catch let error as MergeError {
            throw error
        } catch {
            throw .unreadable(path: first.folder.path, reason: "\(error)")
        }
    }
}
