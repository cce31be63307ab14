import Foundation

/// A results folder written atomically: files go to a hidden temporary folder beside the
/// destination, which is renamed into place only when every file is written. A folder that
/// exists under its final name is therefore always complete (an interrupted run leaves at most
/// a `.partial-*` folder, which ``discard()`` removes).
public final class ResultsFolder {
    public let destination: URL
    private let staging: URL
    private var committed = false

    /// Prepares `Results/<scenario>/<UTC timestamp>-<short hash>/` under `root`.
    public convenience init(root: URL, scenario: String, hash: String, date: Date = Date()) throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let name = "\(formatter.string(from: date))-\(hash.prefix(8))"
        try self.init(destination: root.appendingPathComponent(scenario).appendingPathComponent(name))
    }

    public init(destination: URL) throws {
        self.destination = destination
        let parent = destination.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".partial-\(destination.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes one file into the folder being built.
    public func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: staging.appendingPathComponent(name), options: .atomic)
    }

    public func write(_ data: Data, to name: String) throws {
        try data.write(to: staging.appendingPathComponent(name), options: .atomic)
    }

    /// Where a file goes in the folder being built, for writers that create the file themselves
    /// (such as a workbook).
    public func staged(_ name: String) -> URL { staging.appendingPathComponent(name) }

    /// Moves the finished folder to its destination.
    public func commit() throws {
        if FileManager.default.fileExists(atPath: destination.path) {
            try FileManager.default.removeItem(at: destination)
        }
        try FileManager.default.moveItem(at: staging, to: destination)
        committed = true
    }

    /// Removes the unfinished folder (after an error or Ctrl-C).
    public func discard() {
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    deinit {
        discard()
    }
}
