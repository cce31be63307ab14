import ArgumentParser
import Foundation
import ScenarioLoading
import Reporting
import RunAnalysis

extension Workbench {
    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare options for a board: health, cost, equity and rank under each ethical stance.",
            discussion: """
                With a scenario file, runs it (as phm run, without writing a results folder); with a results folder of phm run, reads its summary.json. Prints one row per option: total health gain (net of opportunity cost where set, with gross beside it), cost, net monetary benefit, change in deaths (total and in the most deprived group) and in unmet demand, change in the gap and in the slope index of inequality, probability of a win–win, and the rank for ε = 0, 1, 2, 10 and maximin; then one sentence per option. An option whose health gain comes with more deaths or more unmet demand in more than half the draws is named in a warning first.
                Colours only on a terminal, and never when NO_COLOR is set.

                Examples:
                  phm compare Scenarios/pphmi-fund.yaml --draws 200
                  phm compare Results/pphmi-fund/20251126T101500Z-1a2b3c4d --format md > board.md
                  phm compare Scenarios/ics-core20plus5.yaml --format json
                  phm compare Scenarios/pphmi-fund.yaml --format xlsx --output board.xlsx
                With --format xlsx, writes an Excel workbook to --output FILE (never over an existing file): the answer in words, the board table, the summary and notes.
                With --brief, prints the board brief instead (the answer in sentences, each option's warning first, and the short board table; with a scenario file, when each option pays back), in any format: the words of brief.html in a phm run folder, without its charts.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, md, csv, json, xlsx
        }

        @Argument(help: "Scenario file, or a results folder written by phm run.", completion: .file())
        var input: String

        @OptionGroup var simulation: SimulationOptions

        @Option(help: "Output format: text, md, csv, json or xlsx (xlsx needs --output).")
        var format: Format = .text

        @Option(help: ArgumentHelp("Workbook to write with --format xlsx (must not exist yet).", valueName: "file"))
        var output: String?

        @Flag(help: "Print, financial year by financial year, each option's cumulative health gain, extra cost and net monetary benefit against base with 95% intervals, and when it pays back, instead of the board table (scenario files only; CSV in long form: year, option, metric, mean, low, high).")
        var timeline = false

        @Flag(help: "Print the board brief (the answer in sentences and the short board table) rather than the full comparison.")
        var brief = false

        func validate() throws {
            if format == .xlsx, output == nil {
                throw ValidationError("--format xlsx writes a workbook: give its file name with --output FILE.xlsx")
            }
            if output != nil, format != .xlsx {
                throw ValidationError("--output writes a workbook; use it with --format xlsx (other formats print to standard output)")
            }
            if brief, timeline {
                throw ValidationError("--brief and --timeline print different things: use one of them")
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
                let given = simulation.given
                if !given.isEmpty {
                    throw ValidationError("\(given.joined(separator: ", ")) only apply when comparing a scenario file; \(input) is a results folder, already run")
                }
                if timeline {
                    throw ValidationError("--timeline needs the draws of a run: give the scenario file rather than the results folder \(input)")
                }
            }
        }

        func run() async throws {
            let (summary, detail, timeline) = try await analysed()
            if let timeline {
                try show(TimelineTable(timeline))
                return
            }
            if brief { return try printBrief(summary: summary, detail: detail) }
            let board = BoardComparison(summary)
            switch format {
            case .text:
                let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                print(board.text(colour: colour))
            case .md:
                print(board.markdown, terminator: "")
            case .csv:
                print(board.csv, terminator: "")
            case .json:
                FileHandle.standardOutput.write(try RunFiles.json(board))
            case .xlsx:
                try writeWorkbook { try WorkbookFile.write(RunWorkbook.sheets(summary: summary), to: $0) }
            }
        }

        /// `--brief` in the chosen format.
        private func printBrief(summary: RunSummary, detail: RunDetail?) throws {
            switch format {
            case .text: print(BriefDocument.text(summary: summary, detail: detail))
            case .md: print(BriefDocument.markdown(summary: summary, detail: detail), terminator: "")
            case .csv: print(BriefDocument.csv(summary: summary), terminator: "")
            case .json: FileHandle.standardOutput.write(try RunFiles.json(BriefDocument.json(summary: summary, detail: detail)))
            case .xlsx:
                try writeWorkbook { try WorkbookFile.write(BriefDocument.sheets(summary: summary), to: $0) }
            }
        }

        /// The timeline in the chosen format.
        private func show(_ table: TimelineTable) throws {
            switch format {
            case .text: print(table.text)
            case .md: print(ReportDocument(title: "Timeline: \(table.timeline.scenario)", subtitle: table.heading, sections: table.sections).markdown, terminator: "")
            case .csv: print(table.csv, terminator: "")
            case .json: FileHandle.standardOutput.write(try RunFiles.json(table.document))
            case .xlsx: try writeWorkbook { try WorkbookFile.write([table.sheet], to: $0) }
            }
        }

        /// Writes the workbook of --format xlsx to --output with `write` (exit 73 when it cannot).
        private func writeWorkbook(_ write: (String) throws -> Void) throws {
            guard let output else { return }
            do {
                try write(output)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(73)
            }
            print("workbook: \(output)")
        }

        /// The summary; with --brief the run's detail and with --timeline its timeline (only a
        /// scenario file has the draws).
        private func analysed() async throws -> (RunSummary, RunDetail?, Timeline?) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("\(input): no such file or folder; give a scenario file or a results folder of phm run\n".utf8))
                throw ExitCode(ExitStatus.noInput)
            }
            guard isDirectory.boolValue else {
                let run = try await ScenarioRun.simulate(file: input, simulation: simulation)
                return (run.summary, brief ? try RunDetail(scenario: run.scenario, table: run.table) : nil,
                        timeline ? try Timeline(scenario: run.scenario, table: run.table) : nil)
            }
            do {
                return (try RunFolderReader.summary(folder: URL(fileURLWithPath: input)), nil, nil)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(error.exitCode)
            }
        }
    }
}
