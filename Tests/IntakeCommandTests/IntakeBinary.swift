import Foundation
import Testing

/// The real `intake` executable, run as a user runs it: arguments, a working folder,
/// standard input, and what it printed and how it ended.
///
/// The binary is the `intake` beside this test bundle in the build folder, so a custom
/// `--scratch-path` works; `INTAKE_BINARY` overrides it.
enum IntakeBinary {
    /// What a run printed, and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let url: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["INTAKE_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        var folders: [URL] = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        #if os(Linux)
            // The test runner is itself the `.xctest` executable in the build folder.
            folders.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        #endif
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return folders.map { $0.appendingPathComponent("intake") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `intake ARGUMENTS` in `folder`, with `stdin` as its input, colour off and no
    /// `INTAKE_DIALOGS`, plus `environment`.
    static func run(_ arguments: [String], in folder: String, stdin: String = "", environment extra: [String: String] = [:]) throws -> Run {
        let binary = try #require(url, "no `intake` beside the test bundle: build it with `swift build --build-tests`")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["INTAKE_DIALOGS"] = nil
        environment["NO_COLOR"] = "1"
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        // Files, not pipes: nothing can block on a full pipe.
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("stdin"), out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        try Data(stdin.utf8).write(to: input)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let inHandle = try FileHandle(forReadingFrom: input)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// A new empty folder under the system's temporary folder; the caller removes it.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
