#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's `read`, `close`, `pipe` and `exit` under names of their own. Inside a
/// type with a method of the same name (`read`, `close`, ArgumentParser's `exit`), the
/// method hides the C function; calling it through here names no platform module, so the
/// same code builds with Glibc and with Darwin.
package enum CLibrary {
    /// `read(2)` into `buffer`: the count read, 0 at the end, -1 on an error (`errno`).
    package static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        cRead(fd, buffer.baseAddress, buffer.count)
    }

    /// `close(2)`.
    @discardableResult
    package static func close(_ fd: Int32) -> Int32 { cClose(fd) }

    /// `pipe(2)`: `fds[0]` reads what `fds[1]` writes.
    package static func pipe(_ fds: inout [Int32]) -> Int32 { cPipe(&fds) }

    /// `exit(3)`: ends the process without freeing what it holds.
    package static func exit(_ status: Int32) -> Never { cExit(status) }
}

// File-scope names for the C functions, where no member hides them.
private func cRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
private func cClose(_ fd: Int32) -> Int32 { close(fd) }
private func cPipe(_ fds: UnsafeMutablePointer<Int32>) -> Int32 { pipe(fds) }
private func cExit(_ status: Int32) -> Never { exit(status) }
