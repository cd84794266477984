import DialogMatching
import DialogEngine
import DialogSyntax

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files a person asked for, and only those: each created mode 0600, whatever the umask,
/// because they hold what a person typed.
enum PrivateFile {
    struct Failure: Error {
        var path: String
        var reason: String
    }

    /// Opens a file for writing, truncated, mode 0600.
    static func create(_ path: String) throws(Failure) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd < 0 { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        fchmod(fd, 0o600)
        return fd
    }

    /// Writes a whole file atomically: a temporary file beside it, then a rename, so the
    /// file is complete or absent.
    ///
    /// The temporary file is created new (never through an existing file or link), and a
    /// failed write or flush leaves the earlier file as it was.
    static func writeAtomically(_ text: String, to path: String) throws(Failure) {
        let temporary = path + ".partial-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 { throw Failure(path: temporary, reason: String(cString: strerror(errno))) }
        fchmod(fd, 0o600)
        guard FileIO.write(text, to: fd), fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        close(fd)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }
}

/// `--transcript FILE`: one JSON object per turn, written as each turn happens, so the
/// file holds every complete turn even if the session is stopped from outside.
struct TranscriptWriter {
    let fd: Int32

    init(path: String) throws(PrivateFile.Failure) {
        fd = try PrivateFile.create(path)
    }

    /// Writes a turn; with `staff`, the author's staff notes too.
    func write(_ turn: Turn, staff: Bool) {
        FileIO.write(turn.jsonLine(staff: staff) + "\n", to: fd)
    }

    func close() { _ = Glibc.close(fd) }
}

/// `--summary FILE`: the session summary as JSON (`.json`) or Markdown (anything else).
enum SummaryFile {
    static func write(_ summary: Summary, to path: String) throws(PrivateFile.Failure) {
        let text: String
        if path.hasSuffix(".json") {
            text = JSONWriter.string(summary.jsonValue) + "\n"
        } else {
            var lines = ["# Session summary", ""]
            lines += summary.lines.dropFirst().map { "- " + $0 }
            text = lines.joined(separator: "\n") + "\n"
        }
        try PrivateFile.writeAtomically(text, to: path)
    }
}
