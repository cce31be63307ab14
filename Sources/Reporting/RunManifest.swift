/// How to replay a run: what was run, with which seed and draws, by which version, and how long
/// it took (written as `manifest.json`).
public struct RunManifest: Codable, Sendable {
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

    public init(toolVersion: String, scenario: String, scenarioFile: String, scenarioHash: String, seed: UInt64, draws: Int,
                deterministic: Bool, threads: Int, options: [String], countNoise: String, startedUTC: String,
                wallSeconds: Double, command: [String]) {
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
    }
}
