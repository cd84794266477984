#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that other programs write into after intake opens them (the server's session
/// database): created new with mode 0600, or, when they exist, accepted only as a
/// regular file of this user that nobody else can read or write. Never a link.
///
/// For the front ends only: the layers below read.
public enum PrivateFile {
    /// Makes sure `path` is a private regular file: creates it empty (mode 0600) when
    /// nothing is there; otherwise refuses a link, a folder, a device, a file of another
    /// user, or one that others can read or write. It never changes an existing file's mode.
    public static func prepare(_ path: String) throws(FileProblem) {
        let flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
        var fd = open(path, flags | O_CREAT | O_EXCL, 0o600)
        let created = fd >= 0
        if fd < 0 && errno == EEXIST { fd = open(path, flags) }
        if fd < 0 { throw openProblem(path, errno) }
        defer { close(fd) }
        if created {
            fchmod(fd, 0o600)
            return
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fromErrno(path) }
        try checkOwned(info, path: path)
    }

    /// Refuses a file another program will create or open beside a private one (SQLite's
    /// `-wal` and `-shm`): a link, a folder, a device. Nothing there is fine.
    public static func refuseUnsafeCompanion(_ path: String) throws(FileProblem) {
        try WholeFile.refuseUnsafeTarget(path)
    }

    /// Refuses an opened file that is not a regular file of this user with no group or
    /// other permissions.
    static func checkOwned(_ info: stat, path: String) throws(FileProblem) {
        if let reason = WholeFile.unsafeKind(info.st_mode) { throw FileProblem(path: path, reason: reason) }
        if info.st_uid != geteuid() { throw FileProblem(path: path, reason: "belongs to another user") }
        if info.st_mode & 0o077 != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw FileProblem(path: path, reason: "can be read or written by others (mode \(mode)); make it private with chmod 600, or choose another file")
        }
    }

    /// What a failed `open` means, in words: `O_NOFOLLOW` fails with ELOOP on a link.
    static func openProblem(_ path: String, _ code: Int32) -> FileProblem {
        switch code {
        case ELOOP: FileProblem(path: path, reason: "is a symbolic link, and intake never writes through one")
        case ENXIO: FileProblem(path: path, reason: "is a device, a FIFO or a socket, not a regular file")
        case EISDIR: FileProblem(path: path, reason: "is a folder")
        default: .fromErrno(path, code)
        }
    }
}
