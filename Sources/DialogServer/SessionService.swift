import DialogEngine
import DialogModel
import Foundation
import Metrics

/// The sessions of a server: each request reads a session from the store, runs the
/// engine, and writes the session back with compare-and-set on its version, so that any
/// server sharing the store may take any turn, in order, and no turn is lost.
///
/// No HTTP here: the server's routes call these methods and turn a ``ServeError`` into
/// its status and JSON body.
public actor SessionService {
    /// A turn for a client, with the session it belongs to.
    public struct Reply: Sendable {
        public var id: String
        public var turn: Turn
        /// The turn as one protocol-2 JSON object.
        public var turnJSON: String { turn.jsonLine() }
    }

    /// How often a turn is tried again when another turn of the same session was written
    /// first (on another server); after that the client gets `conflict`.
    static let maxAttempts = 32
    /// Sessions kept in memory after their last turn, so that a crisis told over several
    /// messages is read together (those lines are never written to the store), and so that
    /// a turn does not rebuild the session. Beyond this many, the least recent are dropped.
    static let liveLimit = 10_000

    public let store: any SessionStore
    private var compiled: CompiledBundle
    private let clock: @Sendable () -> Date
    /// The last session each recent id reached on this server, by the version it wrote.
    private var live: [String: (version: Int, session: Session, used: Date)] = [:]
    /// Turns of a session wait here for the turn before them on this server: in order.
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var busy: Set<String> = []

    private let conflicts = Counter(label: "intake_store_conflicts_total")
    private let expired = Counter(label: "intake_sessions_expired_total")

    /// A service over `bundle` (an intake bundle) and `store`.
    public init(bundle: DialogBundle, store: any SessionStore, clock: @escaping @Sendable () -> Date = Date.init) {
        self.compiled = CompiledBundle(bundle)
        self.store = store
        self.clock = clock
    }

    /// Why a bundle cannot be served: a training module, or a node that saves what the
    /// person typed (the store keeps no transcript). Nil when it can.
    public static func refusal(of bundle: DialogBundle) -> String? {
        if bundle.kind == .training { return "it is a training module; run it with intake train" }
        for id in bundle.nodeOrder {
            if let node = bundle.nodes[id], node.expect == .text, let save = node.save {
                return "`\(id)` saves what the person types (save: \(save.value)), and the server keeps no transcript"
            }
        }
        return nil
    }

    /// The dialogs sessions run on now.
    public var bundle: DialogBundle { compiled.bundle }

    /// Runs the next sessions and turns on `bundle`. A session in progress continues on it
    /// when its state still fits (else its next request gets `session-incompatible`).
    public func reload(_ bundle: DialogBundle) {
        compiled = CompiledBundle(bundle)
        live = [:]
    }

    // MARK: - Requests

    /// Starts a session in `region` (default US) at the bundle's start, whose opening
    /// carries the disclaimer, and returns its opening turn. A `start` is refused: DESIGN.md
    /// allows only nodes a bundle setting lists, and the dialog language has no such setting.
    public func create(region: String?, start: String?) async throws(ServeError) -> Reply {
        let bundle = compiled.bundle
        if start != nil {
            throw ServeError(.invalidRequest, "`start` may name only a node the server lists as a start; this one does not.")
        }
        var session: Session
        do {
            session = try Session(compiled, region: region ?? "US", seed: UInt64.random(in: .min ... .max))
        } catch {
            throw ServeError(.invalidRequest, error.description)
        }
        let turn = session.open()
        let now = clock()
        let id = SessionID.make()
        let stored = StoredSession(
            id: id, state: session.savedState.jsonLine, version: 1,
            bundleHash: bundle.hash, created: now, lastUsed: now)
        do {
            try await store.insert(stored)
        } catch {
            throw ServeError(.internal, "The session could not be saved.")
        }
        keep(id, version: 1, session)
        return Reply(id: id, turn: turn)
    }

    /// The session's pending question shown again (as `intake chat --resume` does); the
    /// session is not changed.
    public func pending(id: String) async throws(ServeError) -> Reply {
        guard SessionID.isWellFormed(id) else { throw .notFound }
        guard let stored = try await fetch(id) else { throw .notFound }
        var session = try resumed(stored)
        return Reply(id: id, turn: session.resume())
    }

    /// Answers one line of the session; turns of one session are applied one after
    /// another, in the order they arrived at this server.
    public func respond(id: String, input: String) async throws(ServeError) -> Reply {
        guard SessionID.isWellFormed(id) else { throw .notFound }
        await acquire(id)
        defer { release(id) }
        for attempt in 0..<SessionService.maxAttempts {
            guard let stored = try await fetch(id) else { throw .notFound }
            var session: Session
            if let kept = live[id], kept.version == stored.version, stored.bundleHash == compiled.bundle.hash {
                session = kept.session
            } else {
                session = try resumed(stored)
            }
            if session.isEnded { throw ServeError(.sessionEnded, "This session has ended; start a new one.") }
            let (turn, state) = await Self.answer(&session, input)
            var next = stored
            next.version += 1
            next.state = state
            next.bundleHash = session.bundle.hash
            next.lastUsed = clock()
            let written: Bool
            do {
                written = try await store.update(next)
            } catch {
                throw ServeError(.internal, "The session could not be saved.")
            }
            if written {
                keep(id, version: next.version, session)
                return Reply(id: id, turn: turn)
            }
            // Another server wrote a turn of this session first, or it was erased: read it again.
            conflicts.increment()
            live[id] = nil
            // A random pause that grows with each attempt, so that two servers racing on
            // one session do not collide again and again.
            try? await Task.sleep(nanoseconds: UInt64.random(in: 0...UInt64(attempt + 1) * 500_000))
        }
        throw ServeError(.conflict, "Other turns of this session kept arriving at the same time; send this one again.")
    }

    /// Erases a session.
    public func erase(id: String) async throws(ServeError) {
        guard SessionID.isWellFormed(id) else { throw .notFound }
        live[id] = nil
        let erased: Bool
        do {
            erased = try await store.delete(id: id)
        } catch {
            throw ServeError(.internal, "The session could not be erased.")
        }
        if !erased { throw .notFound }
    }

    /// Erases the sessions idle for longer than `retention`; how many.
    @discardableResult
    public func sweep(retention: TimeInterval) async throws(StoreError) -> Int {
        let cutoff = clock().addingTimeInterval(-retention)
        let count = try await store.deleteIdle(before: cutoff)
        if count > 0 { expired.increment(by: count) }
        // What the store no longer has is not kept here either.
        live = live.filter { $0.value.used >= cutoff }
        return count
    }

    /// How many sessions the store holds.
    public func count() async throws(StoreError) -> Int { try await store.count() }

    // MARK: - Helpers

    /// Runs the engine for one line, off the actor: reading a line is most of a turn's
    /// work, and other sessions' turns go on meanwhile on the other cores. The session is a
    /// value, and its turns are queued (`acquire`), so nothing else touches it.
    @concurrent
    private nonisolated static func answer(_ session: inout Session, _ input: String) async -> (Turn, String) {
        let turn = session.respond(to: input)
        return (turn, session.savedState.jsonLine)
    }

    private func fetch(_ id: String) async throws(ServeError) -> StoredSession? {
        do {
            return try await store.fetch(id: id)
        } catch {
            throw ServeError(.internal, "The session store could not be read.")
        }
    }

    /// The session a stored state describes, on the dialogs of now.
    private func resumed(_ stored: StoredSession) throws(ServeError) -> Session {
        let state: SessionState
        do {
            state = try SessionState(json: Array(stored.state.utf8))
        } catch {
            throw ServeError(.internal, "The stored session could not be read.")
        }
        if state.ended || state.waiting == .ended { throw ServeError(.sessionEnded, "This session has ended; start a new one.") }
        do {
            return try Session(compiled, resuming: state)
        } catch {
            throw ServeError(.sessionIncompatible, "The dialogs changed and this session cannot continue: \(error.reason). Start a new one.")
        }
    }

    private func keep(_ id: String, version: Int, _ session: Session) {
        live[id] = (version, session, clock())
        if live.count > SessionService.liveLimit {
            // Drop the least recently used tenth at once, so that this runs rarely.
            let oldest = live.sorted { $0.value.used < $1.value.used }.prefix(SessionService.liveLimit / 10)
            for (key, _) in oldest { live[key] = nil }
        }
    }

    private func acquire(_ id: String) async {
        if busy.insert(id).inserted { return }
        await withCheckedContinuation { waiting[id, default: []].append($0) }
    }

    private func release(_ id: String) {
        if var queue = waiting[id], !queue.isEmpty {
            // The id stays busy: the next turn in line runs now.
            let next = queue.removeFirst()
            waiting[id] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(id)
        }
    }
}
