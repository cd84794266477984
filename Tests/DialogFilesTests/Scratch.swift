import DialogFiles
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh folder under the system's temporary folder, removed with the last reference to
/// it. A suite holds one as a property: Swift Testing makes a new instance of the suite for
/// each test, and lets it go after.
final class Scratch: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/intake-files-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap { mkdtemp($0) } }
        path = try #require(made.map { String(cString: $0) })
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Makes `name` a symbolic link to `target`, both in the folder; the target need not
    /// exist.
    func link(_ name: String, to target: String) { symlink(file(target), file(name)) }

    func write(_ name: String, _ text: String, mode: mode_t = 0o644) throws {
        let fd = open(file(name), O_WRONLY | O_CREAT | O_TRUNC, mode)
        try #require(fd >= 0)
        _ = Streams.writeAll(Array(text.utf8), to: fd)
        close(fd)
        chmod(file(name), mode)
    }

    func read(_ name: String) throws -> String {
        String(decoding: try FileReading.read(file(name)), as: UTF8.self)
    }

    func mode(_ name: String) -> mode_t {
        var info = stat()
        lstat(file(name), &info)
        return info.st_mode & 0o7777
    }

    /// Every name in the folder, dot files too (a temporary file left behind shows here).
    func allNames() -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    deinit {
        for name in allNames() { unlink(file(name)) }
        rmdir(path)
    }
}
