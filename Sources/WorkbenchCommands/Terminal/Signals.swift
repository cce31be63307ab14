import Dispatch
import Foundation

/// The one owner of SIGINT, SIGTERM and SIGHUP in `phm`: every signal, at any moment, ends the
/// process with one line on stderr and exit 128 + signal (130 for Ctrl-C), never silently. A
/// phase that must clean up first (a run being cancelled, a results folder being written) pushes
/// its own handler for its duration.
final class Signals: @unchecked Sendable {
    static let shared = Signals()
    static let numbers: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Set when a handler is about to end the process: the command's own thread, which may fail
    /// because the work folder was removed under it, then leaves the exit (and the one line on
    /// stderr) to the handler.
    let exiting = Locked(false)

    private let lock = NSLock()
    private var handlers: [@Sendable (Int32) -> Void] = []
    private var sources: [DispatchSourceSignal] = []

    /// Takes the signals over (idempotent). A queue of its own: a serial queue targets an
    /// overcommitting root queue, which gets a thread even while a run keeps every core busy.
    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        let queue = DispatchQueue(label: "phm.signals")
        for number in Self.numbers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in self.deliver(number) }
            source.resume()
            sources.append(source)
        }
    }

    private func deliver(_ number: Int32) {
        lock.lock()
        let handler = handlers.last
        lock.unlock()
        if let handler { return handler(number) }
        exiting.value = true
        WorkFolder.removeAll()
        FileHandle.standardError.write(Data("\ninterrupted: stopped; nothing was written\n".utf8))
        exit(128 + number)
    }

    /// Runs `body` with `handler` answering the signals (the innermost phase wins).
    func during<T>(_ handler: @escaping @Sendable (Int32) -> Void, _ body: () async throws -> T) async rethrows -> T {
        push(handler)
        defer { pop() }
        return try await body()
    }

    func during<T>(_ handler: @escaping @Sendable (Int32) -> Void, _ body: () throws -> T) rethrows -> T {
        push(handler)
        defer { pop() }
        return try body()
    }

    private func push(_ handler: @escaping @Sendable (Int32) -> Void) {
        install()
        lock.lock()
        handlers.append(handler)
        lock.unlock()
    }

    private func pop() {
        lock.lock()
        handlers.removeLast()
        lock.unlock()
    }
}

/// A value shared between a signal handler's queue and the thread it interrupts.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) {
        stored = value
    }

    var value: Value {
        get {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
        set {
            lock.lock()
            stored = newValue
            lock.unlock()
        }
    }

    /// Runs `body` on the value with the lock held, so that no other thread sees it part-way.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&stored)
    }
}
