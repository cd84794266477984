import DialogEngine
@testable import DialogTesting
import Testing

/// A test whose session cannot start fails; it never counts as passed. The file checks
/// (`Validation`) stop such a test before it runs, so these tests run one directly.
@Suite("The test runner: a session that cannot start")
struct SessionStartTests {
    @Test("a start node the bundle lacks fails the test, naming the node")
    func unknownStart() throws {
        let bundle = try Fixtures.loaded("clinic").bundle
        let file = TestParser.parse("test: from nowhere\nstart: nowhere\n> 1\n  node: intake.welcome\n", path: "clinic/tests/t.test")
        let test = try #require(file.tests.first)
        var run = TestRun(file: file, test: test, bundle: bundle, update: false)
        var prototypes: [String: Session] = [:]
        run.execute(prototypes: &prototypes, key: "clinic")

        guard case .couldNotStart(let why) = run.outcome else {
            Issue.record("expected a test that could not start, got \(run.outcome)")
            return
        }
        #expect(why.contains("no node `intake.nowhere`"))
        #expect(!run.outcome.isPassed)
        #expect(run.steps == 0)
        #expect(prototypes.isEmpty)
    }

    @Test("the report and JUnit XML name the test and why it did not start")
    func reported() throws {
        let file = TestParser.parse("test: from nowhere\n> 1\n", path: "clinic/tests/t.test")
        let test = try #require(file.tests.first)
        let result = TestResult(
            name: test.name, path: file.path, range: test.range,
            outcome: .couldNotStart("its session could not start: no node `intake.nowhere`"),
            steps: 0, duration: .zero)
        let suite = SuiteResult(
            files: [FileResult(path: file.path, source: file.source, bundle: "clinic", diagnostics: [], tests: [result])],
            bundleProblems: [], coverage: [], rewrites: [], duration: .zero)
        #expect(suite.failed == 1)
        #expect(
            TestReport.render(suite) == """
                FAIL clinic/tests/t.test:1: from nowhere: its session could not start: no node `intake.nowhere`
                0 passed, 1 failed

                """)
        let xml = JUnitWriter.xml(suite)
        #expect(xml.contains("errors=\"1\""))
        #expect(xml.contains("<error message=\"its session could not start: no node `intake.nowhere`\" type=\"session-start\">"))
    }
}
