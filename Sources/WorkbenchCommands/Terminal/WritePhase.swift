import ArgumentParser
import Foundation
import Reporting

/// The write phase of a command that leaves a results folder: the folder is created, filled and
/// committed with Ctrl-C, SIGTERM and SIGHUP turned into "remove the partial folder, say so in
/// one line, exit 128 + signal" (130 for Ctrl-C). Without this, a signal in the last fraction of
/// a second of a run left a `.partial-*` folder behind.
enum WritePhase {
    /// Creates `Results/<scenario>/<time>-<hash>-<id>/`, runs `fill` (which writes the files and
    /// commits) and returns the committed folder. Stale partial folders removed on the way are
    /// named on stderr; a failure to create or write exits 73 or 74 with one line.
    static func write(root: String, scenario: String, hash: String, date: Date, label: String? = nil, _ fill: (ResultsFolder) throws -> Void) throws -> ResultsFolder {
        let current = Locked<ResultsFolder?>(nil)
        let signalled = Locked(false)
        do {
            return try Signals.shared.during({ number in
                signalled.value = true
                // The lock is held until exit: a folder being created now is either not begun
                // (and never will be) or created and known here, so it is removed either way.
                current.withLock { folder in
                    let kept = folder.map { !$0.abandon() } ?? false
                    let line = kept ? "interrupted after the results were written to \(folder!.destination.path)"
                                    : "interrupted: the partial results folder was removed; nothing was written"
                    Signals.shared.exiting.value = true
                    WorkFolder.removeAll()
                    FileHandle.standardError.write(Data("\n\(line)\n".utf8))
                    exit(128 + number)
                }
            }) {
                let folder = try current.withLock { slot in
                    let folder = try ResultsFolder(root: URL(fileURLWithPath: root), scenario: scenario, hash: hash, date: date, label: label)
                    slot = folder
                    return folder
                }
                for stale in folder.removedStale {
                    FileHandle.standardError.write(Data("removed \(stale.path): a partial results folder over an hour old, left by a run that was killed\n".utf8))
                }
                do {
                    try fill(folder)
                } catch {
                    folder.abandon()
                    throw error
                }
                return folder
            }
        } catch where signalled.value {
            // The files vanished under the writer because a signal removed them: the handler
            // says so in one line and exits; this thread only waits for it.
            Thread.sleep(forTimeInterval: 10)
            throw ExitCode(130)
        } catch let error as ResultsFolderError {
            throw fail(error.description, code: error.exitCode)
        } catch let error as NonFiniteValue {
            throw fail(error.description, code: error.exitCode)
        }
    }

    private static func fail(_ message: String, code: Int32) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(code)
    }
}
