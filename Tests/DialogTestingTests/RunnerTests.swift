import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax
import DialogTesting
import Testing

@Suite("The test runner")
struct RunnerTests {
    @Test("the clinic's own suite passes, and says so in one line")
    func passingSuite() throws {
        let result = Fixtures.run(try Fixtures.testFiles("clinic/tests"))
        #expect(TestReport.render(result) == "12 passed, 0 failed\n")
        #expect(result.passed == 12)
        #expect(result.failed == 0)
        #expect(!result.hasErrors)
        // The opening of each test, and each line typed or end of input.
        #expect(result.steps == 12 + 17)
    }

    @Test("failures: the file and line of the expectation and its step, a diff, and the whole turn")
    func failingSuite() throws {
        let result = Fixtures.run(try Fixtures.testFiles("failing"))
        #expect(result.passed == 1)
        #expect(result.failed == 9)
        try Fixtures.expectMatches(TestReport.render(result), "failing.out")
    }

    @Test("JUnit XML: a suite per file, a case per test, failures with the report's text")
    func junit() throws {
        let result = Fixtures.run(try Fixtures.testFiles("failing") + Fixtures.testFiles("clinic/tests"))
        try Fixtures.expectMatches(JUnitWriter.xml(result), "failing.xml")
    }

    @Test("a deliberate change to a tested answer makes the suite fail, at the test that pins it")
    func deliberateChange() throws {
        let tests = try Fixtures.testFiles("clinic/tests")
        var files = try Fixtures.bundleFiles("clinic")
        let i = try #require(files.firstIndex { $0.path == "clinic/intake.yaml" })
        let before = String(decoding: files[i].bytes, as: UTF8.self)
        let after = before.replacing("say: Baclofen is a muscle relaxant.", with: "say: Baclofen is a medicine.")
        #expect(after != before)
        files[i].bytes = Array(after.utf8)
        let changed = try #require(LoadedBundle(BundleLoader.load(files: files)))
        let result = TestRunner(options: RunOptions(measure: false), loadBundle: { $0 == "clinic" ? .loaded(changed) : Fixtures.load($0) })
            .run(tests)
        #expect(result.failed == 2)
        #expect(result.tests.filter { !$0.passed }.map(\.name) == ["a choice by its number", "a topic question answers and comes back"])
        try Fixtures.expectMatches(TestReport.render(result), "deliberate-change.out")
    }

    @Test("--update rewrites the `is:` texts that differ, keeps the rest, and the suite passes again")
    func update() throws {
        let source = """
            # update me
            test: texts
            > 2
              ask is: How many hours?
            > 6
                say is: It was early.
                say is: Two lines.
              node: intake.early
              choices is: Yes
              choices is: No

            test: a failure that is not a text
            > 1
              node: intake.rate
              say is: Wrong.

            """
        let file = TestParser.parse(source, path: "clinic/tests/update.test")
        let first = Fixtures.run([file], update: true)
        #expect(first.rewrites.map(\.lines) == [4...4, 6...7])
        // A failure that is not an exact text stops its test: its later texts are left alone.
        #expect(first.failed == 1)
        let rewritten = String(decoding: Rewriting.apply(first.rewrites, to: Array(source.utf8)), as: UTF8.self)
        #expect(
            rewritten == """
                # update me
                test: texts
                > 2
                  ask is: How many hours since your last use?
                > 6
                    say is: It is early (6 hours).
                  node: intake.early
                  choices is: Yes
                  choices is: No

                test: a failure that is not a text
                > 1
                  node: intake.rate
                  say is: Wrong.

                """)
        let again = Fixtures.run([TestParser.parse(rewritten, path: "clinic/tests/update.test")])
        #expect(again.tests.map(\.passed) == [true, false])
        // What --update prints: every text that changes, as a unified diff of the file.
        #expect(
            Rewriting.diff(first.rewrites, to: Array(source.utf8), path: "update.test") == """
                --- update.test
                +++ update.test
                @@ -4,1 +4,1 @@
                -  ask is: How many hours?
                +  ask is: How many hours since your last use?
                @@ -6,2 +6,1 @@
                -    say is: It was early.
                -    say is: Two lines.
                +    say is: It is early (6 hours).

                """)
    }

    @Test("expectations are read against the bundle: unknown nodes, scales, symptoms, intents and regions")
    func validation() throws {
        let file = TestParser.parse(
            """
            test: names
            start: intake.welcom
            region: FR
            > 1
              node: intake.fact
              score sow: 3
              reported: cramp
              matched: intent ask_baclofn

            test: another
            > 1

            """, path: "clinic/tests/names.test")
        let result = Fixtures.run([file])
        #expect(result.failed == 2)
        #expect(result.hasErrors)
        #expect(
            TestReport.diagnostics(result) == """
                clinic/tests/names.test:2:8: error: no node `intake.welcom` in the bundle [IT009]
                    2 | start: intake.welcom
                      |        ^~~~~~~~~~~~~
                  hint: did you mean `intake.welcome`?
                clinic/tests/names.test:3:9: error: no region `FR` in the bundle [IT009]
                    3 | region: FR
                      |         ^~
                  hint: known regions: US, UK
                clinic/tests/names.test:5:3: error: no node `intake.fact` in the bundle [IT009]
                    5 |   node: intake.fact
                      |   ^~~~~~~~~~~~~~~~~
                  hint: did you mean `intake.facts`?
                clinic/tests/names.test:6:3: error: no scale `sow` in the bundle [IT009]
                    6 |   score sow: 3
                      |   ^~~~~~~~~~~~
                  hint: did you mean `sows`?
                clinic/tests/names.test:7:3: error: no symptom `cramp` in the bundle [IT009]
                    7 |   reported: cramp
                      |   ^~~~~~~~~~~~~~~
                  hint: did you mean `cramps`?
                clinic/tests/names.test:8:3: error: no intent `ask_baclofn` in the bundle [IT009]
                    8 |   matched: intent ask_baclofn
                      |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~
                  hint: did you mean `ask_baclofen`?

                """)
        #expect(TestReport.render(result) == "FAIL clinic/tests/names.test: 2 tests not run: the file has errors\n0 passed, 2 failed\n")
    }

    @Test("a file whose bundle cannot be found or loaded")
    func bundleProblems() {
        let lost = TestParser.parse("test: t\n", path: "elsewhere/x.test")
        let missing = TestParser.parse("bundle: ../nowhere\ntest: t\n", path: "clinic/tests/y.test")
        let result = Fixtures.run([lost, missing])
        #expect(
            TestReport.diagnostics(result) == """
                elsewhere/x.test:1:1: error: cannot use the bundle `?`: the file is not in a bundle's tests/ folder and names no bundle [IT010]
                    1 | test: t
                      | ^
                  hint: name the bundle folder with `bundle: PATH`, relative to this file
                clinic/tests/y.test:1:9: error: cannot use the bundle `clinic/nowhere`: no such fixture [IT010]
                    1 | bundle: ../nowhere
                      |         ^~~~~~~~~~
                  hint: name the bundle folder with `bundle: PATH`, relative to this file

                """)
        #expect(result.failed == 2)
    }

    @Test("--filter runs the tests whose file and name contain the text")
    func filter() throws {
        let result = Fixtures.run(try Fixtures.testFiles("clinic/tests"), filter: "CRISIS")
        #expect(result.tests.map(\.name) == ["a crisis line takes over from any node"])
        let byFile = Fixtures.run(try Fixtures.testFiles("clinic/tests"), filter: "symptoms.test")
        #expect(byFile.tests.count == 2)
    }

    @Test("a session written as a test replays it and passes", arguments: ["US", "gb"])
    func recordedSessionReplays(region: String) throws {
        let loaded = try Fixtures.loaded("clinic")
        var session = try Session(bundle: loaded.bundle, region: region, seed: 3)
        var turns = [session.open()]
        for line in ["2", "6", "no", "3", "1", "4", "4", "cramps", "I want to die", "1"] { turns.append(session.respond(to: line)) }
        turns.append(session.end())
        let text = TestText.test(named: "recorded", turns: turns, region: region, seed: 3).joined(separator: "\n") + "\n"
        let file = TestParser.parse(text, path: "clinic/tests/recorded.test")
        #expect(file.diagnostics.isEmpty)
        let result = Fixtures.run([file])
        #expect(TestReport.render(result) == "1 passed, 0 failed\n")
        #expect(result.steps == turns.count)
    }

    @Test("speed: thousands of steps per second")
    func speed() throws {
        // 400 tests of 7 lines each on the clinic bundle.
        var text = ""
        for i in 0..<400 {
            text += "test: t\(i)\n> 2\n> \(12 + i % 180)\n  node: intake.welcome\n> 3\n> 1\n> 2\n  score sows: 3\n> 1\n  say contains: Hello\n> 5\n  state: ended\n"
        }
        let file = TestParser.parse(text, path: "clinic/tests/speed.test")
        let clock = ContinuousClock()
        let began = clock.now
        let result = TestRunner(options: RunOptions(measure: false), loadBundle: Fixtures.load).run([file])
        let elapsed = clock.now - began
        #expect(result.failed == 0)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(result.steps) / seconds
        print("speed: \(result.steps) steps in \(seconds) s: \(Int(rate)) steps per second")
        // A generous floor, for debug builds on a busy machine; release runs far faster.
        #expect(rate > 300)
    }
}
