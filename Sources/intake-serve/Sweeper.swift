import DialogServer
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Erases idle sessions in the background: every tenth of the retention period, at least
/// once a second and at most once a minute.
struct Sweeper: Service {
    let service: SessionService
    let retention: TimeInterval
    let logger: Logger

    func run() async throws {
        let interval = min(60, max(1, retention / 10))
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let erased = try await service.sweep(retention: retention)
                if erased > 0 { logger.info("erased \(erased) idle session\(erased == 1 ? "" : "s")") }
            } catch {
                logger.error("could not erase idle sessions: \(error.description)")
            }
            try? await gracefulShutdown(sleeping: interval)
        }
    }

    /// Sleeps, waking early when the server stops.
    private func gracefulShutdown(sleeping seconds: TimeInterval) async throws {
        try await cancelWhenGracefulShutdown {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        }
    }
}

/// Reloads the dialogs on SIGHUP. A folder that no longer loads leaves the running
/// dialogs in place, with the reason in the log.
struct Reloader: Service {
    let service: SessionService
    let folder: String
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        try await cancelWhenGracefulShutdown {
            for await _ in signals {
                do {
                    let bundle = try ServeCommand.loadBundle(folder)
                    await service.reload(bundle)
                    logger.info("reloaded the dialogs from \(folder)")
                } catch {
                    logger.error("the dialogs in \(folder) were not reloaded; the running ones stay")
                }
            }
        }
    }
}
