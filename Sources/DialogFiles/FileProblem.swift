#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file or folder could not be read, listed, created or written: the path as it was
/// given, and a reason a person can act on.
public struct FileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    /// The problem of the last failed system call (`errno`), for `path`.
    static func fromErrno(_ path: String, _ code: Int32 = errno) -> FileProblem {
        FileProblem(path: path, reason: String(cString: strerror(code)))
    }

    public var description: String { "\(path): \(reason)" }
}
