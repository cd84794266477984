#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading files and listing folders: the one place the project reads from the file
/// system, with the C library (the command starts faster without Foundation, and errors
/// come back as `errno` text).
public enum FileReading {
    /// What is at a path.
    public enum Kind: Sendable, Equatable {
        case file, folder, symbolicLink, other
    }

    /// What is at `path`, following symbolic links unless `following` is false; nil when
    /// nothing is there (a dangling link, followed, is nothing).
    public static func kind(of path: String, following: Bool = true) -> Kind? {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        return kind(info.st_mode)
    }

    /// What an open file descriptor reads from or writes to (standard input, say).
    public static func kind(ofDescriptor fd: Int32) -> Kind? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return kind(info.st_mode)
    }

    static func kind(_ mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        case S_IFLNK: .symbolicLink
        default: .other
        }
    }

    /// What is at `path` and its size in bytes, links followed; throws the reason when
    /// nothing can be found there (a dangling link or a link loop included).
    public static func status(of path: String) throws(FileProblem) -> (kind: Kind, size: Int) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .fromErrno(path) }
        return (kind(info.st_mode), Int(info.st_size))
    }

    /// The whole contents of a file, or of standard input for `-`. A folder is refused.
    public static func read(_ path: String) throws(FileProblem) -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw .fromErrno(path) }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fromErrno(path) }
        if kind(info.st_mode) == .folder {
            throw FileProblem(path: path == "-" ? "standard input" : path, reason: "is a folder, not a file")
        }
        var bytes: [UInt8] = []
        if kind(info.st_mode) == .file && info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { CLibrary.read(fd, into: $0) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .fromErrno(path)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// The names in `folder`, sorted, without those starting with a dot.
    public static func names(in folder: String) throws(FileProblem) -> [String] {
        guard let dir = opendir(folder) else { throw .fromErrno(folder) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        // Sorted, so that the first problem found is the same on every run.
        return names.sorted()
    }

    /// The folder that holds `path` (`.` for a bare name, `/` for a name at the root).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `folder` and `name` joined with one slash.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
