import Foundation
import Testing

/// `intake check` end to end: the real binary, run in `Fixtures/` on the fixture bundles.
///
/// The binary is the `intake` beside this test bundle in the build folder, so a custom
/// `--scratch-path` works; `INTAKE_BINARY` overrides it. While `RECORD_FIXTURES=1`
/// rewrites the expected outputs, these tests wait for the next run.
@Suite("intake check, end to end", .disabled(if: Fixtures.recording, "the expected outputs are being recorded"))
struct CheckCommandTests {
    /// What a run printed, and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL? = {
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

    /// Runs `intake ARGUMENTS` in `Fixtures/`.
    func intake(_ arguments: [String]) throws -> Run {
        let binary = try #require(Self.binary, "no `intake` beside the test bundle: build it with `swift build --build-tests`")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        var environment = ProcessInfo.processInfo.environment
        environment["INTAKE_DIALOGS"] = nil
        process.environment = environment
        // Files, not pipes: nothing can block on a full pipe.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    @Test("a valid bundle: exit 0, the summary on standard output, nothing on standard error")
    func validBundle() throws {
        let run = try intake(["check", "valid/minimal"])
        #expect(run.status == 0)
        #expect(run.stdout == "valid/minimal: 13 nodes, 7 intents, 0 errors, 0 warnings\n")
        #expect(run.stderr == "")
        #expect(try intake(["check", "--strict", "valid/training"]).status == 0)
    }

    @Test("an invalid bundle: exactly its expected output on standard error, exit 65 on errors", arguments: Fixtures.names("invalid"))
    func invalidBundle(_ name: String) throws {
        let expected = try #require(Fixtures.expected("invalid/\(name)"))
        let run = try intake(["check", "invalid/\(name)"])
        #expect(run.stderr == expected)
        let hasErrors = expected.contains(": error: ")
        #expect(run.status == (hasErrors ? 65 : 0))
        // The summary goes to standard output when the bundle loads (warnings only).
        #expect(run.stdout.isEmpty == hasErrors)
    }

    @Test("--strict with warnings only: exit 1", arguments: ["unreachable", "unused-resource", "unused-symptom", "unknown-role"])
    func strictWarnings(_ name: String) throws {
        let run = try intake(["check", "--strict", "invalid/\(name)"])
        #expect(run.status == 1)
        #expect(run.stderr == Fixtures.expected("invalid/\(name)"))
        #expect(try intake(["check", "invalid/\(name)"]).status == 0)
    }

    @Test("--strict with errors: still exit 65")
    func strictErrors() throws {
        #expect(try intake(["check", "--strict", "invalid/loop"]).status == 65)
    }

    @Test("a folder that does not exist: exit 66, with the reason")
    func missingFolder() throws {
        let run = try intake(["check", "no-such-folder"])
        #expect(run.status == 66)
        #expect(run.stderr == "intake: cannot read no-such-folder: No such file or directory\n")
        #expect(run.stdout == "")
    }
}
