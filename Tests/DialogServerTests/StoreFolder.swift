import DialogServer
import Foundation

/// A new folder for one test's store, removed with it. A suite holds one as a property:
/// Swift Testing makes a new instance of the suite for each test, and lets it go after.
final class StoreFolder: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "intake-serve-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `NAME` in the folder.
    func file(_ name: String) -> String { path + "/" + name }

    /// The store `s.sqlite` of the folder; each call opens it again, as a new server would.
    func makeStore() throws -> SQLiteSessionStore { try SQLiteSessionStore(path: file("s.sqlite")) }
}
