import DialogEngine
import DialogModel
import DialogSyntax

/// A bundle to mutate, with the tests and labelled lines that guard it.
package struct MutationTarget: Sendable {
    package var folder: String
    package var tests: [TestFile]
    package var evals: [EvalFile]

    package init(folder: String, tests: [TestFile], evals: [EvalFile]) {
        self.folder = folder
        self.tests = tests
        self.evals = evals
    }
}

/// How to run mutation testing.
package struct MutationOptions: Sendable {
    /// Chooses the mutants of a budget and the details of each (which sentence, which node).
    package var seed: UInt64 = 1
    /// The most mutants to run, spread evenly over every operator of every bundle;
    /// nil for every mutant.
    package var budget: Int?
    /// Only these operators' mutants; nil for all.
    package var operators: Set<MutationOperator>?
    /// Mutants not started within this time are reported as not run.
    package var timeLimit: Duration?
    /// Mutants run at once, each on its own core.
    package var workers = 2
    /// Bundle folders the tests may name although they lie elsewhere (`--bundle`).
    package var allowedBundles: [String] = []

    package init() {}
}

/// What one mutant did to the tests.
package enum MutantOutcome: Sendable, Equatable {
    /// A test failed, a labelled line was read differently, or the changed bundle does
    /// not load (so that every test of it fails): what noticed it.
    case killed(by: String)
    /// Some test's turns changed but every expectation held: a change no test guards.
    /// The first test whose turns changed.
    case survived(changed: String)
    /// No turn of any test and no labelled line changed: the change cannot be seen
    /// through the tests, and is left out of the rate.
    case equivalent
    /// The time bound stopped the run before this mutant.
    case notRun
}

/// A mutant and what it did.
package struct MutantResult: Sendable {
    package var mutant: Mutant
    package var outcome: MutantOutcome
}

/// Why mutation testing cannot start.
package struct MutationProblem: Error, Sendable, CustomStringConvertible {
    package var description: String
}

/// Mutation testing in-process: each mutant is one file of a bundle changed in memory,
/// loaded, and run against the bundle's tests and labelled lines, on every core.
package struct MutationRunner: Sendable {
    package var options: MutationOptions

    package init(options: MutationOptions) {
        self.options = options
    }

    /// What the unchanged bundle does: every test's turns, every labelled line's outcome.
    struct Baseline: Sendable {
        var target: MutationTarget
        var loaded: LoadedBundle
        /// The bytes of the files directly in the bundle's folder, by path: a mutant
        /// replaces one, and none is read from the disk again.
        var ownFiles: [String: [UInt8]]
        /// Each test's turns, by ``key(_:_:)``.
        var turns: [String: [Turn]]
        /// The files each test entered a node of, by key.
        var filesEntered: [String: Set<String>]
        var outcomes: [[EvalOutcome]]
        var groupNames: [String]
    }

    /// Runs the mutants of every target and reports what each did.
    package func run(_ targets: [MutationTarget]) throws(MutationProblem) -> MutationReport {
        let clock = ContinuousClock()
        let began = clock.now
        var baselines: [String: Baseline] = [:]
        var all: [Mutant] = []
        for target in targets {
            let baseline = try self.baseline(target)
            baselines[target.folder] = baseline
            all += mutants(of: target, baseline).filter { options.operators?.contains($0.op) ?? true }
        }
        let chosen = choose(from: all)
        let deadline = options.timeLimit.map { began + $0 }
        let everyBaseline = baselines
        let found = Concurrent.map(chosen.count, workers: options.workers) { i -> MutantOutcome in
            if let deadline, clock.now > deadline { return .notRun }
            guard let baseline = everyBaseline[chosen[i].bundle] else { return .notRun }
            return judge(chosen[i], against: baseline)
        }
        let results = zip(chosen, found).map { MutantResult(mutant: $0, outcome: $1) }
        var candidates: [MutationOperator: Int] = [:]
        for m in all { candidates[m.op, default: 0] += 1 }
        return MutationReport(
            results: results, candidates: candidates, seed: options.seed, budget: options.budget,
            bundles: targets.map(\.folder), duration: clock.now - began)
    }

    /// Every mutant of a target's bundle, in file order.
    package func mutants(of target: MutationTarget) throws(MutationProblem) -> [Mutant] {
        mutants(of: target, try baseline(target))
    }

    /// What one mutant of a target's bundle does to its tests and labelled lines.
    package func outcome(of mutant: Mutant, in target: MutationTarget) throws(MutationProblem) -> MutantOutcome {
        judge(mutant, against: try baseline(target))
    }

    func mutants(of target: MutationTarget, _ baseline: Baseline) -> [Mutant] {
        let finder = MutantFinder(bundle: baseline.loaded.bundle, folder: target.folder, seed: options.seed)
        return baseline.loaded.files.filter { baseline.ownFiles[$0.path] != nil }.flatMap(finder.mutants)
    }

    /// Whether `path` is a file directly in `folder` (not a file another folder lends it).
    static func isDirectly(in folder: String, _ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return TestFiles.normalize(TestFiles.join(folder, name)) == TestFiles.normalize(path)
    }

    /// The mutants to run: all of them, or a budget spread over every operator of every
    /// bundle in turn, each operator's mutants in an order drawn from the seed.
    func choose(from all: [Mutant]) -> [Mutant] {
        guard let budget = options.budget, budget < all.count else { return all }
        var strata: [String: [Mutant]] = [:]
        var order: [String] = []
        for m in all {
            let key = "\(m.bundle)\u{1}\(m.op.rawValue)"
            if strata[key] == nil { order.append(key) }
            strata[key, default: []].append(m)
        }
        for key in order {
            guard var list = strata[key], list.count > 1 else { continue }
            // Each stratum draws from its own generator, so that a change to one bundle or
            // operator leaves the others' mutants as they were.
            var rng = SplitMix64(seed: options.seed ^ Self.hash(key))
            for i in stride(from: list.count - 1, to: 0, by: -1) { list.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            strata[key] = list
        }
        var chosen: [Mutant] = []
        var round = 0
        while chosen.count < budget {
            var took = false
            for key in order where chosen.count < budget {
                guard let list = strata[key], round < list.count else { continue }
                chosen.append(list[round])
                took = true
            }
            if !took { break }
            round += 1
        }
        return chosen
    }

    func baseline(_ target: MutationTarget) throws(MutationProblem) -> Baseline {
        guard case .loaded(let loaded) = TestRunner.loadFolder(target.folder) else {
            throw MutationProblem(description: "\(target.folder) does not load; run intake check \(target.folder)")
        }
        let suite = runTests(target, with: loaded)
        if let failed = suite.tests.first(where: { !$0.passed }) ?? (suite.hasErrors ? suite.tests.first : nil) {
            throw MutationProblem(
                description: "the tests of \(target.folder) do not pass before any change "
                    + "(\(failed.path): \(failed.name)); run intake test first")
        }
        let eval = runEvals(target, with: loaded)
        if eval.hasErrors {
            throw MutationProblem(description: "the labelled lines of \(target.folder) have errors; run intake eval first")
        }
        var turns: [String: [Turn]] = [:]
        var entered: [String: Set<String>] = [:]
        for test in suite.tests {
            let key = Self.key(test.path, test.range)
            turns[key] = Self.compared(test.turns)
            entered[key] = Set(
                test.turns.flatMap { turn in
                    [turn.node.file] + turn.trace.compactMap { if case .entered(let id) = $0 { id.file } else { nil } }
                })
        }
        var own: [String: [UInt8]] = [:]
        for file in loaded.files where Self.isDirectly(in: target.folder, file.path) { own[file.path] = file.bytes }
        return Baseline(
            target: target, loaded: loaded, ownFiles: own, turns: turns, filesEntered: entered,
            outcomes: eval.groups.map(\.outcomes), groupNames: eval.groups.map { "\($0.path): \($0.group.name)" })
    }

    /// Turns as mutation testing compares them: without their traces, whose labels
    /// repeat the dialogs' own words (a route's phrases), nor the phrase a debrief item
    /// was met by (in the summary's data, not its text), so that removing a phrase no
    /// line needs does not count as a change a test could see.
    static func compared(_ turns: [Turn]) -> [Turn] {
        turns.map { turn in
            var t = turn
            t.trace = []
            if let items = t.summary?.debrief?.items {
                t.summary?.debrief?.items = items.map { item in
                    var i = item
                    i.phrase = nil
                    return i
                }
            }
            return t
        }
    }

    /// Where two runs of a test first differ: “the `matched` of turn 3”; nil when they
    /// do not.
    static func difference(_ a: [Turn], _ b: [Turn]) -> String? {
        guard a != b else { return nil }
        for (i, (x, y)) in zip(a, b).enumerated() where x != y {
            let fields: [(String, Bool)] = [
                ("node", x.node == y.node), ("state", x.state == y.state), ("say", x.say == y.say), ("ask", x.ask == y.ask),
                ("choices", x.choices == y.choices), ("expects", x.expects == y.expects), ("flags", x.flags == y.flags),
                ("crisis", x.crisis == y.crisis), ("matched", x.matched == y.matched), ("symptoms", x.symptoms == y.symptoms),
                ("scores", x.scores == y.scores), ("resources", x.resources == y.resources), ("note", x.note == y.note),
                ("summary", x.summary == y.summary),
            ]
            let changed = fields.filter { !$0.1 }.map { "`\($0.0)`" }
            return "the \(changed.isEmpty ? "turn" : changed.joined(separator: ", ")) of turn \(i)"
        }
        return "the number of turns"
    }

    /// A test by its file and the line of its `test:`.
    static func key(_ path: String, _ range: SourceRange) -> String { "\(path):\(range.start.line)" }

    /// Runs the tests, `first` before the others; with `stopping`, none after the first
    /// that fails.
    func runTests(
        _ target: MutationTarget, with loaded: LoadedBundle, first: (String) -> Bool = { _ in true },
        stopping: Bool = false
    ) -> SuiteResult {
        var run = RunOptions(measure: false)
        run.keepTurns = true
        run.stopsAtFirstFailure = stopping
        run.allowedBundles = options.allowedBundles
        let folder = target.folder
        var files = target.tests.map { file in
            var f = file
            f.tests = file.tests.filter { first(Self.key(file.path, $0.range)) }
            return f
        }
        files += target.tests.map { file in
            var f = file
            f.tests = file.tests.filter { !first(Self.key(file.path, $0.range)) }
            return f
        }
        return TestRunner(options: run, loadBundle: { $0 == folder ? .loaded(loaded) : TestRunner.loadFolder($0) })
            .run(files.filter { !$0.tests.isEmpty || $0.hasErrors })
    }

    func runEvals(_ target: MutationTarget, with loaded: LoadedBundle) -> EvalResult {
        guard !target.evals.isEmpty else { return EvalResult() }
        var runner = EvalRunner()
        let folder = target.folder
        runner.loadBundle = { $0 == folder ? .loaded(loaded) : TestRunner.loadFolder($0) }
        runner.firstPlaceOnly = true
        runner.keepsOutcomes = true
        runner.checksCopies = false
        // Mutants already run on every core.
        runner.workers = 1
        return runner.run(target.evals)
    }

    /// Loads the mutant, runs the tests, and compares what changed with the baseline.
    func judge(_ mutant: Mutant, against baseline: Baseline) -> MutantOutcome {
        var files = baseline.ownFiles
        files[mutant.path] = mutant.apply(to: files[mutant.path] ?? [])
        let result: LoadResult
        do {
            result = try BundleLoader.load(folder: mutant.bundle, comparingExamples: false, replacing: files)
        } catch {
            return .killed(by: "the bundle cannot be read: \(error.description)")
        }
        guard let loaded = LoadedBundle(result) else {
            let first = result.diagnostics.first { $0.diagnostic.isError }
            return .killed(by: "intake check: " + (first.map { "\($0.diagnostic.message) [\($0.diagnostic.code)]" } ?? "errors"))
        }
        // The tests that entered the changed file run first: a change is most often
        // caught there, and the run stops at the first failure.
        let file = BundleLoader.baseName(mutant.path)
        let suite = runTests(
            baseline.target, with: loaded, first: { baseline.filesEntered[$0]?.contains(file) ?? false },
            stopping: true)
        if let failed = suite.tests.first(where: { !$0.passed }) {
            return .killed(by: "test \(failed.path): \(failed.name)")
        }
        var changedTest: String?
        for test in suite.tests {
            let was = baseline.turns[Self.key(test.path, test.range)] ?? []
            if let difference = Self.difference(was, Self.compared(test.turns)) {
                changedTest = "\(difference) of \(test.path): \(test.name)"
                break
            }
        }
        let eval = runEvals(baseline.target, with: loaded)
        for (i, group) in eval.groups.enumerated() where i < baseline.outcomes.count {
            let changed = zip(group.outcomes, baseline.outcomes[i]).filter { $0 != $1 }.count
            if changed > 0 {
                return .killed(by: "\(changed) labelled line\(changed == 1 ? "" : "s") of \(baseline.groupNames[i]) read differently")
            }
        }
        return changedTest.map { .survived(changed: $0) } ?? .equivalent
    }
}

extension MutationRunner {
    /// FNV-1a of a text: a stable number for a stratum's name.
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
