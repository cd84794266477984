import Dispatch
import Foundation
import Synchronization

/// Work spread over the machine's cores, for runs made of many independent sessions.
enum Concurrent {
    /// The cores this process may use.
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `transform` of each of `0..<count`, computed on up to `workers` threads, in index
    /// order. Each worker takes the next index when it is done with one, so uneven costs
    /// (a long split line, a slow place) do not leave a core idle.
    static func map<T: Sendable>(_ count: Int, workers: Int = cores, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1, workers > 1 else { return (0..<count).map(transform) }
        let results = Mutex([T?](repeating: nil, count: count))
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            while true {
                let i = next.withLock { n in
                    defer { n += 1 }
                    return n
                }
                guard i < count else { return }
                let value = transform(i)
                results.withLock { $0[i] = value }
            }
        }
        // Every index was filled, so this drops nothing (an optional `T` is kept as `.some(nil)`).
        return results.withLock { $0.compactMap { $0 } }
    }
}
