import Foundation
import Synchronization

/// A progress bar with an ETA on standard error, drawn only when standard error is a terminal
/// (so logs and pipes stay clean). Safe to update from several workers at once.
final class ProgressBar: Sendable {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private let lastDrawn = Mutex<(fraction: Int, time: Double)>((-1, 0))

    init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1
    }

    /// Redraws at most every 0.1 s, and at every whole percent.
    func update(_ done: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        let permille = done * 1000 / total
        let shouldDraw = lastDrawn.withLock { last -> Bool in
            guard permille != last.fraction, elapsed - last.time >= 0.1 || done == total else { return false }
            last = (permille, elapsed)
            return true
        }
        guard shouldDraw else { return }
        let width = 30
        let filled = done * width / total
        let rate = Double(done) / max(elapsed, 1e-9)
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(label) \(bar) \(done)/\(total)  \(Self.clock(elapsed)) elapsed, ETA \(Self.clock(remaining))  "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
