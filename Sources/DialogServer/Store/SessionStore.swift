import Foundation

/// One session as a store keeps it between turns: the engine's saved state (JSON, which
/// holds no free text the person typed beyond what `save:` kept) and its version.
public struct StoredSession: Sendable, Equatable {
    /// The session id the client holds (16 random bytes, base64url).
    public var id: String
    /// `SessionState.jsonLine`.
    public var state: String
    /// 1 when created; each turn written adds one. A write names the version it read.
    public var version: Int
    /// The hash of the dialogs the state was saved with.
    public var bundleHash: String
    public var created: Date
    public var lastUsed: Date

    public init(id: String, state: String, version: Int, bundleHash: String, created: Date, lastUsed: Date) {
        self.id = id
        self.state = state
        self.version = version
        self.bundleHash = bundleHash
        self.created = created
        self.lastUsed = lastUsed
    }
}

/// A store that cannot be reached or used; the server answers `internal` (500) for one
/// turn, or exits 69 when it cannot open the store at start.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Where sessions live between turns. Every server sharing a store may take any turn of
/// any session: a turn reads the session, runs the engine, and writes back only if the
/// session is still at the version it read (compare-and-set).
public protocol SessionStore: Sendable {
    /// What the start-up log says about the store (a file path, or a host and database
    /// without the password).
    var description: String { get }
    /// Adds a new session.
    func insert(_ session: StoredSession) async throws(StoreError)
    /// The session with `id`, or nil.
    func fetch(id: String) async throws(StoreError) -> StoredSession?
    /// Writes `session` over the stored one when that one is at `session.version - 1`.
    /// False when another turn was written first or the session was erased.
    func update(_ session: StoredSession) async throws(StoreError) -> Bool
    /// Erases a session; false when there was none.
    func delete(id: String) async throws(StoreError) -> Bool
    /// Erases the sessions last used before `cutoff`; how many.
    func deleteIdle(before cutoff: Date) async throws(StoreError) -> Int
    /// How many sessions the store holds.
    func count() async throws(StoreError) -> Int
}
