#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing files with the C library: the command starts faster without
/// Foundation, and errors come back as `errno` text a person can act on.
enum FileIO {
    struct ReadError: Error {
        var path: String
        var reason: String
    }

    /// The whole contents of a file, or of standard input for `-`.
    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        if fd < 0 { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw ReadError(path: path, reason: "is a folder, not a file")
        }
        var bytes: [UInt8] = []
        if (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0 {
            bytes.reserveCapacity(Int(info.st_size) + 1)
        }
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return bytes
    }

    /// Writes text to standard output or standard error, unbuffered by Swift.
    @discardableResult
    static func write(_ text: String, to fd: Int32) -> Bool {
        write(Array(text.utf8), to: fd)
    }

    /// Writes bytes to a file descriptor, all of them, retrying after interruptions.
    /// Returns false on an error, with `errno` set.
    @discardableResult
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}
