import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax

/// A bundle as the runner gets it: loaded, or why it could not be.
package enum BundleOutcome: Sendable {
    case loaded(LoadedBundle)
    /// The reason, in a few words ("it has 3 errors; run intake check Dialogs"), and the
    /// full diagnostics for the command to print once.
    case failed(reason: String, details: String)
}

/// How to run a suite.
package struct RunOptions: Sendable {
    /// Runs only the tests whose `file: name` contains this, ignoring case.
    package var filter: String?
    /// Notes what the tests reach, for ``SuiteResult/coverage``.
    package var coverage = false
    /// Rewrites the `is:` texts that differ (``SuiteResult/rewrites``) and goes on.
    package var update = false
    /// Measures how long each test takes (off for reproducible output).
    package var measure = true
    /// Keeps every turn of every test (``TestResult/turns``).
    package var keepTurns = false
    /// Runs no test after the first that fails (mutation testing needs only one).
    package var stopsAtFirstFailure = false
    /// Bundle folders a test file may name in `bundle:` wherever they are (given on the
    /// command line); any other must be inside ``TestFiles/bundleRoot(for:)``.
    package var allowedBundles: [String] = []

    package init(filter: String? = nil, coverage: Bool = false, update: Bool = false, measure: Bool = true) {
        self.filter = filter
        self.coverage = coverage
        self.update = update
        self.measure = measure
    }
}

/// What happened to one test.
package struct TestResult: Sendable {
    package enum Outcome: Sendable {
        case passed
        case failed(Failure)
        /// Not run because its file (or its bundle) has errors.
        case notRun(String)
        /// Its session could not start (the region or the start node it names): why.
        /// A failure, never a pass, although the file's checks should have caught it.
        case couldNotStart(String)
    }

    package var name: String
    package var path: String
    /// The range of its `test:` line.
    package var range: SourceRange
    package var outcome: Outcome
    /// Turns taken: the opening, each line typed and each end of input.
    package var steps: Int
    package var duration: Duration
    /// Every turn the test's session gave, in order, when ``RunOptions/keepTurns``.
    package var turns: [Turn] = []

    package var passed: Bool { outcome.isPassed }
}

extension TestResult.Outcome {
    package var isPassed: Bool {
        if case .passed = self { return true }
        return false
    }
}

/// The first expectation a test did not meet, with the turn it was checked against.
package struct Failure: Sendable {
    /// The step: what was typed and where.
    package var step: Step
    /// The step's first expectation that failed.
    package var expectation: Expectation
    package var mismatch: Mismatch
    package var turn: Turn
    /// The step's other expectations that failed, in order: every problem of a step is
    /// shown at once.
    package var others: [(expectation: Expectation, mismatch: Mismatch)] = []
}

/// A test file's results.
package struct FileResult: Sendable {
    package var path: String
    package var source: SourceFile
    /// The bundle folder it tests, when known.
    package var bundle: String?
    /// Problems in the file, and in its expectations read against the bundle.
    package var diagnostics: [Diagnostic]
    package var tests: [TestResult]
}

/// Lines of a test file to replace (`--update`): `FIELD is:` lines with what the
/// assistant said.
package struct Rewrite: Sendable, Equatable {
    package var path: String
    package var lines: ClosedRange<Int>
    package var replacement: [String]
}

/// The results of a run.
package struct SuiteResult: Sendable {
    package var files: [FileResult]
    /// Bundles that could not be used: folder and the diagnostics to show once.
    package var bundleProblems: [(folder: String, details: String)]
    package var coverage: [CoverageReport]
    package var rewrites: [Rewrite]
    package var duration: Duration

    package var tests: [TestResult] { files.flatMap(\.tests) }
    package var passed: Int { tests.filter(\.passed).count }
    /// Failed tests, and files with errors but no test to blame them on.
    package var failed: Int {
        tests.count - passed + files.filter { $0.tests.isEmpty && $0.diagnostics.contains(where: \.isError) }.count
    }
    package var steps: Int { tests.reduce(0) { $0 + $1.steps } }
    package var hasErrors: Bool { files.contains { $0.diagnostics.contains(where: \.isError) } }
}

/// Runs scripted tests: each test a fresh session of its bundle, each line typed
/// answered, each expectation checked against the turn.
package struct TestRunner {
    package var options: RunOptions
    /// Loads a bundle folder; called once per folder.
    package var loadBundle: (String) -> BundleOutcome

    package init(options: RunOptions = RunOptions(), loadBundle: @escaping (String) -> BundleOutcome = TestRunner.loadFolder) {
        self.options = options
        self.loadBundle = loadBundle
    }

    /// Loads a bundle folder from disk.
    package static func loadFolder(_ folder: String) -> BundleOutcome {
        let result: LoadResult
        do {
            result = try BundleLoader.load(folder: folder)
        } catch {
            return .failed(reason: error.reason, details: "")
        }
        guard let bundle = LoadedBundle(result) else {
            let n = result.errorCount
            return .failed(
                reason: "it has \(n) error\(n == 1 ? "" : "s"); run intake check \(folder)",
                details: result.renderedDiagnostics())
        }
        return .loaded(bundle)
    }

    /// Whether a test file may name `folder` in its `bundle:`.
    private func mayName(_ folder: String, from path: String) -> Bool {
        // A folder that does not exist shows nothing: loading it says so.
        TestFiles.realFolder(folder) == nil || TestFiles.isInside(folder, TestFiles.bundleRoot(for: path))
            || options.allowedBundles.contains { TestFiles.isInside(folder, $0) }
    }

    /// Runs parsed test files.
    package func run(_ files: [TestFile]) -> SuiteResult {
        let clock = ContinuousClock()
        let began = clock.now
        var bundles: [String: BundleOutcome] = [:]
        var folders: [String] = []
        var prototypes: [String: Session] = [:]
        var trackers: [String: CoverageTracker] = [:]
        var rewrites: [Rewrite] = []
        var results: [FileResult] = []

        everyFile: for file in files {
            var result = FileResult(path: file.path, source: file.source, bundle: nil, diagnostics: file.diagnostics, tests: [])
            let selected = file.tests.filter { selects(file.path, $0.name) }
            if options.filter != nil && selected.isEmpty && !file.hasErrors { continue }
            var folder = TestFiles.bundleFolder(for: file.path, header: file.bundle?.value)
            result.bundle = folder
            let at = file.bundle?.range ?? SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1))
            var loaded: LoadedBundle?
            if let named = folder, file.bundle != nil, !mayName(named, from: file.path) {
                let root = TestFiles.bundleRoot(for: file.path)
                result.diagnostics.append(
                    TestMessage.bundleUnavailable(
                        named, "a test file may name only a bundle inside \(root); give the folder with --bundle \(named) to allow it", at))
                folder = nil
            } else if let folder {
                if bundles[folder] == nil {
                    bundles[folder] = loadBundle(folder)
                    folders.append(folder)
                }
                switch bundles[folder] {
                case .loaded(let b): loaded = b
                case .failed(let reason, _): result.diagnostics.append(TestMessage.bundleUnavailable(folder, reason, at))
                case nil: break
                }
            } else if file.bundle == nil {
                result.diagnostics.append(
                    TestMessage.bundleUnavailable(
                        "?", "the file is not in a bundle's tests/ folder and names no bundle", at))
            }
            if let loaded { result.diagnostics += Validation.check(file, against: loaded.bundle) }
            result.diagnostics.sort { ($0.range.start.offset, $0.code) < ($1.range.start.offset, $1.code) }

            guard let loaded, let folder, !result.diagnostics.contains(where: \.isError) else {
                let reason = "\(file.path) has errors"
                result.tests = selected.map {
                    TestResult(name: $0.name, path: file.path, range: $0.range, outcome: .notRun(reason), steps: 0, duration: .zero)
                }
                results.append(result)
                continue
            }
            let bundle = loaded.bundle
            if options.coverage && trackers[folder] == nil { trackers[folder] = CoverageTracker(bundle: loaded, folder: folder) }
            for test in selected {
                let t0 = options.measure ? clock.now : began
                var run = TestRun(file: file, test: test, bundle: bundle, update: options.update)
                run.keepsTurns = options.keepTurns
                run.tracker = trackers[folder]
                run.execute(prototypes: &prototypes, key: folder)
                trackers[folder] = run.tracker
                rewrites += run.rewrites.filter { r in !rewrites.contains { $0.path == r.path && $0.lines.overlaps(r.lines) } }
                let duration = options.measure ? clock.now - t0 : .zero
                result.tests.append(
                    TestResult(
                        name: test.name, path: file.path, range: test.range,
                        outcome: run.outcome,
                        steps: run.steps, duration: duration, turns: run.turns))
                if !run.outcome.isPassed && options.stopsAtFirstFailure {
                    results.append(result)
                    break everyFile
                }
            }
            results.append(result)
        }
        let problems: [(folder: String, details: String)] = folders.compactMap { folder in
            if case .failed(_, let details) = bundles[folder] { return (folder, details) }
            return nil
        }
        let coverage = folders.compactMap { trackers[$0]?.report() }
        return SuiteResult(
            files: results, bundleProblems: problems, coverage: coverage, rewrites: rewrites,
            duration: options.measure ? clock.now - began : .zero)
    }

    private func selects(_ path: String, _ name: String) -> Bool {
        guard let filter = options.filter, !filter.isEmpty else { return true }
        return "\(path): \(name)".lowercased().contains(filter.lowercased())
    }
}

/// One test on a fresh session.
struct TestRun {
    let file: TestFile
    let test: TestCase
    let bundle: DialogBundle
    let update: Bool
    var tracker: CoverageTracker?
    var keepsTurns = false
    var turns: [Turn] = []
    var steps = 0
    var failure: Failure?
    /// Why the session could not start, when it could not.
    var startProblem: SessionError?
    var rewrites: [Rewrite] = []

    /// What happened: a test whose session never started did not pass.
    var outcome: TestResult.Outcome {
        if let startProblem { return .couldNotStart("its session could not start: \(startProblem)") }
        return failure.map { .failed($0) } ?? .passed
    }

    init(file: TestFile, test: TestCase, bundle: DialogBundle, update: Bool) {
        self.file = file
        self.test = test
        self.bundle = bundle
        self.update = update
    }

    mutating func execute(prototypes: inout [String: Session], key: String) {
        let setup = file.setup, own = test.section
        let region = own.region?.value ?? setup.region?.value ?? "US"
        let startWritten = own.start?.value ?? setup.start?.value
        let start = startWritten.map { NodeID($0, in: bundle.start.file) } ?? bundle.start
        let seed = own.seed?.value ?? setup.seed?.value ?? 0
        // A fresh session is a copy of one made once per bundle, region, start and seed.
        let protoKey = "\(key)\u{1}\(region)\u{1}\(start)\u{1}\(seed)"
        var session: Session
        if let proto = prototypes[protoKey] {
            session = proto
        } else {
            // The start node and the region were checked against the bundle before; a
            // session that still cannot start fails the test rather than passing it.
            do {
                session = try Session(bundle: bundle, region: region, start: start, seed: seed)
            } catch {
                startProblem = error
                return
            }
            prototypes[protoKey] = session
        }
        for preset in setup.presets + own.presets { session.preset(preset.name, to: preset.value) }
        var turn = session.open()
        steps = 1
        tracker?.took(turn)
        if keepsTurns { turns.append(turn) }
        for step in setup.steps + own.steps {
            switch step.action {
            case .open, .latest: break
            case .line(let line):
                turn = session.respond(to: line)
                steps += 1
            case .endOfInput:
                turn = session.end()
                steps += 1
            }
            if step.action != .open && step.action != .latest {
                tracker?.took(turn)
                if keepsTurns { turns.append(turn) }
            }
            var stepRewrites: [Rewrite] = []
            var failed: [(expectation: Expectation, mismatch: Mismatch)] = []
            for expectation in step.expectations {
                guard let mismatch = expectation.mismatch(in: turn, session: session, bundle: bundle) else { continue }
                if update, case .text(let field, .exactly) = expectation.check {
                    let indent = indentation(of: expectation.lines.lowerBound)
                    stepRewrites.append(
                        Rewrite(
                            path: file.path, lines: expectation.lines,
                            replacement: TestText.exactLines(field, field.items(of: turn)).map { indent + $0 }))
                    continue
                }
                failed.append((expectation, mismatch))
            }
            if let first = failed.first {
                // With --update, a step that fails otherwise (the wrong node, say) keeps
                // its texts: they would pin what the wrong turn said.
                var at = step
                // Before the first line of a test without shared lines is the opening turn.
                if at.action == .latest && !setup.steps.contains(where: { $0.action != .open }) { at.action = .open }
                failure = Failure(
                    step: at, expectation: first.expectation, mismatch: first.mismatch, turn: turn,
                    others: Array(failed.dropFirst()))
                return
            }
            rewrites += stepRewrites
        }
    }

    private func indentation(of line: Int) -> String {
        var number = 1, i = 0
        let bytes = file.source.bytes
        while number < line && i < bytes.count {
            if bytes[i] == 0x0A { number += 1 }
            i += 1
        }
        var indent = ""
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) {
            indent.append(bytes[i] == 0x20 ? " " : "\t")
            i += 1
        }
        return indent
    }
}

/// Expectations read against the bundle they test: node ids, scales, symptoms,
/// intents, the start node and the region.
enum Validation {
    static func check(_ file: TestFile, against bundle: DialogBundle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let nodeNames = bundle.nodeOrder.map(\.description)
        func node(_ written: String, _ range: SourceRange) {
            let id = NodeID(written, in: bundle.start.file)
            if bundle.nodes[id] == nil {
                out.append(TestMessage.unknownName("node", written, range, suggestion: Suggestion.closest(to: id.description, among: nodeNames)))
            }
        }
        let choiceIDs = Set(bundle.nodes.values.lazy.flatMap(\.choices).map(\.id)).union(Session.builtInChoiceIDs)
        let sections = [file.setup] + file.tests.map(\.section)
        for section in sections {
            if let start = section.start { node(start.value, start.range) }
            if let region = section.region, bundle.region(named: region.value) == nil, !bundle.regions.isEmpty {
                let codes = bundle.regions.map(\.code)
                out.append(TestMessage.unknownRegion(region.value, known: codes, region.range))
            }
            for step in section.steps {
                for e in step.expectations {
                    switch e.check {
                    case .node(let written):
                        node(written, e.range)
                    case .rubricItem(let id, _) where !bundle.rubric.contains(where: { $0.id == id }):
                        out.append(TestMessage.unknownName("rubric item", id, e.range, suggestion: Suggestion.closest(to: id, among: bundle.rubric.map(\.id))))
                    case .passed where bundle.kind != .training:
                        out.append(TestMessage.noDebrief("passed:", e.range))
                    case .score(let name, _) where bundle.scales[name] == nil:
                        out.append(TestMessage.unknownName("scale", name, e.range, suggestion: Suggestion.closest(to: name, among: bundle.scales.keys.sorted())))
                    case .list(let field, .exactly(let ids)), .list(let field, .contains(let ids)), .list(let field, .lacks(let ids)):
                        guard field == .reported || field == .denied else { continue }
                        let known = bundle.symptoms.map(\.id)
                        for id in ids where !known.contains(id) {
                            out.append(TestMessage.unknownName("symptom", id, e.range, suggestion: Suggestion.closest(to: id, among: known)))
                        }
                    case .matched(by: .intent, let id?) where !bundle.intents.contains(where: { $0.id == id }):
                        out.append(TestMessage.unknownName("intent", id, e.range, suggestion: Suggestion.closest(to: id, among: bundle.intents.map(\.id))))
                    case .matched(by: .choice, let id?) where !choiceIDs.contains(id):
                        // A label written where the id belongs: name the id it has.
                        let byLabel = bundle.nodes.values.lazy.flatMap(\.choices).first { $0.label.raw == id }?.id
                        out.append(
                            TestMessage.unknownName(
                                "choice id", id, e.range,
                                suggestion: byLabel ?? Suggestion.closest(to: id, among: choiceIDs.sorted())))
                    default:
                        break
                    }
                }
            }
        }
        return out
    }
}
