import DialogModel
import DialogSyntax
import Foundation
import Testing

/// The `rubric:` section of training bundles: decoding, its checks, and `rubric.ID` in
/// expressions.
enum RubricFixture {
    static let settings = """
        dialog: rubric
        title: A role-play
        kind: training
        start: play.caller
        """

    static let nodes = """
        nodes:
          caller:
            ask: "Caller: he won't wake up. What do you say?"
            expect: text
            routes:
              - if: rubric.calls_911 and not rubric.no_dose
                goto: done
              - else: done
          done:
            end: true
        """

    static func load(_ rubric: String, settings: String = settings, nodes: String = nodes) -> LoadResult {
        loadTexts(["bundle.yaml": settings, "play.yaml": nodes, "rubric.yaml": rubric])
    }

    /// The settings and nodes with `files` beside them, in place of `rubric.yaml`.
    static func load(files: [String: String]) -> LoadResult {
        loadTexts(files.merging(["bundle.yaml": settings, "play.yaml": nodes]) { _, fixture in fixture })
    }

    static func codes(_ result: LoadResult) -> [String] { result.diagnostics.map(\.diagnostic.code) }
}

@Suite("The rubric section of training bundles")
struct RubricTests {
    @Test func aRubricDecodesEveryKey() throws {
        let bundle = try RubricFixture.load(
            """
            rubric:
              calls_911:
                label: Tells the caller to call 911
                points: 3
                critical: true
                match: ["911", nine one one]
                unless: [don't call 911]
                practise: Say "call 911" first.
              no_dose:
                label: Gives no dose
                avoid: true
                match: mg
            """
        ).requireBundle()
        #expect(bundle.rubric.map(\.id) == ["calls_911", "no_dose"])
        let first = bundle.rubric[0]
        #expect(first.label == "Tells the caller to call 911")
        #expect(first.points == 3)
        #expect(first.critical)
        #expect(!first.avoid)
        #expect(first.match.map(\.text) == ["911", "nine one one"])
        #expect(first.unless.map(\.text) == ["don't call 911"])
        #expect(first.practise == "Say \"call 911\" first.")
        #expect(first.variable == "rubric.calls_911")
        let second = bundle.rubric[1]
        #expect(second.points == 1)
        #expect(second.avoid)
        #expect(!second.critical)
        #expect(second.match.map(\.text) == ["mg"])
    }

    @Test func anUnknownKeyInARubricItemIsReportedWithTheClosestOne() throws {
        let result = RubricFixture.load(
            """
            rubric:
              calls_911:
                label: Tells the caller to call 911
                match: ["911"]
                practice: Say it first.
              no_dose:
                label: Gives no dose
                avoid: true
                match: mg
            """)
        #expect(RubricFixture.codes(result) == ["IC001"])
        #expect(result.diagnostics[0].diagnostic.hint?.contains("practise") == true)
    }

    @Test(
        "a rubric item's mistakes are each reported once",
        arguments: [
            ("label: L\n    match: []", "IC002"),
            ("match: [x]", "IC002"),
            ("label: L\n    match: [x]\n    points: two", "IC003"),
            ("label: L\n    match: [x]\n    points: -1", "IC020"),
            ("label: L\n    match: [x]\n    avoid: yes", "IC003"),
        ])
    func rubricItemMistakes(_ body: String, _ code: String) throws {
        let result = RubricFixture.load(
            """
            rubric:
              calls_911:
                \(body)
              no_dose:
                label: Gives no dose
                avoid: true
                match: mg
            """)
        // The item was dropped, but the reads of `rubric.calls_911` are not reported too.
        #expect(RubricFixture.codes(result) == [code], "\(result.renderedDiagnostics())")
    }

    @Test func aRubricIdDefinedTwiceIsReported() throws {
        let result = RubricFixture.load(files: [
            "a.yaml": "rubric:\n  calls_911: {label: A, match: [\"911\"]}\n  no_dose: {label: B, avoid: true, match: [mg]}\n",
            "b.yaml": "rubric:\n  calls_911: {label: C, match: [ambulance]}\n",
        ])
        #expect(RubricFixture.codes(result) == ["IC004"])
    }

    @Test func rubricVariablesAreBoolsInExpressions() throws {
        let rubric = "rubric:\n  calls_911: {label: A, match: [\"911\"]}\n  no_dose: {label: B, avoid: true, match: [mg]}\n"
        #expect(RubricFixture.codes(RubricFixture.load(rubric)) == [])
        // `rubric.calls_911 + 1` is not a number; an item that does not exist is never set.
        let nodes = RubricFixture.nodes.replacingOccurrences(
            of: "rubric.calls_911 and not rubric.no_dose",
            with: "rubric.calls_911 + 1 > 0 or rubric.calls_91")
        let codes = RubricFixture.codes(RubricFixture.load(rubric, nodes: nodes))
        #expect(codes.contains("IC010"), "\(codes)")
        #expect(codes.contains { $0.hasPrefix("IE") }, "\(codes)")
    }

    @Test func aRubricItemsSourceMustBeInTheReferenceList() throws {
        let result = RubricFixture.load(files: [
            "sources.yaml": "sources:\n  cdph-overdose: {citation: CDPH.}\n",
            "rubric.yaml": "rubric:\n  calls_911: {label: A, match: [\"911\"], source: cdph-overdos}\n  no_dose: {label: B, avoid: true, match: [mg]}\n",
        ])
        #expect(RubricFixture.codes(result) == ["IC006"])
        #expect(result.diagnostics[0].diagnostic.hint == "did you mean `cdph-overdose`?")
    }

    @Test func aRubricInAnIntakeBundleIsAnError() throws {
        let (_, result) = try Fixtures.checkOutput("invalid/rubric-in-intake")
        #expect(Set(result.diagnostics.map(\.diagnostic.code)) == ["IC025"])
    }

    @Test func aPhraseCancelledByItsOwnUnlessIsAnError() throws {
        let (_, result) = try Fixtures.checkOutput("invalid/rubric-phrase-cancelled")
        #expect(result.diagnostics.map(\.diagnostic.code) == ["IC026"])
    }

    @Test func aRubricIdMustBeAName() throws {
        let result = RubricFixture.load(
            """
            rubric:
              calls-911:
                label: A
                match: ["911"]
              calls_911: {label: A, match: ["911"]}
              no_dose: {label: B, avoid: true, match: [mg]}
            """)
        #expect(RubricFixture.codes(result) == ["IC020"])
    }
}
