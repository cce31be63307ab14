import ArgumentParser
import Foundation

/// Which random streams, on how many threads, or deterministic: the flags every simulating
/// command shares, whatever it calls its draw counts.
struct StreamOptions: ParsableArguments {
    @Option(help: "Seed of the random streams (default: the scenario's monte_carlo.seed).")
    var seed: UInt64?

    @Option(help: "Worker threads; results are identical for any number (default: all cores).")
    var threads: Int?

    @Flag(help: "Replace every distribution by its mean and run one draw (MODEL.md deterministic mode).")
    var deterministic = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
    }

    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}
