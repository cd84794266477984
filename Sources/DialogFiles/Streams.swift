#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to file descriptors, every byte checked.
public enum Streams {
    /// Writes all of `bytes` to `fd`, retrying after interruptions and short writes.
    /// Returns false on an error (disk full, closed pipe, I/O error), with `errno` set.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    /// Makes the signals that kill a writer into errors it can report: a closed pipe
    /// (SIGPIPE) gives `EPIPE` and a file past `ulimit -f` (SIGXFSZ) gives `EFBIG`, so
    /// the files a person asked for are still written and the exit status says why.
    public static func reportWriteSignalsAsErrors() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }
}
