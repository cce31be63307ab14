import ArgumentParser
import Foundation
import ScenarioLoading
import ScenarioModel

/// The folder a simulating command keeps its per-draw column files and derived columns in while
/// it analyses them (issue 18: memory bounded at any draw count), a hidden `.work-<id>` folder
/// beside the results (`<out>/<scenario>/`), so they go to the disk the user chose for results.
///
/// Removed when the command is done with it, when it fails, and before exiting on a signal.
/// A process killed outright (SIGKILL, out of memory) leaves its folder behind: its name carries
/// the host and process id (`.work-<host>-<pid>-<id>`), and the next run on that host in the same
/// place removes the folders of processes that no longer exist (never a live run's, however long
/// it runs, nor another host's on a shared disk). Not named `.partial-*`, which the results
/// folders' sweep removes by age.
final class WorkFolder: Sendable {
    let path: String
    private static let live = Locked<Set<String>>([])

    /// In `<root>/<scenario>/` (created if needed), or in the system's temporary folder.
    /// - Throws: `ExitCode(73)` with one line on stderr when the folder cannot be created.
    init(root: String?, scenario: String) throws {
        let parent = root.map { URL(fileURLWithPath: $0).appendingPathComponent(scenario) } ?? FileManager.default.temporaryDirectory
        let url = parent.appendingPathComponent("\(Self.prefix)\(getpid())-\(UUID().uuidString.lowercased())")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            // said as ResultsFolder says it: the results could not be written there either
            FileHandle.standardError.write(Data("\(parent.path): cannot create the results folder: \(FileProblem.reason(error))\n".utf8))
            throw ExitCode(ExitStatus.cannotCreate)
        }
        Self.removeAbandoned(in: parent)
        // known before it exists, so that a signal from now on removes it
        Self.live.withLock { _ = $0.insert(url.path) }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch {
            Self.live.withLock { _ = $0.remove(url.path) }
            FileHandle.standardError.write(Data("\(url.path): cannot create the run's work folder: \(FileProblem.reason(error))\n".utf8))
            throw ExitCode(ExitStatus.cannotCreate)
        }
        path = url.path
    }

    deinit { remove() }

    /// `.work-<host>-`: the folders of this host.
    private static var prefix: String { ".work-\(ProcessInfo.processInfo.hostName)-" }

    /// Removes this host's work folders in `parent` whose process is gone, saying so on stderr.
    private static func removeAbandoned(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let folder = parent.appendingPathComponent(name)
            if (try? FileManager.default.removeItem(at: folder)) != nil {
                FileHandle.standardError.write(Data("removed \(folder.path): the work folder of a run that was killed\n".utf8))
            }
        }
    }

    /// Removes the folder under the lock, so that a signal arriving meanwhile waits for it in
    /// ``removeAll()`` rather than exiting with the folder half removed.
    func remove() {
        Self.live.withLock { paths in
            guard paths.contains(path) else { return }
            try? FileManager.default.removeItem(atPath: path)
            paths.remove(path)
        }
    }

    /// Removes every work folder still in use (a signal is about to end the process). The
    /// command's thread may still be creating a scratch file in it, which makes a removal fail
    /// on a folder no longer empty: it is tried again until the folder is gone.
    static func removeAll() {
        live.withLock { paths in
            for path in paths {
                for _ in 0..<100 where FileManager.default.fileExists(atPath: path) {
                    try? FileManager.default.removeItem(atPath: path)
                }
            }
            paths.removeAll()
        }
    }
}
