import DialogEngine
import DialogModel
import DialogServer
import Foundation
import TestSupport
import Testing

/// The smallest complete intake bundle (the model's fixture).
let minimalBundle: DialogBundle? = (try? BundleLoader.load(folder: repositoryFolder + "/Tests/DialogModelTests/Fixtures/valid/minimal"))?.bundle

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Date(timeIntervalSince1970: 1_800_000_000)
    var date: Date { lock.withLock { now } }
    func advance(_ seconds: TimeInterval) { lock.withLock { now += seconds } }
}

@Suite("The session service over a SQLite store")
struct SessionServiceTests {
    let folder: StoreFolder

    init() throws { folder = try StoreFolder() }

    @Test("A session continues from the store after a restart, with the turns an uninterrupted session gives")
    func restartContinues() async throws {
        let bundle = try #require(shippedBundle)
        let lines = ["1", "what is baclofen", "back", "3", "yes", "2", "my legs ache"]
        var chat = try Session(bundle: bundle)
        _ = chat.open()

        let first = SessionService(bundle: bundle, store: try folder.makeStore())
        let opened = try await first.create(region: "US", start: nil)
        var uninterrupted: [Turn] = []
        for line in lines.prefix(2) { uninterrupted.append(try await first.respond(id: opened.id, input: line).turn) }

        // A new server on the same file: nothing in memory, only the store.
        let second = SessionService(bundle: bundle, store: try folder.makeStore())
        let pending = try await second.pending(id: opened.id)
        #expect(pending.turn.node == uninterrupted.last?.node)
        #expect(pending.turn.trace.contains(.resumed))
        for line in lines.dropFirst(2) { uninterrupted.append(try await second.respond(id: opened.id, input: line).turn) }

        #expect(uninterrupted.map(\.number) == Array(1...lines.count))
        // Texts that vary follow each session's seed; where the turns go does not.
        #expect(uninterrupted.map(\.node) == lines.map { chat.respond(to: $0).node })
        #expect(try await second.count() == 1)
    }

    @Test("Turns sent at once to one session are applied one after another: none is lost")
    func concurrentTurnsOnOneServer() async throws {
        let bundle = try #require(minimalBundle)
        let service = SessionService(bundle: bundle, store: try folder.makeStore())
        let id = try await service.create(region: nil, start: nil).id
        let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await service.respond(id: id, input: "repeat").turn.number } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(numbers.sorted() == Array(1...20))
        let stored = try #require(try await service.store.fetch(id: id))
        #expect(stored.version == 21)
    }

    @Test("Two servers on one store continue each other's session; a stale write is retried, never applied twice")
    func twoServersShareTheStore() async throws {
        let bundle = try #require(minimalBundle)
        let a = SessionService(bundle: bundle, store: try folder.makeStore())
        let b = SessionService(bundle: bundle, store: try folder.makeStore())
        let id = try await a.create(region: nil, start: nil).id
        let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<30 {
                let server = i % 2 == 0 ? a : b
                group.addTask { try await server.respond(id: id, input: "repeat").turn.number }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(numbers.sorted() == Array(1...30))
        #expect(try await b.store.fetch(id: id)?.version == 31)
        // After b's turns, a's memory of the session is stale: it reads the store instead.
        let next = try await a.respond(id: id, input: "repeat")
        #expect(next.turn.number == 31)
    }

    @Test("Erased and expired sessions are gone; a malformed id is not found")
    func erasureAndExpiry() async throws {
        let bundle = try #require(minimalBundle)
        let clock = TestClock()
        let service = SessionService(bundle: bundle, store: try folder.makeStore(), clock: { clock.date })
        let erased = try await service.create(region: nil, start: nil).id
        let idle = try await service.create(region: nil, start: nil).id
        let busy = try await service.create(region: nil, start: nil).id

        try await service.erase(id: erased)
        await #expect(throws: ServeError.notFound) { try await service.pending(id: erased) }
        await #expect(throws: ServeError.self) { try await service.erase(id: erased) }

        clock.advance(3600)
        _ = try await service.respond(id: busy, input: "repeat")
        clock.advance(1800)
        #expect(try await service.sweep(retention: 3000) == 1)
        await #expect(throws: ServeError.notFound) { try await service.respond(id: idle, input: "repeat") }
        #expect(try await service.pending(id: busy).turn.number == 1)

        for id in ["", "x", String(repeating: "A", count: 23), "../../etc/passwd", busy.uppercased() + "!"] {
            await #expect(throws: ServeError.self) { try await service.pending(id: id) }
        }
    }

    @Test("An ended session answers session-ended; a session the new dialogs do not fit, session-incompatible")
    func endedAndIncompatible() async throws {
        let minimal = try #require(minimalBundle)
        let shipped = try #require(shippedBundle)
        let service = SessionService(bundle: minimal, store: try folder.makeStore())
        let ended = try await service.create(region: nil, start: nil).id
        let reply = try await service.respond(id: ended, input: "quit")
        #expect(reply.turn.state == .ended)
        await #expect(throws: ServeError.self) { try await service.respond(id: ended, input: "hello") }
        do {
            _ = try await service.respond(id: ended, input: "hello")
        } catch {
            #expect(error.code == .sessionEnded)
        }

        let open = try await service.create(region: nil, start: nil).id
        await service.reload(shipped)
        do {
            _ = try await service.respond(id: open, input: "1")
            Issue.record("a session of other dialogs continued")
        } catch {
            #expect(error.code == .sessionIncompatible)
        }
    }

    @Test("A crisis told over two messages is read together on the server, as in the chat")
    func crisisOverTwoMessages() async throws {
        let bundle = try #require(shippedBundle)
        let service = SessionService(bundle: bundle, store: try folder.makeStore())
        var chat = try Session(bundle: bundle)
        _ = chat.open()
        let id = try await service.create(region: "US", start: nil).id
        for line in ["my son has a baclofen pump", "it's alarming and he's burning up"] {
            let expected = chat.respond(to: line)
            let served = try await service.respond(id: id, input: line).turn
            #expect(served.crisis == expected.crisis)
            #expect(served.node == expected.node)
        }
        #expect(chat.savedState.crises.isEmpty == false)
    }

    @Test("Only the bundle's own start and known regions open a session")
    func openingRequests() async throws {
        let bundle = try #require(minimalBundle)
        let service = SessionService(bundle: bundle, store: try folder.makeStore())
        for (region, start) in [("XX", nil), (nil, "topic"), ("US", "intake.welcome")] as [(String?, String?)] {
            do {
                _ = try await service.create(region: region, start: start)
                Issue.record("opened with region \(region ?? "-") and start \(start ?? "-")")
            } catch {
                #expect(error.code == .invalidRequest)
            }
        }
        let opened = try await service.create(region: "UK", start: nil)
        #expect(opened.turn.number == 0)
        #expect(opened.id.count == 22)
    }

    @Test("A bundle that saves what a person types, or a training module, is refused")
    func refusals() throws {
        #expect(SessionService.refusal(of: try #require(minimalBundle)) == nil)
        #expect(SessionService.refusal(of: try #require(shippedBundle)) == nil)
        // The minimal bundle with one more file, whose node keeps a free answer.
        let minimal = repositoryFolder + "/Tests/DialogModelTests/Fixtures/valid/minimal"
        var files = try FileManager.default.contentsOfDirectory(atPath: minimal).filter { $0.hasSuffix(".yaml") }.map { name in
            (path: name, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: minimal + "/" + name))))
        }
        files.append(
            (
                path: "notes.yaml",
                bytes: Array(
                    """
                    nodes:
                      story:
                        ask: What happened?
                        expect: text
                        save: story
                        next: intake.goodbye
                    """.utf8)
            ))
        let loaded = BundleLoader.load(files: files)
        let saving = try #require(loaded.bundle, "\(loaded.renderedDiagnostics())")
        #expect(SessionService.refusal(of: saving)?.contains("saves what the person types") == true)
    }
}
