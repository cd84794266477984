import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax
import DialogTesting
import Testing

@Suite("Coverage")
struct CoverageTests {
    @Test("the clinic suite: what it reached, as numbers, and what it did not, each with its file and line")
    func clinic() throws {
        let result = Fixtures.run(try Fixtures.testFiles("clinic/tests"), coverage: true)
        let report = try #require(result.coverage.first)
        #expect(result.coverage.count == 1)
        #expect(report.count(.node) == (13, 20))
        #expect(report.count(.choice) == (5, 11))
        #expect(report.count(.route) == (5, 8))
        #expect(report.count(.intent) == (2, 8))
        #expect(report.count(nil) == (25, 47))
        #expect(CoverageReport.format(report.percent()) == "53.2%")
        try Fixtures.expectMatches(report.rendered(), "coverage.txt")
    }

    @Test("nodes passed on the way (next, branch) and routes taken count as reached")
    func passedOnTheWay() throws {
        let file = TestParser.parse("test: cramps\n> 4\n> cramps\ntest: later\n> 2\n> 40\n", path: "clinic/tests/c.test")
        let report = try #require(Fixtures.run([file], coverage: true).coverage.first)
        let reached = Set(report.items.filter(\.reached).map(\.name))
        #expect(
            reached.isSuperset(of: [
                "intake.triage", "intake.cramps", "\"if 'cramps' in symptoms.reported\" of intake.triage",
                "\"else\" of intake.symptoms", "intake.later", "\"else\" of intake.feeling",
            ]))
        #expect(!reached.contains("intake.no_symptoms"))
    }
}
