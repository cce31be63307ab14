import Foundation

/// How to replay a run: what was run, with which seed and draws, by which version, and how long
/// it took (written as `manifest.json`, last, by ``ResultsFolder/commit(manifest:)``, which also
/// fills in the seal: `kind`, `complete` and `files`; see ``FolderSeal``).
public struct RunManifest: Codable, Sendable {
    /// What the folder holds: `"run"` for a whole results folder (run, optimise, frontier,
    /// payments, and a run merged from shards); `"shard"` for part of a run to be merged
    /// (`phm run --shard`), refused by readers that expect a whole run.
    public var kind: String
    /// Set by ``ResultsFolder/commit(manifest:)`` once every other file is written.
    public var complete = false
    /// Every other file of the folder with its size and hash, set at commit.
    public var files: [FolderSeal.File] = []
    public let tool: String
    public let toolVersion: String
    public let scenario: String
    public let scenarioFile: String
    /// FNV-1a 64 of the scenario file and of the loaded scenario (so cohort tables count too).
    public let scenarioHash: String
    public let seed: UInt64
    public let draws: Int
    public let deterministic: Bool
    public let threads: Int
    public let options: [String]
    public let countNoise: String
    public let startedUTC: String
    public let wallSeconds: Double
    public let command: [String]
    /// The draws a shard simulated, `start ..< end` of `draws` (shards only).
    public let drawRange: DrawRange?
    /// The shard folders a merge joined, in draw order (runs made by `phm merge` only).
    public let shards: [String]?

    /// Draws `start ..< end` of a run.
    public struct DrawRange: Codable, Sendable, Equatable {
        public let start: Int
        public let end: Int

        public init(_ range: Range<Int>) {
            start = range.lowerBound
            end = range.upperBound
        }

        public var range: Range<Int> { start..<max(start, end) }
    }

    public init(toolVersion: String, scenario: String, scenarioFile: String, scenarioHash: String, seed: UInt64, draws: Int,
                deterministic: Bool, threads: Int, options: [String], countNoise: String, startedUTC: String,
                wallSeconds: Double, command: [String], kind: String = "run", drawRange: DrawRange? = nil, shards: [String]? = nil) {
        tool = "phm"
        self.toolVersion = toolVersion
        self.scenario = scenario
        self.scenarioFile = scenarioFile
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.draws = draws
        self.deterministic = deterministic
        self.threads = threads
        self.options = options
        self.countNoise = countNoise
        self.startedUTC = startedUTC
        self.wallSeconds = wallSeconds
        self.command = command
        self.kind = kind
        self.drawRange = drawRange
        self.shards = shards
    }
}

extension RunManifest {
    /// Reads a `manifest.json` as ``RunFiles/json(_:)`` wrote it (snake_case keys; `started_utc`
    /// is `startedUTC`, which the standard snake-case conversion would spell `startedUtc`).
    public static func decode(_ data: Data) throws -> RunManifest {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            let words = path.last!.stringValue.split(separator: "_")
            let name = words.enumerated().map { i, word in
                i == 0 ? String(word) : word == "utc" ? "UTC" : word.prefix(1).uppercased() + word.dropFirst()
            }.joined()
            return ManifestKey(name)
        }
        return try decoder.decode(RunManifest.self, from: data)
    }
}

private struct ManifestKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
