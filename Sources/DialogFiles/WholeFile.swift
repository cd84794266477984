#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files written whole (a summary, a saved session, a report, a test file): each is a new
/// file, mode 0600, with an unpredictable temporary name in the same folder, renamed over
/// the old one only once every byte is on disk. So the file is complete or as it was, and
/// nothing is ever written through a symbolic link, into a device or a FIFO.
///
/// For the front ends only: the layers below read.
public enum WholeFile {
    /// Checks that `path` can be written: nothing there or a regular file (not a link), in
    /// a folder where a new file can be created. Front ends call it before the first turn,
    /// so that a file that cannot be written is found before a session, not after it.
    public static func checkCreatable(_ path: String) throws(FileProblem) {
        try refuseUnsafeTarget(path)
        let (fd, temporary) = try createTemporary(beside: path)
        close(fd)
        unlink(temporary)
    }

    /// Writes `bytes` as the whole new contents of `path`, mode 0600; with
    /// `keepingMode`, a file that exists keeps its mode (an author's test file rewritten).
    public static func write(_ bytes: [UInt8], to path: String, keepingMode: Bool = false) throws(FileProblem) {
        try refuseUnsafeTarget(path)
        let (fd, temporary) = try createTemporary(beside: path)
        var existing = stat()
        if keepingMode && lstat(path, &existing) == 0 { fchmod(fd, existing.st_mode & 0o777) }
        var failure: Int32 = 0
        if !Streams.writeAll(bytes, to: fd) || fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .fromErrno(path, failure)
        }
        // Checked again: the path may have become a link or a device since the check.
        do {
            try refuseUnsafeTarget(path)
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .fromErrno(path, code)
        }
        // The rename itself is on disk once the folder is: best effort, as some file
        // systems do not sync folders.
        let folderFD = open(FileReading.parent(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }

    public static func write(_ text: String, to path: String) throws(FileProblem) {
        try write(Array(text.utf8), to: path, keepingMode: false)
    }

    /// Refuses a path that is a symbolic link, a folder, a device, a FIFO or a socket.
    static func refuseUnsafeTarget(_ path: String) throws(FileProblem) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw .fromErrno(path)
        }
        if let reason = unsafeKind(info.st_mode) { throw FileProblem(path: path, reason: reason) }
    }

    /// Why a file of this mode is not written, or nil for a regular file.
    static func unsafeKind(_ mode: mode_t) -> String? {
        switch FileReading.kind(mode) {
        case .file: nil
        case .symbolicLink: "is a symbolic link, and intake never writes through one"
        case .folder: "is a folder"
        case .other: "is a device, a FIFO or a socket, not a regular file"
        }
    }

    /// A new, empty file beside `path` with a name nobody can guess, mode 0600.
    private static func createTemporary(beside path: String) throws(FileProblem) -> (Int32, String) {
        let folder = FileReading.parent(of: path)
        // Short enough for any file name limit, whatever the length of the target's.
        let base = String(String.UnicodeScalarView(baseName(of: path).unicodeScalars.prefix(64)))
        var random = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let suffix = String(random.next() as UInt64, radix: 36)
            let temporary = FileReading.join(folder, ".\(base).\(suffix).partial")
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                fchmod(fd, 0o600)
                return (fd, temporary)
            }
            if errno != EEXIST { throw .fromErrno(path) }
        }
        throw FileProblem(path: path, reason: "no unused temporary name in its folder")
    }

    static func baseName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
