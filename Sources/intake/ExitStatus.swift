import ArgumentParser

/// The exit statuses every command uses (the README lists them).
enum ExitStatus {
    /// A test failed, or `--strict` found warnings.
    static let failure = ExitCode(1)
    /// Invalid data: a syntax error, or a bundle that does not validate.
    static let dataError = ExitCode(65)
    /// A file or folder that does not exist or cannot be read.
    static let noInput = ExitCode(66)
    /// An internal error: a bug.
    static let software = ExitCode(70)
    /// An output file cannot be created (checked before the first turn).
    static let cannotCreate = ExitCode(73)
    /// An input/output error while writing (disk full, closed stream).
    static let ioError = ExitCode(74)
}
