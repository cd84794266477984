import DialogEngine
import DialogModel
import DialogEngine
import Metrics
import Prometheus

/// The server's metrics (DESIGN.md: no free text and no ids in labels). The store's
/// conflicts and expiries are counted by the session service itself.
struct ServeMetrics: Sendable {
    static let turnDuration = "intake_turn_duration_seconds"
    /// A turn takes microseconds; a store write, milliseconds.
    static let turnBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
    ]

    let registry: PrometheusCollectorRegistry
    private let turns = Counter(label: "intake_turns_total")
    private let duration = Metrics.Timer(label: ServeMetrics.turnDuration)
    private let live = Gauge(label: "intake_sessions_live")

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Counts a turn given to a client, and the crisis it showed.
    func count(_ turn: Turn, since start: ContinuousClock.Instant) {
        turns.increment()
        duration.recordInterval(since: start)
        if let crisis = turn.crisis {
            Counter(label: "intake_crises_total", dimensions: [("kind", crisis.kind.rawValue), ("level", crisis.level.rawValue)]).increment()
        }
    }

    /// The metrics in Prometheus's text format, with the live sessions counted now.
    func exposition(liveSessions: Int?) -> [UInt8] {
        if let liveSessions { live.record(liveSessions) }
        return registry.emitToBuffer()
    }
}

extension Metrics.Timer {
    func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = (ContinuousClock.now - start).components
        recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
    }
}
