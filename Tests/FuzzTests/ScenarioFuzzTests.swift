import EquityAnalysis
import Foundation
import MonteCarlo
import Reporting
import RunAnalysis
import ScenarioLoading
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// Seeded mutation fuzzing of the scenario loader (issue 14): thousands of broken versions of
/// every example scenario. Each must be refused with exit 65 (positioned first line, no libyaml
/// internals, no raw Foundation text, no file echoed) or 66, or load; a file that loads must
/// then run without a non-finite number, since what `run` can fail on validation refuses first.
///
/// `make test` checks 500 files per example scenario (2,000 in all), parsed on every core. A longer run:
///     PHM_FUZZ_SECONDS=3600 PHM_FUZZ_SEED=1 swift test -c release --filter ScenarioFuzzTests
/// (docs/FUZZING.md; it prints its figures). A failing file is saved under the temporary folder
/// and named in the failure, to replay with `phm validate`.
final class ScenarioFuzzTests: XCTestCase {
    private enum Outcome {
        case loaded(Scenario)
        case refused(Int32)
        case failure(String)
    }

    private struct Figures: CustomStringConvertible {
        var files = 0, loaded = 0, refused65 = 0, refused66 = 0, simulated = 0, refusedAtRun = 0

        var description: String {
            "\(files) files: \(loaded) loaded (\(simulated) simulated, \(refusedAtRun) of them refused at run time for health ≤ 0), \(refused65) refused with 65, \(refused66) with 66"
        }
    }

    func testMutatedScenariosAreRefusedWithAPositionOrRunFinitely() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["PHM_FUZZ_SECONDS"].flatMap(Double.init)
        let seed = environment["PHM_FUZZ_SEED"].flatMap(UInt64.init) ?? 14
        let perScenario = environment["PHM_FUZZ_COUNT"].flatMap(Int.init) ?? 500
        let originals = try RepositoryPaths.exampleScenarios.map { ($0, [UInt8](try Data(contentsOf: $0))) }
        XCTAssertGreaterThanOrEqual(originals.count, 4)
        var mutator = ScenarioMutator(seed: seed)
        var figures = Figures()
        let started = Date()
        var round = 0
        repeat {
            for (url, original) in originals {
                let mutants = (0..<(seconds == nil ? perScenario : 300)).map { i in
                    mutator.mutate(original, kind: ScenarioMutator.Kind.allCases[(i + round) % 3])
                }
                let outcomes = Self.outcomes(mutants, url: url)
                for (bytes, outcome) in zip(mutants, outcomes) {
                    figures.files += 1
                    switch outcome {
                    case .refused(let code):
                        if code == 65 { figures.refused65 += 1 } else { figures.refused66 += 1 }
                    case .failure(let message):
                        fail(message, bytes)
                    case .loaded(let scenario):
                        figures.loaded += 1
                        // Every 40th file that loads is also simulated (at the means, and two draws).
                        if figures.loaded % 40 == 1 { try await simulate(scenario, bytes: bytes, figures: &figures) }
                    }
                }
            }
            round += 1
        } while seconds.map { Date().timeIntervalSince(started) < $0 } ?? false
        print("fuzz: seed \(seed), \(figures) in \(String(format: "%.0f", Date().timeIntervalSince(started))) s")
        XCTAssertGreaterThan(figures.refused65, figures.files / 10, "the mutations should break most files")
        XCTAssertGreaterThan(figures.loaded, 0, "some mutations (a number changed in range) should still load")
    }

    /// Parses every mutant, on every core (each parse is independent).
    private static func outcomes(_ mutants: [[UInt8]], url: URL) -> [Outcome] {
        let results = OutcomeSlots(count: mutants.count)
        DispatchQueue.concurrentPerform(iterations: mutants.count) { i in
            results.set(i, outcome(mutants[i], url: url))
        }
        return results.all
    }

    private final class OutcomeSlots: @unchecked Sendable {
        private var slots: [Outcome?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ outcome: Outcome) {
            lock.lock()
            slots[i] = outcome
            lock.unlock()
        }

        var all: [Outcome] { slots.map { $0 ?? .failure("not checked") } }
    }

    private static func outcome(_ bytes: [UInt8], url: URL) -> Outcome {
        let file = url.lastPathComponent
        do {
            return .loaded(try ScenarioLoader.parse(data: Data(bytes), file: file, directory: url.deletingLastPathComponent()))
        } catch let error as ScenarioLoadError {
            let text = error.description
            if case .invalid(let diagnostics) = error {
                guard let first = diagnostics.first else { return .failure("exit 65 with no message") }
                if first.line <= 0 { return .failure("unpositioned first line `\(first)`") }
                if diagnostics.contains(where: { $0.message.contains("\n") }) { return .failure("a message of several lines: \(text.prefix(600))") }
            }
            guard [65, 66].contains(error.exitCode) else { return .failure("exit \(error.exitCode)") }
            for leak in ["yaml_", "NSCocoaErrorDomain", "Error Domain", "Context:"] where text.contains(leak) {
                return .failure("`\(leak)` in the message: \(text.prefix(400))")
            }
            // One line per problem, none of them a copy of the file (a 300-character name may be quoted).
            if let long = text.split(separator: "\n").first(where: { $0.count > 1500 }) {
                return .failure("a message line of \(long.count) characters (the file echoed?)")
            }
            return .refused(error.exitCode)
        } catch {
            return .failure("an error that is not a ScenarioLoadError: \(error)")
        }
    }

    /// A file that validates runs without failing and without a non-finite number.
    private func simulate(_ scenario: Scenario, bytes: [UInt8], figures: inout Figures) async throws {
        figures.simulated += 1
        for settings in [RunSettings(draws: 1, seed: 1, threads: 1, deterministic: true, options: Array(scenario.allOptions.indices)),
                         RunSettings(draws: 2, seed: 3, threads: 1, options: Array(scenario.allOptions.indices))] {
            let table = try await MonteCarloRunner(scenario: scenario, settings: settings).run()
            for value in table.qalys + table.cost + table.deaths where !value.isFinite {
                return fail("validate accepted the file but a draw is \(value)", bytes)
            }
            do {
                _ = try RunFiles.json(try RunSummary(scenario: scenario, table: table, settings: settings))
            } catch EquityError.inDraw(_, _, .nonPositiveHealth) {
                // Health pushed to 0 or below in a draw: a run-time refusal (exit 65) that no
                // check of the file can foresee (docs/MODEL-NOTES.md "Value limits"); counted.
                figures.refusedAtRun += 1
                return
            } catch {
                return fail("validate accepted the file but the run failed: \(error)", bytes)
            }
        }
    }

    /// Saves the failing file under the temporary folder, to replay with `phm validate`.
    private func fail(_ message: String, _ bytes: [UInt8]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("phm-fuzz-failure-\(UUID().uuidString.prefix(8)).yaml")
        try? Data(bytes).write(to: path)
        XCTFail("\(message) (the file: \(path.path))")
    }
}
