import Foundation
import Testing

/// `intake check` end to end: the real binary, run on the model's fixture bundles. While
/// `RECORD_FIXTURES=1` rewrites the expected outputs, these tests wait for the next run.
@Suite("intake check, end to end", .disabled(if: FixtureFolders.recording, "the expected outputs are being recorded"))
struct CheckCommandTests {
    /// Runs `intake ARGUMENTS` in the model's fixtures.
    func intake(_ arguments: [String]) throws -> IntakeBinary.Run {
        try IntakeBinary.run(arguments, in: FixtureFolders.model)
    }

    @Test("a valid bundle: exit 0, the summary on standard output, nothing on standard error")
    func validBundle() throws {
        let run = try intake(["check", "valid/minimal"])
        #expect(run.status == 0)
        #expect(run.stdout == "valid/minimal: 13 nodes, 7 intents, 0 errors, 0 warnings\n")
        #expect(run.stderr == "")
        #expect(try intake(["check", "--strict", "valid/training"]).status == 0)
    }

    @Test("an invalid bundle: exactly its expected output on standard error, exit 65 on errors", arguments: FixtureFolders.names("invalid"))
    func invalidBundle(_ name: String) throws {
        let expected = try #require(FixtureFolders.expected("invalid/\(name)"))
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
        #expect(run.stderr == FixtureFolders.expected("invalid/\(name)"))
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
