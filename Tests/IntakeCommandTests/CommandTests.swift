import Foundation
import Testing

/// `intake test`, `intake chat --record`, `intake graph` and `intake check --paths`, end
/// to end: the real binary, run in the test tools' fixtures.
@Suite("The commands, end to end")
final class CommandTests: Sendable {
    /// A new empty folder for each test (Swift Testing makes an instance of the suite for
    /// each), removed after it.
    let folder: URL

    init() throws { folder = try IntakeBinary.temporaryFolder() }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `intake ARGUMENTS` in the test tools' fixtures.
    func intake(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> IntakeBinary.Run {
        try IntakeBinary.run(arguments, in: FixtureFolders.testing, stdin: stdin, environment: environment)
    }

    /// `folder/far/away`, created.
    func nested(in folder: URL) throws -> URL {
        let deeper = folder.appendingPathComponent("far").appendingPathComponent("away")
        try FileManager.default.createDirectory(at: deeper, withIntermediateDirectories: true)
        return deeper
    }

    /// `NAME` in the test's folder.
    func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test("intake test: exit 0 and the closing line when every test passes")
    func passing() throws {
        let run = try intake(["test", "clinic/tests"])
        #expect(run.status == 0)
        #expect(run.stdout == "12 passed, 0 failed\n")
        #expect(run.stderr == "")
    }

    @Test("intake test: exit 1 on a failure, with the same report as the runner's, and JUnit XML")
    func failing() throws {
        let junit = file("junit.xml")
        let run = try intake(["test", "failing", "--junit", junit])
        #expect(run.status == 1)
        #expect(run.stdout == (try FixtureFolders.text("expected/failing.out")))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"intake\" tests=\"10\" failures=\"9\" errors=\"0\""))
    }

    @Test("intake test: exit 65 when a test file has errors")
    func fileErrors() throws {
        let path = file("bad.test")
        try Data("bundle: \(FixtureFolders.testing)/clinic\ntest: t\nstate: nope\n".utf8).write(to: URL(fileURLWithPath: path))
        let run = try intake(["test", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.test:3:8: error: unknown state `nope` [IT003]"))
        #expect(run.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test("--coverage and --min-coverage")
    func coverage() throws {
        let run = try intake(["test", "clinic/tests", "--min-coverage", "90"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("coverage of clinic (clinic): 53.2% of 47 items\n"))
        #expect(run.stdout.contains("  intake.yaml:68:3: node intake.later\n") || run.stdout.contains("clinic/intake.yaml:68:3: node intake.later\n"))
        #expect(run.stdout.hasSuffix("coverage 53.2% is below the minimum of 90.0%\n12 passed, 0 failed\n"))
        #expect(try intake(["test", "clinic/tests", "--min-coverage", "50"]).status == 0)
    }

    @Test("intake chat --record writes a test (mode 0600) that replays the session and passes")
    func record() throws {
        // Two folders down, so that the folder a test file may name a bundle in holds no
        // bundle, wherever the checkout is (under the temporary folder too).
        let path = try nested(in: folder).appendingPathComponent("session.test").path
        let chat = try intake(["chat", "--dialogs", "clinic", "--region", "UK", "--record", path], stdin: "2\n6\nno\nI want to die\n1\n")
        #expect(chat.status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\nregion: UK\n"))
        #expect(text.contains("\n> I want to die\n  node: crisis.suicide\n"))
        #expect(text.contains("\nend of input\n  node: intake.welcome\n  state: ended\n"))
        // The bundle is far from the file: replaying it needs the folder on the command line.
        #expect(text.contains("Run it with intake test \(path) --bundle clinic."))
        let refused = try intake(["test", path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("a test file may name only a bundle inside"))
        let replay = try intake(["test", path, "--bundle", "clinic"])
        #expect(replay.status == 0)
        #expect(replay.stdout == "1 passed, 0 failed\n")
    }

    @Test("intake graph: DOT and Mermaid; rendering without dot says how to install it")
    func graph() throws {
        let dot = try intake(["graph", "clinic"])
        #expect(dot.status == 0)
        #expect(dot.stdout == (try FixtureFolders.text("expected/clinic.dot")))
        let mermaid = try intake(["graph", "clinic", "--format", "mermaid"])
        #expect(mermaid.stdout == (try FixtureFolders.text("expected/clinic.mmd")))
        let svg = file("graph.svg")
        let run = try intake(["graph", "clinic", "--output", svg], environment: ["PATH": folder.path])
        #expect(run.status == 69)
        #expect(run.stderr.contains("needs Graphviz's `dot`, which is not installed"))
        #expect(run.stderr.contains("sudo apt-get install graphviz"))
        let unknown = try intake(["graph", "clinic", "--output", file("graph.txt")])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("cannot tell the notation of"))
        // With Graphviz installed, the graph is rendered.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            let rendered = try intake(["graph", "clinic", "--output", svg])
            #expect(rendered.status == 0)
            #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
        }
        let mmd = file("graph.mmd")
        #expect(try intake(["graph", "clinic", "--output", mmd]).status == 0)
        #expect(try String(contentsOfFile: mmd, encoding: .utf8) == (try FixtureFolders.text("expected/clinic.mmd")))
    }

    @Test("intake test --mutate: the table by operator, survivors with their places, and --min-kill")
    func mutate() throws {
        let strict = try intake(["test", "clinic/tests", "--mutate", "--budget", "14", "--min-kill", "100"])
        #expect(strict.status == 1)
        #expect(strict.stdout.hasPrefix("mutation testing of clinic: 14 of "))
        #expect(strict.stdout.contains("operator       mutants  killed survived equivalent    rate\n"))
        #expect(strict.stdout.contains("survived (no test failed and no labelled line changed):\n  clinic/"))
        #expect(strict.stdout.hasSuffix("% is below the minimum of 100.0%\n"))
        let lenient = try intake(["test", "clinic/tests", "--mutate", "--budget", "14", "--min-kill", "0"])
        #expect(lenient.status == 0)
        // The same mutants with the same outcomes: only the time and the verdict differ.
        let body = { (out: String) in out.replacingOccurrences(of: #" in [0-9.]+ s\n[\s\S]*$"#, with: "", options: .regularExpression) }
        #expect(body(lenient.stdout) == body(strict.stdout))
        #expect(body(lenient.stdout) != lenient.stdout)
        #expect(try intake(["test", "clinic/tests", "--mutate", "--budget", "0"]).status == 64)
    }

    @Test("intake test --record writes golden tests (mode 0600) that pin every turn and pass")
    func recordGoldens() throws {
        let golden = file("golden.test")
        let run = try intake(["test", "clinic/tests", "--record", golden])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("wrote 12 golden tests to \(golden)\n"))
        let attributes = try FileManager.default.attributesOfItem(atPath: golden)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(text.contains("\ntest: clinic/tests/menu.test: "))
        #expect(text.contains("  say is: Baclofen is a muscle relaxant.\n"))
        let replay = try intake(["test", golden, "--bundle", "clinic"])
        #expect(replay.status == 0)
        #expect(replay.stdout == "12 passed, 0 failed\n")
    }

    @Test("intake test --update prints every text it changes as a unified diff")
    func updateDiff() throws {
        let path = file("facts.test")
        try Data("bundle: \(FixtureFolders.testing)/clinic\ntest: facts\n> 1\n  say is: Baclofen is a medicine.\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let run = try intake(["test", path, "--update", "--bundle", FixtureFolders.testing + "/clinic"])
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix(
                """
                --- \(path)
                +++ \(path)
                @@ -4,1 +4,2 @@
                -  say is: Baclofen is a medicine.
                +  say is: Baclofen is a muscle relaxant.
                +  say is: Hello. In an emergency call Emergency (911).
                updated 1 expectation in \(path); review the change before committing it

                """))
    }

    @Test("intake check --paths: the walk's problems, exit 65; and golden tests that pass")
    func paths() throws {
        let trapped = try intake(["check", "--paths", "trapped"])
        #expect(trapped.status == 65)
        #expect(trapped.stderr == (try FixtureFolders.text("expected/trapped.out")))
        let golden = try nested(in: folder).appendingPathComponent("paths.test").path
        let clinic = try intake(["check", "--paths", "clinic", "--golden", golden])
        #expect(clinic.status == 0)
        #expect(clinic.stdout.hasPrefix("clinic: 20 nodes, 8 intents, 0 errors, 0 warnings\nclinic: walked "))
        #expect(clinic.stdout.contains("run them with intake test \(golden) --bundle clinic\n"))
        let replay = try intake(["test", golden, "--bundle", "clinic"])
        #expect(replay.status == 0)
        #expect(replay.stdout.hasSuffix(" passed, 0 failed\n"))
    }
}
