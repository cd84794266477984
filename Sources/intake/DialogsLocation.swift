import DialogFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the bundled dialogs are: `$INTAKE_DIALOGS`, then `./Dialogs`, then the copy
/// that `make install` puts beside the binary (`PREFIX/share/intake/Dialogs`).
enum DialogsLocation {
    static func resolve(_ explicit: String?) -> String {
        if let explicit { return explicit }
        if let env = getenv("INTAKE_DIALOGS"), let value = String(validatingCString: env), !value.isEmpty {
            return value
        }
        if isDirectory("Dialogs") { return "Dialogs" }
        if let installed = installedCopy(), isDirectory(installed) { return installed }
        return "Dialogs"
    }

    /// A hint for a dialogs folder that was not found where none was given: run inside a
    /// bundle's folder, the person most likely meant the folder they are in.
    static func hint(forMissing folder: String, command: String) -> String? {
        guard folder == "Dialogs" || folder == "Dialogs/tests", !isDirectory("Dialogs") else { return nil }
        let names = (try? FileReading.names(in: ".")) ?? []
        if folder == "Dialogs/tests", names.contains("tests"), isDirectory("tests") {
            return "you are in a bundle's folder: give its tests folder, as in intake \(command) tests"
        }
        guard names.contains(where: { $0.hasSuffix(".yaml") }) else { return nil }
        return "the folder you are in holds dialog files: give it, as in intake \(command) ."
    }

    private static func isDirectory(_ path: String) -> Bool {
        FileReading.kind(of: path) == .folder
    }

    /// The path of the running `intake` binary, with links resolved.
    static func executable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `PREFIX/share/intake/Dialogs` for a binary at `PREFIX/bin/intake`.
    private static func installedCopy() -> String? {
        guard let exe = executable() else { return nil }
        var parts = exe.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/share/intake/Dialogs"
    }
}
