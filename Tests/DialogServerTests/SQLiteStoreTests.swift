import DialogFiles
import DialogServer
import Foundation
import Testing

@Suite("The SQLite session store")
struct SQLiteStoreTests {
    let folder: StoreFolder

    init() throws { folder = try StoreFolder() }

    private func session(_ id: String, version: Int = 1, at time: TimeInterval = 1_800_000_000) -> StoredSession {
        StoredSession(
            id: id, state: #"{"format":1}"#, version: version, bundleHash: "sha256:00",
            created: Date(timeIntervalSince1970: time), lastUsed: Date(timeIntervalSince1970: time))
    }

    @Test("The file and its companions are created private (0600)")
    func privateFiles() async throws {
        let store = try folder.makeStore()
        try await store.insert(session("a"))
        for name in ["s.sqlite", "s.sqlite-wal", "s.sqlite-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.file(name))
            let mode = try #require(attributes[.posixPermissions] as? Int)
            #expect(mode & 0o777 == 0o600, "\(name) has mode \(String(mode, radix: 8))")
        }
    }

    @Test("A link, a folder or a file others can read is refused, and never changed")
    func unsafeFiles() throws {
        let target = folder.file("target.sqlite")
        FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(atPath: folder.file("link.sqlite"), withDestinationPath: target)
        try FileManager.default.createSymbolicLink(atPath: folder.file("w.sqlite-wal"), withDestinationPath: target)
        FileManager.default.createFile(atPath: folder.file("open.sqlite"), contents: nil, attributes: [.posixPermissions: 0o644])
        try FileManager.default.createDirectory(atPath: folder.file("dir.sqlite"), withIntermediateDirectories: false)

        for (name, reason) in [
            ("link.sqlite", "symbolic link"), ("w.sqlite", "symbolic link"),
            ("open.sqlite", "read or written by others"), ("dir.sqlite", "folder"),
        ] {
            do {
                _ = try SQLiteSessionStore(path: folder.file(name))
                Issue.record("\(name) was accepted")
            } catch {
                guard case .unsafe(let problem) = error else { Issue.record("\(name): \(error)"); continue }
                #expect(problem.reason.contains(reason), "\(name): \(problem.reason)")
            }
        }
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file("open.sqlite"))[.posixPermissions] as? Int
        #expect(mode == 0o644)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)).isEmpty)
    }

    @Test("A write names the version it read: a stale one is refused")
    func compareAndSet() async throws {
        let store = try folder.makeStore()
        try await store.insert(session("a"))
        #expect(try await store.update(session("a", version: 2)))
        #expect(try await store.update(session("a", version: 2)) == false)
        #expect(try await store.update(session("a", version: 4)) == false)
        #expect(try await store.update(session("missing", version: 2)) == false)
        #expect(try await store.fetch(id: "a")?.version == 2)
        #expect(try await store.delete(id: "a"))
        #expect(try await store.delete(id: "a") == false)
        #expect(try await store.fetch(id: "a") == nil)
    }

    @Test("Idle sessions are erased by their last use")
    func idle() async throws {
        let store = try folder.makeStore()
        try await store.insert(session("old", at: 1000))
        try await store.insert(session("new", at: 5000))
        #expect(try await store.deleteIdle(before: Date(timeIntervalSince1970: 3000)) == 1)
        #expect(try await store.count() == 1)
        #expect(try await store.fetch(id: "new") != nil)
    }

    @Test("--store takes sqlite:PATH and PostgreSQL URLs, and hides a password in the log")
    func locations() {
        #expect(StoreLocation("sqlite:intake.sqlite") == .sqlite(path: "intake.sqlite"))
        #expect(StoreLocation("postgres://intake:secret@db:5432/intake")?.description == "postgres://intake:…@db:5432/intake")
        #expect(StoreLocation("postgresql://intake@db/intake?sslmode=require") != nil)
        for bad in [
            "", "sqlite:", "intake.sqlite", "mysql://a@b/c", "postgres://db", "postgres://@db/x", "postgres://u@db/",
            "postgres://u@db:99999/x", "postgres://u@db:port/x", "postgres://u@db/x?sslmode=maybe", "postgres://u@db/x?user=v",
        ] {
            #expect(StoreLocation(bad) == nil, "\(bad)")
        }
    }

    @Test("A PostgreSQL URL's parts, with escapes decoded and libpq's defaults")
    func postgresURLs() throws {
        let full = try #require(PostgresURL("postgresql://intake:p%40ss%3Aword@db.example:6543/sessions%20db?sslmode=verify-full"))
        #expect(full.user == "intake" && full.password == "p@ss:word")
        #expect(full.host == "db.example" && full.port == 6543 && full.database == "sessions db")
        #expect(full.sslMode == .require)
        let short = try #require(PostgresURL("postgres://intake@[::1]/intake"))
        #expect(short.host == "::1" && short.port == 5432 && short.password == nil && short.sslMode == .prefer)
        #expect(PostgresURL("postgres://intake@127.0.0.1:5432/intake?sslmode=disable")?.sslMode == .disable)
        #expect(StoreLocation("postgres://intake:p%40ss@db/x")?.description == "postgres://intake:…@db/x")
    }
}
