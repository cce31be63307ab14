import ArgumentParser
import Foundation
import ScenarioLoading

/// The folder a simulating command keeps its per-draw column files and derived columns in while
/// it analyses them (issue 18: memory bounded at any draw count), a hidden `.work-<id>` folder
/// beside the results (`<out>/<scenario>/`), so they go to the disk the user chose for results.
///
/// Removed when the command is done with it, when it fails, and before exiting on a signal;
/// only a process killed outright (SIGKILL) leaves one behind. Not named `.partial-*`, so that
/// the stale-folder sweep of another run never removes the work folder of a long run.
final class WorkFolder: Sendable {
    let path: String
    private static let live = Locked<Set<String>>([])

    /// - Throws: `ExitCode(73)` with one line on stderr when the folder cannot be created.
    /// In `<root>/<scenario>/` (created if needed), or in the system's temporary folder.
    init(root: String?, scenario: String) throws {
        let parent = root.map { URL(fileURLWithPath: $0).appendingPathComponent(scenario) } ?? FileManager.default.temporaryDirectory
        let url = parent.appendingPathComponent(".work-\(UUID().uuidString.lowercased())")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch {
            FileHandle.standardError.write(Data("cannot create the run's work folder \(url.path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(ExitStatus.cannotCreate)
        }
        path = url.path
        Self.live.withLock { _ = $0.insert(url.path) }
    }

    deinit { remove() }

    func remove() {
        guard Self.live.withLock({ $0.remove(path) }) != nil else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes every work folder still in use (a signal is about to end the process).
    static func removeAll() {
        live.withLock { paths in
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
            paths.removeAll()
        }
    }
}
