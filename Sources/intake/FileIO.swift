import DialogFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to standard output and standard error, unbuffered by Swift. A failed write to
/// standard output (a closed pipe, a full disk) is remembered, so that the command ends
/// with 74 and says why instead of exiting 0 with its output lost.
enum FileIO {
    /// `errno` of the first failed write to standard output, or 0.
    nonisolated(unsafe) private(set) static var outputFailure: Int32 = 0

    /// Writes text to a file descriptor; false on an error, with `errno` set.
    @discardableResult
    static func write(_ text: String, to fd: Int32) -> Bool {
        write(Array(text.utf8), to: fd)
    }

    @discardableResult
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        if fd == 1 && outputFailure != 0 { return false }
        let written = Streams.writeAll(bytes, to: fd)
        if !written && fd == 1 { outputFailure = errno }
        return written
    }

    /// Ends the process with 74 when a write to standard output failed, saying why on
    /// standard error.
    static func exitIfOutputFailed() {
        guard outputFailure != 0 else { return }
        write("intake: cannot write to standard output: \(String(cString: strerror(outputFailure)))\n", to: 2)
        exit(74)
    }
}
