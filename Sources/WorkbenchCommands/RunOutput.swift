import Foundation
import Reporting
import RunAnalysis
import ScenarioLoading

/// What `phm run` and `phm merge` both write and print for a finished run: the results folder
/// (files, report), then the board table, or summary.json with `--json`.
enum RunOutput {
    /// - Parameter shards: the shard folders a merge joined (recorded in the manifest).
    static func write(run: ScenarioRun, out: String, json: Bool, shards: [String]? = nil) throws {
        let (scenario, settings, table, summary) = (run.scenario, run.settings, run.table, run.summary)
        let hash = ScenarioFingerprint.hash(path: run.file, scenario: scenario)
        let manifest = RunManifest(file: run.file, scenario: scenario, settings: settings, options: table.optionNames,
                                   started: run.started, shards: shards)
        // The report is built inside the write phase, so Ctrl-C while it is built is handled too.
        let folder = try WritePhase.write(root: out, scenario: scenario.name, hash: hash, date: run.started) { folder in
            var report = RunReport.document(summary: summary, detail: try RunDetail(scenario: scenario, table: table))
            report.sections.append(RunReport.about(manifest))
            try RunFiles.write(summary: summary, table: table, parameters: run.parameters, manifest: manifest, report: report, to: folder)
        }
        run.work.remove()
        if json {
            FileHandle.standardOutput.write(try RunFiles.json(summary))
        } else {
            print(BoardTable.text(summary))
            print()
            print(BoardTable.epsilonText(summary))
            print()
            OutputPaths.announce(folder.destination, out: out, scenario: scenario.name, report: true)
        }
    }
}
