import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// Sessions in PostgreSQL, for several servers sharing the load: any of them may take any
/// turn, and compare-and-set on the version keeps turns of one session in order.
///
/// The client pools its connections and must run (``run()``) while the store is used;
/// the server runs it beside the HTTP service and stops it last.
public final class PostgresSessionStore: SessionStore {
    private let client: PostgresClient
    private let logger: Logger
    public let description: String

    /// A store for a `postgres://` or `postgresql://` URL (see ``PostgresURL``).
    public init(url: String, logger: Logger) throws(StoreOpenError) {
        guard let parsed = PostgresURL(url) else { throw .usage("--store: not a PostgreSQL URL: \(StoreLocation.forms)") }
        let tls: PostgresClient.Configuration.TLS
        switch parsed.sslMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        let configuration = PostgresClient.Configuration(
            host: parsed.host, port: parsed.port, username: parsed.user, password: parsed.password,
            database: parsed.database, tls: tls)
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        description = StoreLocation.postgres(url: url).description
    }

    /// Runs the connection pool until the task is cancelled.
    public func run() async {
        await client.run()
    }

    /// Creates the table when it is missing; servers starting together may race on it, so
    /// a failure is tried again. Throws when the database cannot be reached within
    /// `timeout` seconds.
    public func prepare(timeout: Double = 15) async throws(StoreOpenError) {
        let outcome: Result<Void, StoreOpenError> = await withTaskGroup(of: Result<Void, StoreOpenError>?.self) { group in
            group.addTask {
                do {
                    try await self.createTable()
                    return .success(())
                } catch let error as StoreOpenError {
                    return .failure(error)
                } catch {
                    return .failure(.unavailable("cannot use the session store \(self.description)"))
                }
            }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                return Task.isCancelled ? nil : .failure(.unavailable("cannot reach the session store \(self.description) within \(Int(timeout)) seconds"))
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(.unavailable("cannot reach the session store \(self.description)"))
        }
        try outcome.get()
    }

    private func createTable() async throws(StoreOpenError) {
        var lastError: (any Error)?
        for _ in 0..<3 {
            do {
                try await client.query(
                    """
                    CREATE TABLE IF NOT EXISTS intake_sessions (
                        id TEXT PRIMARY KEY,
                        state TEXT NOT NULL,
                        version BIGINT NOT NULL,
                        bundle_hash TEXT NOT NULL,
                        created DOUBLE PRECISION NOT NULL,
                        last_used DOUBLE PRECISION NOT NULL
                    )
                    """, logger: logger)
                try await client.query(
                    "CREATE INDEX IF NOT EXISTS intake_sessions_last_used ON intake_sessions (last_used)", logger: logger)
                return
            } catch {
                lastError = error
                try? await Task.sleep(nanoseconds: 200_000_000)
            }
        }
        throw .unavailable("cannot use the session store \(description): \(Self.reason(lastError))")
    }

    public func insert(_ session: StoredSession) async throws(StoreError) {
        try await run("written") {
            let created = session.created.timeIntervalSince1970, used = session.lastUsed.timeIntervalSince1970
            try await client.query(
                """
                INSERT INTO intake_sessions (id, state, version, bundle_hash, created, last_used)
                VALUES (\(session.id), \(session.state), \(Int64(session.version)), \(session.bundleHash), \(created), \(used))
                """, logger: logger)
        }
    }

    public func fetch(id: String) async throws(StoreError) -> StoredSession? {
        try await run("read") {
            let rows = try await client.query(
                "SELECT id, state, version, bundle_hash, created, last_used FROM intake_sessions WHERE id = \(id)", logger: logger)
            for try await (id, state, version, hash, created, used) in rows.decode((String, String, Int64, String, Double, Double).self) {
                return StoredSession(
                    id: id, state: state, version: Int(version), bundleHash: hash,
                    created: Date(timeIntervalSince1970: created), lastUsed: Date(timeIntervalSince1970: used))
            }
            return nil
        }
    }

    public func update(_ session: StoredSession) async throws(StoreError) -> Bool {
        try await run("written") {
            let used = session.lastUsed.timeIntervalSince1970
            let rows = try await client.query(
                """
                UPDATE intake_sessions SET state = \(session.state), version = \(Int64(session.version)),
                    bundle_hash = \(session.bundleHash), last_used = \(used)
                WHERE id = \(session.id) AND version = \(Int64(session.version - 1)) RETURNING id
                """, logger: logger)
            return try await Self.count(rows) == 1
        }
    }

    public func delete(id: String) async throws(StoreError) -> Bool {
        try await run("written") {
            let rows = try await client.query("DELETE FROM intake_sessions WHERE id = \(id) RETURNING id", logger: logger)
            return try await Self.count(rows) == 1
        }
    }

    public func deleteIdle(before cutoff: Date) async throws(StoreError) -> Int {
        try await run("written") {
            let rows = try await client.query(
                "DELETE FROM intake_sessions WHERE last_used < \(cutoff.timeIntervalSince1970) RETURNING id", logger: logger)
            return try await Self.count(rows)
        }
    }

    public func count() async throws(StoreError) -> Int {
        try await run("read") {
            let rows = try await client.query("SELECT count(*) FROM intake_sessions", logger: logger)
            for try await (n, ) in rows.decode((Int64,).self) { return Int(n) }
            return 0
        }
    }

    private static func count(_ rows: PostgresRowSequence) async throws -> Int {
        var n = 0
        for try await _ in rows { n += 1 }
        return n
    }

    private func run<T>(_ verb: String, _ body: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await body()
        } catch {
            throw StoreError("the session store could not be \(verb): \(Self.reason(error))")
        }
    }

    /// What went wrong, without the query or its values (which may hold a session's state).
    private static func reason(_ error: (any Error)?) -> String {
        guard let error else { return "unknown error" }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            return "\(psql.code)"
        }
        return String(describing: type(of: error))
    }
}

/// The parts of a PostgreSQL URL: `postgres[ql]://user[:password]@host[:port]/database
/// [?sslmode=disable|prefer|require|verify-full]`, with percent-escapes decoded.
public struct PostgresURL: Sendable, Equatable {
    public enum SSLMode: String, Sendable { case disable, prefer, require }
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode

    public init?(_ text: String) {
        guard let prefix = ["postgres://", "postgresql://"].first(where: text.hasPrefix) else { return nil }
        var rest = Substring(text.dropFirst(prefix.count))
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let at = rest.lastIndex(of: "@") else { return nil }
        let credentials = rest[..<at]
        let location = rest[rest.index(after: at)...]
        guard let slash = location.firstIndex(of: "/") else { return nil }
        let hostPort = location[..<slash]
        guard let database = String(location[location.index(after: slash)...]).removingPercentEncoding, !database.isEmpty else { return nil }
        if let colon = credentials.firstIndex(of: ":") {
            user = String(credentials[..<colon]).removingPercentEncoding ?? ""
            password = String(credentials[credentials.index(after: colon)...]).removingPercentEncoding
        } else {
            user = String(credentials).removingPercentEncoding ?? ""
            password = nil
        }
        if let colon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]") {
            guard let port = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(port) else { return nil }
            self.port = port
            host = String(hostPort[..<colon])
        } else {
            port = 5432
            host = String(hostPort)
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !user.isEmpty, !host.isEmpty else { return nil }
        self.database = database
        sslMode = .prefer
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == "sslmode" else { return nil }
            switch parts[1] {
            case "disable": sslMode = .disable
            case "prefer", "allow": sslMode = .prefer
            case "require", "verify-ca", "verify-full": sslMode = .require
            default: return nil
            }
        }
    }
}
