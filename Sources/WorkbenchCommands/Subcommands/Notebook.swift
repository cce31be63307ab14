import ArgumentParser
import Foundation
import Reporting
import ScenarioLoading

extension Workbench {
    struct Notebook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the ```phm blocks of a Markdown notebook and write their output below them.",
            discussion: """
                Each line of a ```phm block is one phm command (blank lines and # comments are skipped), run with this same phm binary from the current folder. Their standard output replaces the fenced block that follows the marker <!-- phm-output --> after the block (one is added when missing). Commands run with PHM_NOTEBOOK=1 and NO_COLOR=1, so they print no timestamped paths and no colour: with fixed seeds the output is the same every time. A failing command stops the notebook with its line.

                --check runs everything but writes nothing, and fails (exit 65) if any output would change:
                use it in CI so that committed notebooks stay true.

                Examples:
                  phm notebook notebooks-md/choosing-between-options.md
                  phm notebook --check notebooks-md/*.md
                """)

        @Argument(help: "Markdown notebooks.", completion: .file(extensions: ["md"]))
        var files: [String]

        @Flag(help: "Fail if any output would change; write nothing.")
        var check = false

        func run() throws {
            var stale: [String] = []
            for file in files {
                guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    FileHandle.standardError.write(Data("\(file): cannot read this notebook (missing, or not UTF-8 text)\n".utf8))
                    throw ExitCode(ExitStatus.noInput)
                }
                let document: NotebookDocument
                do {
                    document = try NotebookDocument(text)
                } catch {
                    FileHandle.standardError.write(Data("\(file):\(error)\n".utf8))
                    throw ExitCode(ExitStatus.dataError)
                }
                let outputs = try document.blocks.map { try output(of: $0, file: file) }
                let changed = zip(document.blocks, zip(document.currentOutputs, outputs)).filter { $1.0 != $1.1 }.map(\.0.line)
                let updated = document.replacingOutputs(outputs)
                if check {
                    if updated != text {
                        let where_ = changed.isEmpty ? "its layout" : "the output of the block\(changed.count == 1 ? "" : "s") at line\(changed.count == 1 ? "" : "s") \(changed.map(String.init).joined(separator: ", "))"
                        stale.append("\(file): \(where_) would change; run `phm notebook \(file)` and commit the result")
                    }
                } else if updated != text {
                    try updated.write(toFile: file, atomically: true, encoding: .utf8)
                }
                let summary = "\(file): \(document.blocks.count) block\(document.blocks.count == 1 ? "" : "s") run, \(changed.count) output\(changed.count == 1 ? "" : "s") \(check ? "out of date" : "updated")"
                FileHandle.standardError.write(Data((summary + "\n").utf8))
            }
            if !stale.isEmpty {
                FileHandle.standardError.write(Data((stale.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(ExitStatus.dataError)  // the notebook's recorded outputs are out of date
            }
        }

        /// The standard output of every command of a block, separated by blank lines, with
        /// trailing spaces and blank lines removed (so editors that trim them change nothing).
        private func output(of block: NotebookDocument.Block, file: String) throws -> String {
            var outputs: [String] = []
            for command in block.commands {
                let words: [String]
                do { words = try CommandLineWords.split(command.text) } catch {
                    FileHandle.standardError.write(Data("\(file):\(command.line): \(error) in `\(command.text)`\n".utf8))
                    throw ExitCode(ExitStatus.dataError)
                }
                guard words.first == "phm", words.count > 1 else {
                    FileHandle.standardError.write(Data("\(file):\(command.line): a ```phm block holds phm commands only, one per line (got `\(command.text)`)\n".utf8))
                    throw ExitCode(ExitStatus.dataError)
                }
                let result = try NotebookCommand.run(Array(words.dropFirst()))
                guard result.status == 0 else {
                    FileHandle.standardError.write(Data("\(file):\(command.line): in the ```phm block at line \(block.line), `\(command.text)` failed with exit code \(result.status)\n\(result.standardError)".utf8))
                    throw ExitCode(result.status)
                }
                let lines = result.standardOutput.components(separatedBy: "\n").map { String($0.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
                outputs.append(lines.joined(separator: "\n").trimmingCharacters(in: .newlines))
            }
            return outputs.joined(separator: "\n\n")
        }
    }
}
