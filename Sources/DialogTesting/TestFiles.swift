import DialogFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding and reading test files, and the bundle each one tests.
package enum TestFiles {
    /// Why a path given on the command line could not be used.
    package struct Problem: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "cannot read \(path): \(reason)" }
    }

    /// The test files a list of paths names: files as given; folders searched (with
    /// their subfolders) for `*.test` files (or `*.EXTENSION`), in name order.
    package static func find(_ paths: [String], extension ext: String = TestParser.fileExtension) throws(Problem) -> [String] {
        var out: [String] = []
        for path in paths {
            if isDirectory(path) {
                out += try search(path, ext)
            } else if access(path, R_OK) == 0 {
                out.append(path)
            } else {
                throw Problem(path: path, reason: String(cString: strerror(errno)))
            }
        }
        return out
    }

    private static func search(_ folder: String, _ ext: String) throws(Problem) -> [String] {
        let names: [String]
        do {
            names = try FileReading.names(in: folder)
        } catch {
            throw Problem(path: error.path, reason: error.reason)
        }
        var out: [String] = []
        for name in names {
            let path = join(folder, name)
            if isDirectory(path) {
                out += try search(path, ext)
            } else if name.hasSuffix("." + ext) {
                out.append(path)
            }
        }
        return out
    }

    /// Whether something exists at `path` (a dangling link does not).
    package static func exists(_ path: String) -> Bool {
        FileReading.kind(of: path) != nil
    }

    package static func isDirectory(_ path: String) -> Bool {
        FileReading.kind(of: path) == .folder
    }

    /// The whole contents of a file.
    package static func read(_ path: String) throws(Problem) -> [UInt8] {
        do {
            return try FileReading.read(path)
        } catch {
            throw Problem(path: error.path, reason: error.reason)
        }
    }

    /// The bundle folder a test file tests: its `bundle:` header, relative to the file's
    /// folder; else the folder whose `tests/` folder holds the file. Nil when neither.
    package static func bundleFolder(for path: String, header: String?) -> String? {
        let folder = parent(path)
        if let header {
            return normalize(header.hasPrefix("/") ? header : join(folder, header))
        }
        var parts = normalize(folder).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while let last = parts.last {
            parts.removeLast()
            if last == "tests" {
                let joined = parts.joined(separator: "/")
                return joined.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : joined
            }
        }
        return nil
    }

    /// The folder a test file's `bundle:` may name a bundle inside: the one that holds
    /// its `tests/` folder (the nearest folder of that name above it), or, for a file in
    /// no `tests/` folder, the one that holds the file's own folder. So a test file cannot
    /// point `intake test` at any folder on the machine and print its files.
    package static func bundleRoot(for path: String) -> String {
        if let bundle = bundleFolder(for: path, header: nil) { return bundle }
        return parent(normalize(parent(path) == "." ? realFolder(".") ?? "." : parent(path)))
    }

    /// Whether `folder` is `root` or inside it, through the real paths of both (so `..`
    /// and symbolic links cannot lead out). False when either does not exist.
    package static func isInside(_ folder: String, _ root: String) -> Bool {
        guard let f = realFolder(folder), let r = realFolder(root) else { return false }
        return f == r || f.hasPrefix(r.hasSuffix("/") ? r : r + "/")
    }

    /// The real path of a folder (links and `..` resolved), nil when it does not exist.
    package static func realFolder(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The folder of a path (`.` for a bare name).
    package static func parent(_ path: String) -> String {
        FileReading.parent(of: path)
    }

    package static func join(_ a: String, _ b: String) -> String {
        if a == "." { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    /// A path with `.` parts and `x/..` pairs removed, without touching the file system.
    package static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = out.last, last != ".." {
                out.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            out.append(part)
        }
        let joined = out.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The path of `target` relative to the folder `from` (both relative to the same
    /// place, or both absolute).
    package static func relative(_ target: String, from folder: String) -> String {
        let t = normalize(target).split(separator: "/").map(String.init)
        let f = normalize(folder).split(separator: "/").map(String.init).filter { $0 != "." }
        var common = 0
        while common < t.count, common < f.count, t[common] == f[common] { common += 1 }
        let ups = [String](repeating: "..", count: f.count - common)
        let rest = ups + t[common...].filter { $0 != "." }
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }
}
