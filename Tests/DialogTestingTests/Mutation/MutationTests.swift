import DialogModel
import DialogSyntax
import DialogTesting
import Foundation
import Testing

/// `intake test --mutate` in-process: the mutants found, what each does to the tests and
/// the labelled lines, the budget, and the report.
@Suite("Mutation testing")
struct MutationTests {
    /// The clinic fixture as a target, read from disk with full paths (mutants are
    /// loaded from the folder, one file replaced).
    static func clinic(in folder: String = Fixtures.root + "/clinic", evals: [EvalFile] = []) throws -> MutationTarget {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/tests").filter { $0.hasSuffix(".test") }.sorted()
        let tests = try names.map { name in
            let path = "\(folder)/tests/\(name)"
            return TestParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
        }
        return MutationTarget(folder: folder, tests: tests, evals: evals)
    }

    static func runner(budget: Int? = nil, seed: UInt64 = 1) -> MutationRunner {
        var options = MutationOptions()
        options.budget = budget
        options.seed = seed
        return MutationRunner(options: options)
    }

    /// The clinic has no list of two phrases outside its crisis intents.
    static let clinicOperators = Set(MutationOperator.allCases).subtracting([.phrase])

    @Test("every operator finds its places in the clinic, and every mutant loads but a goto that makes a loop")
    func mutantsOfTheClinic() throws {
        let target = try Self.clinic()
        let mutants = try Self.runner().mutants(of: target)
        #expect(Set(mutants.map(\.op)) == Self.clinicOperators)
        for m in mutants {
            let original = Array(try Data(contentsOf: URL(fileURLWithPath: m.path)))
            let result = try BundleLoader.load(folder: target.folder, comparingExamples: false, replacing: [m.path: m.apply(to: original)])
            if result.bundle == nil {
                // Killed by the validator: a loop with no way out.
                #expect(
                    m.op == .goto && result.diagnostics.allSatisfy { !$0.diagnostic.isError || $0.diagnostic.code == "IC009" },
                    "\(m.place) \(m.change) does not load: \(result.renderedDiagnostics())")
            }
        }
        let changes = mutants.map(\.change)
        #expect(changes.contains("`say` “Baclofen is a muscle relaxant.” replaced"))
        #expect(changes.contains("`if: hours < 12` negated"))
        #expect(changes.contains("phone 1-800-555-0100 → 1-800-555-0101"))
        #expect(changes.contains("“took too many” removed from `match`"))
        #expect(mutants.first { $0.change == "“took too many” removed from `match`" }?.op == .crisisPhrase)
        #expect(mutants.first { $0.change == "“facts” removed from `match`" } == nil, "a list of one phrase is never emptied")
    }

    @Test("a folded text, a sentence and a block list item are replaced or removed as an author would")
    func foldedTextsAndBlockLists() throws {
        let source = """
            dialog: folded
            title: Folded
            start: one
            intents:
              suicide: {crisis: suicide, match: ["want to die"], goto: two}
              medical: {crisis: medical-emergency, match: ["chest pain"], goto: two}
              other: {crisis: overdose-other, match: ["took too many"], goto: two}
              self: {crisis: overdose-self, match: ["i overdosed"], goto: two}
              pump: {crisis: pump-alarm, match: ["pump alarm"], goto: two}
              seizure: {crisis: seizure, match: [seizure], goto: two}
            nodes:
              one:
                say:
                  - text: >-
                      First sentence here. Second
                      sentence here.
                    if: region == 'US'
                  - Plain text.
                ask: Pick one.
                choices:
                  - label: Go on
                    match:
                      - go
                      - "go on"
                    goto: two
              two:
                say: The end.
                end: true

            """
        let file = SourceFile(path: "folded/one.yaml", bytes: Array(source.utf8))
        let loaded = BundleLoader.load(files: [(file.path, file.bytes)])
        let bundle = try #require(loaded.bundle, "\(loaded.renderedDiagnostics())")
        let mutants = MutantFinder(bundle: bundle, folder: "folded", seed: 1).mutants(of: file)
        func applied(_ change: String) throws -> String {
            let m = try #require(mutants.first { $0.change.contains(change) }, "no mutant \(change)")
            let bytes = m.apply(to: file.bytes)
            #expect(BundleLoader.load(files: [(file.path, bytes)]).bundle != nil, "\(change) does not load")
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(
            try applied("“First sentence here. Second sentence here.” replaced")
                .contains("  - text: \"Zebra text that says nothing.\"\n        if: region == 'US'\n"))
        let dropped = try applied("`: sentence ")
        #expect(dropped.contains("- text: \"First sentence here.\"\n") || dropped.contains("- text: \"Second sentence here.\"\n"))
        #expect(try applied("“go on” removed").contains("match:\n          - go\n        goto: two"))
        #expect(try applied("negated").contains("if: \"not (region == 'US')\""))
        #expect(try applied("`goto: two` →").contains("goto: \"one.one\""))
    }

    @Test("a text a test pins is killed by that test; a staff note no test reads survives")
    func killedAndSurvived() throws {
        let target = try Self.clinic()
        let runner = Self.runner()
        let mutants = try runner.mutants(of: target)
        let pinned = try #require(mutants.first { $0.change == "`say` “Baclofen is a muscle relaxant.” replaced" })
        guard case .killed(let by) = try runner.outcome(of: pinned, in: target) else {
            Issue.record("a pinned text survived")
            return
        }
        #expect(by.hasPrefix("test ") && by.contains("clinic/tests/"))
        let note = try #require(mutants.first { $0.op == .text && $0.change.hasPrefix("`note`") })
        guard case .survived(let changed) = try runner.outcome(of: note, in: target) else {
            Issue.record("an unpinned note was not reported as surviving")
            return
        }
        #expect(changed.hasPrefix("the `note` of turn 0 of ") && changed.contains("clinic/tests/"))
    }

    @Test("a phrase no test types is equivalent without labelled lines, and killed by a line that needs it")
    func labelledLinesKill() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/intake-mutation-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/tests", withIntermediateDirectories: true)
        for name in ["intake.yaml", "crisis.yaml"] {
            try FileManager.default.copyItem(atPath: Fixtures.root + "/clinic/" + name, toPath: folder + "/" + name)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/clinic/tests") {
            try FileManager.default.copyItem(atPath: Fixtures.root + "/clinic/tests/" + name, toPath: folder + "/tests/" + name)
        }
        let eval = EvalParser.parse(
            """
            group: overdoses
            at: intake.welcome
            > he took too many
              crisis: overdose-other takeover

            """, path: folder + "/tests/lines.eval")
        #expect(eval.diagnostics.isEmpty)
        let runner = Self.runner()
        let bare = try Self.clinic(in: folder)
        let removal = try #require(try runner.mutants(of: bare).first { $0.change == "“took too many” removed from `match`" })
        #expect(try runner.outcome(of: removal, in: bare) == .equivalent)
        let guarded = try Self.clinic(in: folder, evals: [eval])
        guard case .killed(let by) = try runner.outcome(of: removal, in: guarded) else {
            Issue.record("the labelled line did not kill the removal")
            return
        }
        #expect(by == "1 labelled line of \(folder)/tests/lines.eval: overdoses read differently")
    }

    @Test("a budget takes every operator in turn, the same mutants for the same seed")
    func budget() throws {
        let target = try Self.clinic()
        let every = try Self.runner().run([target])
        #expect(every.results.count == every.candidates.values.reduce(0, +))
        #expect(every.results.allSatisfy { $0.outcome != .notRun })
        #expect(every.results.contains { if case .killed(let by) = $0.outcome { by.hasPrefix("intake check: ") } else { false } })
        let seven = try Self.runner(budget: 7).run([target])
        #expect(Set(seven.results.map(\.mutant.op)) == Self.clinicOperators)
        let again = try Self.runner(budget: 7).run([target])
        #expect(seven.results.map(\.mutant.place) == again.results.map(\.mutant.place))
        let other = try Self.runner(budget: 7, seed: 2).run([target])
        #expect(seven.results.map(\.mutant.place) != other.results.map(\.mutant.place))
        var onlyPhones = MutationOptions()
        onlyPhones.operators = [.phone]
        let phones = try MutationRunner(options: onlyPhones).run([target])
        #expect(!phones.results.isEmpty && phones.results.allSatisfy { $0.mutant.op == .phone })
        let text = seven.rendered()
        #expect(text.contains("operator       mutants  killed survived equivalent    rate\n"))
        #expect(text.hasSuffix("s\n") && text.contains("mutation: \(seven.total.killed) killed"))
    }

    @Test("mutation testing refuses to start when the tests fail before any change")
    func failingBaseline() throws {
        var target = try Self.clinic()
        target.tests.append(TestParser.parse("test: wrong\n> 1\n  node: intake.rate\n", path: target.folder + "/tests/wrong.test"))
        #expect(throws: MutationProblem.self) { try Self.runner().run([target]) }
    }
}
