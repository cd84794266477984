#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file a session appends to as it goes (`--transcript`, `--history`), held under a
/// lock so that a second session is told instead of interleaving its lines.
///
/// It appends only to a regular file of the user's own that nobody else can read or
/// write, and never changes the mode of one that exists: a file that is not private is
/// refused, with the reason, so that what a person typed never lands where others can
/// read it. A new file is created mode 0600. For the front ends only.
public final class AppendFile {
    public let path: String
    private var fd: Int32

    /// Opens (or creates) `path` for appending and takes its lock.
    public init(path: String) throws(FileProblem) {
        self.path = path
        // O_NONBLOCK: opening a FIFO with no reader fails at once instead of blocking
        // before the greeting; O_NOFOLLOW: a link is never followed.
        let flags = O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
        var created = true
        var fd = open(path, flags | O_CREAT | O_EXCL, 0o600)
        if fd < 0 && errno == EEXIST {
            created = false
            fd = open(path, flags)
        }
        if fd < 0 { throw PrivateFile.openProblem(path, errno) }
        self.fd = fd
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw closing(.fromErrno(path)) }
        if let reason = WholeFile.unsafeKind(info.st_mode) { throw closing(FileProblem(path: path, reason: reason)) }
        if created {
            fchmod(fd, 0o600)
        } else {
            do {
                try PrivateFile.checkOwned(info, path: path)
            } catch {
                throw closing(error)
            }
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            throw closing(
                code == EWOULDBLOCK
                    ? FileProblem(path: path, reason: "is being written by another intake session")
                    : .fromErrno(path, code))
        }
    }

    deinit { close() }

    /// Appends `bytes` whole. On an error (disk full, a file size limit, an I/O error)
    /// the file is cut back to where it ended, so it never holds half a line.
    public func append(_ bytes: [UInt8]) throws(FileProblem) {
        guard fd >= 0 else { throw FileProblem(path: path, reason: "is closed") }
        let end = lseek(fd, 0, SEEK_END)
        if !Streams.writeAll(bytes, to: fd) {
            let code = errno
            if end >= 0 { _ = ftruncate(fd, end) }
            throw .fromErrno(path, code)
        }
    }

    public func append(_ text: String) throws(FileProblem) {
        try append(Array(text.utf8))
    }

    /// Closes the file, which releases its lock.
    public func close() {
        if fd >= 0 {
            CLibrary.close(fd)
            fd = -1
        }
    }

    private func closing(_ problem: FileProblem) -> FileProblem {
        close()
        return problem
    }
}
