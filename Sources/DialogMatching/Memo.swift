import Synchronization

/// Values worked out once per key and kept: a cache of a pure function, safe across
/// threads and shared by every copy of the value that holds it.
package final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let known = Mutex<[Key: Value]>([:])

    package init() {}

    /// The value for `key`, computed by `make` the first time. Two threads asking at
    /// once may both compute it: the function is pure, so either result will do.
    package func value(for key: Key, _ make: () -> Value) -> Value {
        if let value = known.withLock({ $0[key] }) { return value }
        let value = make()
        known.withLock { $0[key] = value }
        return value
    }
}
