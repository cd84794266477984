import DialogFiles
import Foundation
import GRDB

/// Sessions in one SQLite file, for a server on its own (the default). GRDB runs the
/// statements on its own threads, so a turn waiting on the disk holds no thread of the
/// server's. The file and its `-wal` and `-shm` companions are private (mode 0600, like
/// the database file itself: SQLite gives them its mode) and never reached through a link.
public final class SQLiteSessionStore: SessionStore {
    public let path: String
    private let pool: DatabasePool

    /// Opens (or creates) the store at `path`. A link, a folder, a file of another user
    /// or one others can read is refused with the reason.
    public init(path: String) throws(StoreOpenError) {
        self.path = path
        do {
            for file in [path + "-wal", path + "-shm"] { try PrivateFile.refuseUnsafeCompanion(file) }
            try PrivateFile.prepare(path)
        } catch {
            throw .unsafe(error)
        }
        var configuration = Configuration()
        // Several turns may wait on one write lock for a moment; never fail at once.
        configuration.busyMode = .timeout(5)
        configuration.label = "intake-sessions"
        // In WAL mode, NORMAL syncs at checkpoints rather than at every commit: a killed
        // server loses nothing, and the file stays consistent; only a power cut may undo the
        // last turns written. FULL would make every turn wait for the disk.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS sessions (
                            id TEXT PRIMARY KEY NOT NULL,
                            state TEXT NOT NULL,
                            version INTEGER NOT NULL,
                            bundle_hash TEXT NOT NULL,
                            created REAL NOT NULL,
                            last_used REAL NOT NULL
                        );
                        CREATE INDEX IF NOT EXISTS sessions_last_used ON sessions(last_used);
                        """)
            }
        } catch {
            throw .unavailable("cannot open the session store \(path): \(error)")
        }
    }

    public var description: String { "sqlite:\(path)" }

    public func insert(_ session: StoredSession) async throws(StoreError) {
        try await writing { db in
            try db.execute(
                sql: "INSERT INTO sessions (id, state, version, bundle_hash, created, last_used) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    session.id, session.state, session.version, session.bundleHash,
                    session.created.timeIntervalSince1970, session.lastUsed.timeIntervalSince1970,
                ])
        }
    }

    public func fetch(id: String) async throws(StoreError) -> StoredSession? {
        do {
            return try await pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id]).map(SQLiteSessionStore.session)
            }
        } catch {
            throw StoreError("the session store could not be read: \(error)")
        }
    }

    public func update(_ session: StoredSession) async throws(StoreError) -> Bool {
        try await writing { db in
            try db.execute(
                sql: "UPDATE sessions SET state = ?, version = ?, bundle_hash = ?, last_used = ? WHERE id = ? AND version = ?",
                arguments: [
                    session.state, session.version, session.bundleHash, session.lastUsed.timeIntervalSince1970,
                    session.id, session.version - 1,
                ])
            return db.changesCount == 1
        }
    }

    public func delete(id: String) async throws(StoreError) -> Bool {
        try await writing { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id])
            return db.changesCount == 1
        }
    }

    public func deleteIdle(before cutoff: Date) async throws(StoreError) -> Int {
        try await writing { db in
            try db.execute(sql: "DELETE FROM sessions WHERE last_used < ?", arguments: [cutoff.timeIntervalSince1970])
            return db.changesCount
        }
    }

    public func count() async throws(StoreError) -> Int {
        do {
            return try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") ?? 0 }
        } catch {
            throw StoreError("the session store could not be read: \(error)")
        }
    }

    private func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw StoreError("the session store could not be written: \(error)")
        }
    }

    private static func session(_ row: Row) -> StoredSession {
        StoredSession(
            id: row["id"], state: row["state"], version: row["version"], bundleHash: row["bundle_hash"],
            created: Date(timeIntervalSince1970: row["created"]), lastUsed: Date(timeIntervalSince1970: row["last_used"]))
    }
}

/// Why a store could not be opened at start: an unsafe file (exit 73) or a store that
/// cannot be reached (exit 69).
public enum StoreOpenError: Error, Sendable, CustomStringConvertible {
    case unsafe(FileProblem)
    case unavailable(String)
    case usage(String)

    public var description: String {
        switch self {
        case .unsafe(let problem): "cannot use the session store \(problem.path): \(problem.reason)"
        case .unavailable(let reason): reason
        case .usage(let reason): reason
        }
    }
}
