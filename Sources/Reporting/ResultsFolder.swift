import Foundation
import ScenarioModel
#if canImport(Glibc)
import Glibc
#endif

/// A results folder that is never lost, never overwritten and never seen half-written.
///
/// Files go to a hidden `.partial-<name>` folder beside the destination, created exclusively
/// (`mkdir`, which fails when the name exists). ``commit(manifest:)`` writes `manifest.json`
/// last — `complete: true` and every file with its size and hash (``FolderSeal``) — then moves
/// the folder into place without replacing anything: it first claims the destination name with
/// an exclusive `mkdir` and then renames the partial folder over that empty folder of its own
/// (POSIX `rename` replaces only an *empty* directory, so a folder holding results can never be
/// replaced). If the name is taken, it retries with a new name. Names carry the UTC time to the
/// millisecond and a random part, so runs in the same second, or at the same time, each get
/// their own folder. (`renameat2(RENAME_NOREPLACE)` would do the same in one call, but Swift's
/// Glibc module does not export it.)
public final class ResultsFolder: @unchecked Sendable {
    /// Where the folder is (or will be, once committed).
    public private(set) var destination: URL
    /// Stale `.partial-*` folders (older than ``staleAge``) removed when this folder was created.
    public let removedStale: [URL]
    private let parent: URL
    private let baseName: String
    private let staging: URL
    private var files: [FolderSeal.File] = []
    private var state = State.writing
    private let lock = NSLock()

    private enum State { case writing, committed, abandoned }

    /// Partial folders older than this belong to a run that died (kill -9, power loss).
    public static let staleAge: TimeInterval = 3600

    /// Prepares `Results/<scenario>/<UTC time to the ms>-<short hash>[-<label>]-<random>/` under
    /// `root`; a shard's label names its draws (`draws-0-2500`), so its folder says what it holds.
    public convenience init(root: URL, scenario: String, hash: String, date: Date = Date(), label: String? = nil) throws(ResultsFolderError) {
        try self.init(parent: root.appendingPathComponent(scenario), name: "\(Self.timestamp(date))-\(hash.prefix(8))" + (label.map { "-\($0)" } ?? ""))
    }

    /// Prepares `parent/<name>-<random>/`; `name` is the stable part of the folder name.
    public init(parent: URL, name: String) throws(ResultsFolderError) {
        self.parent = parent
        baseName = name
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: parent.path, reason: FileProblem.reason(error))
        }
        removedStale = Self.removeStale(in: parent)
        var attempt = 0
        while true {
            let unique = "\(name)-\(Self.randomSuffix())"
            let candidate = parent.appendingPathComponent(".partial-\(unique)")
            if mkdir(candidate.path, 0o755) == 0 {
                staging = candidate
                destination = parent.appendingPathComponent(unique)
                return
            }
            let code = errno
            attempt += 1
            guard code == EEXIST, attempt < 100 else {
                throw .cannotCreate(path: candidate.path, reason: String(cString: strerror(code)))
            }
        }
    }

    /// Writes one file into the folder being built, recording its size and hash for the seal.
    public func write(_ text: String, to name: String) throws(ResultsFolderError) {
        try write(Data(text.utf8), to: name)
    }

    /// Holds the lock while it writes, so ``abandon()`` (from a signal handler) never deletes
    /// the folder while a file is being created in it (the folder would survive, not empty).
    public func write(_ data: Data, to name: String) throws(ResultsFolderError) {
        let url = staging.appendingPathComponent(name)
        lock.lock()
        defer { lock.unlock() }
        guard state == .writing else { throw .interrupted }
        do {
            try data.write(to: url, options: .withoutOverwriting)
        } catch {
            throw .writeFailed(path: url.path, reason: FileProblem.reason(error))
        }
        files.removeAll { $0.name == name }
        files.append(FolderSeal.File(name: name, data: data))
    }

    /// Writes `name` in pieces: `fill` passes consecutive pieces to `emit`, each written and
    /// hashed as it comes, so a file of any size (draws.csv of ten million draws) is never held
    /// whole in memory. Each piece is written under the lock, like ``write(_:to:)-(Data,_)``, and a
    /// signal's ``abandon()`` stops the next one with ``ResultsFolderError/interrupted``.
    public func write(_ name: String, streaming fill: (_ emit: (String) throws -> Void) throws -> Void) throws {
        let url = staging.appendingPathComponent(name)
        let handle: FileHandle = try locked { () throws(ResultsFolderError) -> FileHandle in
            guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
                throw .writeFailed(path: url.path, reason: "cannot create the file")
            }
            return handle
        }
        defer { try? handle.close() }
        var bytes = 0
        var hash = Fingerprint.fnv1a64([UInt8]())
        try fill { piece in
            let data = Data(piece.utf8)
            try locked { () throws(ResultsFolderError) in
                do { try handle.write(contentsOf: data) } catch { throw .writeFailed(path: url.path, reason: FileProblem.reason(error)) }
            }
            bytes += data.count
            hash = Fingerprint.fnv1a64(data, seed: hash)
        }
        files.removeAll { $0.name == name }
        files.append(FolderSeal.File(name: name, bytes: bytes, hash: hash))
    }

    /// Runs `body` under the lock while the folder is still being written.
    private func locked<T>(_ body: () throws(ResultsFolderError) -> T) throws(ResultsFolderError) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard state == .writing else { throw .interrupted }
        return try body()
    }

    /// Lets a writer that creates its file itself (such as a workbook) write `name` into the
    /// folder being built; the file is then read back and sealed with the others on commit.
    /// Holds the lock like ``write(_:to:)``, so a signal's ``abandon()`` waits for the file and
    /// then removes the folder with it (without the lock, a workbook written while the handler
    /// removed the folder kept a `.partial-*` folder alive after SIGTERM). `writer` must not
    /// write through this folder.
    public func write(_ name: String, using writer: (URL) throws -> Void) throws {
        let url = staging.appendingPathComponent(name)
        lock.lock()
        defer { lock.unlock() }
        guard state == .writing else { throw ResultsFolderError.interrupted }
        try writer(url)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ResultsFolderError.writeFailed(path: url.path, reason: FileProblem.reason(error))
        }
        files.removeAll { $0.name == name }
        files.append(FolderSeal.File(name: name, data: data))
    }

    /// Writes `manifest.json` (the manifest, `complete: true` and the list of files) and moves
    /// the finished folder to its destination without replacing any folder.
    /// - Throws: ``ResultsFolderError/interrupted`` when ``abandon()`` ran first (a signal).
    public func commit(manifest: RunManifest) throws(ResultsFolderError) {
        var sealed = manifest
        sealed.complete = true
        sealed.files = files.sorted { $0.name < $1.name }
        let data: Data
        do { data = try RunFiles.json(sealed) } catch { throw .writeFailed(path: staging.path, reason: "the manifest: \(error)") }
        try write(data, to: FolderSeal.manifestName)
        lock.lock()
        defer { lock.unlock() }
        guard state == .writing else { throw .interrupted }
        var attempt = 0
        while true {
            if mkdir(destination.path, 0o755) == 0 {
                if rename(staging.path, destination.path) == 0 {
                    state = .committed
                    return
                }
                let code = errno
                rmdir(destination.path)
                throw .cannotCreate(path: destination.path, reason: String(cString: strerror(code)))
            }
            let code = errno
            attempt += 1
            guard code == EEXIST, attempt < 100 else {
                throw .cannotCreate(path: destination.path, reason: String(cString: strerror(code)))
            }
            destination = parent.appendingPathComponent("\(baseName)-\(Self.randomSuffix())")
        }
    }

    /// Removes the unfinished folder and stops any later commit (after an error or a signal).
    /// Safe to call from a signal handler's queue while another thread writes: a commit that
    /// already happened is kept.
    /// - Returns: whether the folder was removed (false once committed).
    @discardableResult
    public func abandon() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard state == .writing else { return state == .abandoned }
        state = .abandoned
        try? FileManager.default.removeItem(at: staging)
        return true
    }

    deinit {
        if state != .committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// Removes `.partial-*` folders in `parent` last modified more than ``staleAge`` ago.
    public static func removeStale(in parent: URL, now: Date = Date()) -> [URL] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return [] }
        var removed: [URL] = []
        for name in names.sorted() where name.hasPrefix(".partial-") {
            let url = parent.appendingPathComponent(name)
            guard let modified = (try? fm.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > staleAge else { continue }
            if (try? fm.removeItem(at: url)) != nil { removed.append(url) }
        }
        return removed
    }

    /// `20261203T224449.123Z`: sortable, to the millisecond, in UTC.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return formatter.string(from: date)
    }

    /// Six hex digits from the system generator: with the millisecond in the name, two runs
    /// meet only one time in 16 million, and then the exclusive create picks another.
    static func randomSuffix() -> String {
        let value = UInt32.random(in: 0..<(1 << 24))
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }

}

/// Why a results folder could not be written (the command exits 73 cannot create or 74 I/O error).
public enum ResultsFolderError: Error, Sendable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    /// A signal arrived during the write phase and the partial folder was removed.
    case interrupted

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): return "\(path): cannot create the results folder: \(reason)"
        case .writeFailed(let path, let reason): return "\(path): cannot write: \(reason); nothing was kept"
        case .interrupted: return "interrupted while writing results; the partial folder was removed"
        }
    }
}
