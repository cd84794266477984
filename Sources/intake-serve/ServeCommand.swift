import ArgumentParser
import DialogModel
import DialogServer
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

/// `intake serve` (run through `intake`, or directly): the web chat and its HTTP and
/// WebSocket API over a session store (DESIGN.md, "`intake serve`").
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake serve",
        abstract: "Serve the web chat and its API, with sessions kept in a store.",
        discussion: """
            Listens on 127.0.0.1:8080 by default. Sessions live in a SQLite file \
            (sqlite:intake-sessions.sqlite in the working folder, mode 0600) or, for several \
            servers sharing the load, in PostgreSQL. No transcript is stored: only each \
            session's state. SIGHUP reloads the dialogs; SIGTERM or SIGINT finish the turns \
            in progress and stop.
            """
    )

    @Option(help: "The dialogs folder.")
    var dialogs = "Dialogs"

    @Option(help: "The address to listen on (loopback by default; put a reverse proxy with TLS in front for others).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 for any free port; the log says which).")
    var port = 8080

    @Option(help: "Where sessions are kept: sqlite:PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
    var store: String?

    @Option(help: "Erase sessions idle for this long: N followed by s, m, h or d.")
    var retention = "24h"

    /// For `make bench-serve` only: `POST /bench/bare` answers this many bytes without
    /// touching the engine or the store, the baseline a turn is compared with.
    @Option(help: .hidden)
    var bareRouteBytes: Int?

    func validate() throws {
        if RetentionPeriod.seconds(retention) == nil {
            throw ValidationError("--retention takes a number followed by s, m, h or d, such as 24h")
        }
        if let store, StoreLocation(store) == nil {
            throw ValidationError("--store must be one of: \(StoreLocation.forms)")
        }
        if !(0...65535).contains(port) { throw ValidationError("--port takes a number from 0 to 65535") }
    }

    func run() async throws {
        // Nothing the server creates is for other users: the store and its companions.
        umask(0o077)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "intake")

        let bundle = try Self.loadBundle(dialogs)
        let location = store.flatMap(StoreLocation.init) ?? .defaultLocation
        let sessionStore: any SessionStore
        var postgres: PostgresSessionStore?
        do {
            switch location {
            case .sqlite(let path):
                sessionStore = try SQLiteSessionStore(path: path)
            case .postgres(let url):
                let store = try PostgresSessionStore(url: url, logger: logger)
                postgres = store
                sessionStore = store
            }
        } catch {
            Self.fail("intake: \(error.description)")
            if case .unsafe = error { throw ExitCode(73) }
            throw ExitCode(69)
        }

        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[ServeMetrics.turnDuration] = ServeMetrics.turnBuckets
        MetricsSystem.bootstrap(factory)

        let service = SessionService(bundle: bundle, store: sessionStore)
        let metrics = ServeMetrics(registry: registry)
        let api = APIRoutes(service: service, metrics: metrics)
        let router = Router()
        api.add(to: router)
        if let bytes = bareRouteBytes {
            let body = #"{"turn":""# + String(repeating: "x", count: max(0, bytes - 11)) + #""}"#
            router.post("/bench/bare") { request, _ in
                _ = try await request.body.collect(upTo: APIRoutes.maxBody)
                return JSONBody.response(body)
            }
        }
        let webSockets = Router(context: BasicWebSocketRequestContext.self)
        api.addWebSocket(to: webSockets)

        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: webSockets),
            configuration: .init(address: .hostname(host, port: port), serverName: "intake"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("intake serve: listening on http://\(host):\(port)/ with sessions in \(location.description)")
            },
            logger: logger
        )
        let sweeper = Sweeper(service: service, retention: RetentionPeriod.seconds(retention) ?? 86_400, logger: logger)
        let reloader = Reloader(service: service, folder: dialogs, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: app), .init(service: sweeper), .init(service: reloader)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        // The PostgreSQL pool runs beside the server and stops after it.
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            if let postgres {
                tasks.addTask { await postgres.run() }
                do {
                    try await postgres.prepare()
                } catch {
                    Self.fail("intake: \(error)")
                    tasks.cancelAll()
                    throw ExitCode(69)
                }
            }
            defer { tasks.cancelAll() }
            do {
                try await group.run()
            } catch {
                Self.fail("intake: the server stopped: \(error)")
                throw ExitCode(69)
            }
        }
    }

    /// The dialogs to serve: exits 66 when the folder cannot be read, 65 when it has
    /// errors or cannot be served.
    static func loadBundle(_ folder: String) throws -> DialogBundle {
        let result: LoadResult
        do {
            result = try BundleLoader.load(folder: folder, comparingExamples: false)
        } catch {
            fail("intake: \(error.description)")
            throw ExitCode(66)
        }
        guard let bundle = result.bundle else {
            fail(result.renderedDiagnostics() + "intake: \(folder) has \(result.errorCount) error\(result.errorCount == 1 ? "" : "s"); run intake check \(folder)")
            throw ExitCode(65)
        }
        if let refusal = SessionService.refusal(of: bundle) {
            fail("intake: cannot serve \(folder): \(refusal)")
            throw ExitCode(65)
        }
        return bundle
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }
}

/// `--retention` values: a whole number and a unit.
enum RetentionPeriod {
    static func seconds(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0 else { return nil }
        let scale: Int
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3600
        case "d": scale = 86_400
        default: return nil
        }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: scale)
        return overflow ? nil : TimeInterval(seconds)
    }
}
