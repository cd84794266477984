import ArgumentParser
import DialogFiles
import DialogTesting

/// Reading what a command is given — a file, the test or eval files of folders — in one
/// place, which decides what a path that cannot be read prints and that it ends the
/// command with exit status 66.
enum InputFiles {
    /// The bytes of `path` (`-` for standard input).
    static func bytes(_ path: String) throws -> [UInt8] {
        do {
            return try FileReading.read(path)
        } catch {
            throw unreadable("cannot read \(error.path): \(error.reason)")
        }
    }

    /// The files of `format` that `given` names (files as given, folders searched with
    /// their subfolders), parsed, in name order. `hint` may add a line after a path that
    /// cannot be read, such as where the dialogs are looked for.
    static func parsed<Format: LineFileFormat>(
        _ given: [String], as format: Format.Type, hint: (String) -> String? = { _ in nil }
    ) throws -> [Format.File] {
        let found: [String]
        do {
            found = try TestFiles.find(given, extension: Format.fileExtension)
        } catch {
            throw unreadable(error.description, hint: hint(error.path))
        }
        return try found.map { Format.parse(try bytes($0), path: $0) }
    }

    /// Prints why a file or folder cannot be read (`intake: PROBLEM`, then the hint), and
    /// returns the exit status for the command to end with.
    static func unreadable(_ problem: String, hint: String? = nil) -> ExitCode {
        FileIO.write("intake: \(problem)\n", to: 2)
        if let hint { FileIO.write("  hint: \(hint)\n", to: 2) }
        return ExitStatus.noInput
    }
}
