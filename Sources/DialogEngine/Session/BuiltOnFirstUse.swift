import Synchronization

/// A value built the first time it is read, then kept and shared by every copy of the
/// value that holds it: a session that never needs it (a piped `quit`) never pays for it.
/// Safe across threads: the first readers wait for one build.
final class BuiltOnFirstUse<Value: Sendable>: Sendable {
    private let built = Mutex<Value?>(nil)
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        built.withLock { stored in
            if let stored { return stored }
            let value = make()
            stored = value
            return value
        }
    }
}
