import ArgumentParser
import DialogEngine
import DialogFiles
import DialogModel
import DialogSyntax
import DialogTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `intake test [PATH…]`: runs scripted dialog tests.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run scripted dialog tests.",
        discussion: """
            Runs every *.test file in the given files and folders (default: the dialogs' \
            tests/ folder), each test on a fresh session. A failure shows the file and line \
            of the expectation and of its step, a diff of what was expected against what \
            the assistant said, and the whole turn. The last line reads `N passed, N \
            failed`. Exits 1 when a test fails, 65 when a test file or its bundle has errors.
            """
    )

    @Argument(help: "Test files or folders (default: the tests/ folder of $INTAKE_DIALOGS, ./Dialogs, or the installed dialogs).")
    var paths: [String] = []

    @Option(help: "Run only the tests whose `file: name` contains this text (ignoring case).")
    var filter: String?

    @Option(name: .customLong("bundle"), help: "A bundle folder test files may name in `bundle:` although it is outside the folder that holds their tests/ folder (repeatable).")
    var allowedBundles: [String] = []

    @Option(help: "Also write the results as JUnit XML to FILE.")
    var junit: String?

    @Flag(help: "Report which nodes, choices, routes and intents the tests reached, and what they did not.")
    var coverage = false

    @Option(name: .customLong("min-coverage"), help: "Fail (exit 1) when less than P percent of the bundle was reached; implies --coverage.")
    var minCoverage: Double?

    @Option(help: "Also write every turn of every test to FILE, one protocol-2 JSON object per line (to check a program that reads turns).")
    var turns: String?

    @Flag(help: "Rewrite the `is:` texts that differ with what the assistant says now, for review.")
    var update = false

    @Option(help: "Write the tests that ran to FILE as golden tests: each test's lines, each distinct turn pinned in full once (one bundle's tests at a time).")
    var record: String?

    @Flag(help: "Also walk every path of each tested bundle, as intake check --paths does.")
    var explore = false

    @OptionGroup var walk: PathWalkOptions

    @OptionGroup var mutation: MutateOptions

    @Flag(name: .shortAndLong, help: "List every test, not only the failures.")
    var verbose = false

    @Flag(help: "Print how many steps ran, and how fast.")
    var timing = false

    func validate() throws {
        if let p = minCoverage, !(0...100).contains(p) { throw ValidationError("--min-coverage takes a percentage from 0 to 100") }
    }

    func run() throws {
        // The files asked for are checked before any test runs.
        try FileMessages.checkCreatable([turns, junit, walk.golden, record])
        let given = paths.isEmpty ? DefaultTests.folders(DialogsLocation.resolve(nil)) : paths
        var files = try InputFiles.parsed(given, as: TestParser.self) { missing in
            paths.isEmpty ? DialogsLocation.hint(forMissing: missing, command: "test") : nil
        }
        if mutation.enabled {
            try mutation.run(files, given: given, allowedBundles: allowedBundles)
            return
        }
        let wantsCoverage = coverage || minCoverage != nil
        var options = RunOptions(filter: filter, coverage: wantsCoverage)
        options.keepTurns = turns != nil || record != nil
        options.allowedBundles = allowedBundles
        var result: SuiteResult
        if update {
            options.update = true
            let first = TestRunner(options: options).run(files)
            try applyRewrites(first, files: &files)
            options.update = false
        }
        result = TestRunner(options: options).run(files)

        var explorationFailed = false
        if explore {
            for folder in uniqueBundles(result) {
                let outcome = TestRunner.loadFolder(folder)
                guard case .loaded(let bundle) = outcome else { continue }
                if try !walk.walk(bundle, folder: folder) { explorationFailed = true }
            }
        }

        let diagnostics = TestReport.diagnostics(result)
        if !diagnostics.isEmpty { FileIO.write(diagnostics, to: 2) }
        if let turns {
            do {
                try WholeFile.write(result.tests.flatMap(\.turns).map { $0.jsonLine() + "\n" }.joined(), to: turns)
            } catch {
                FileMessages.cannotWrite(error)
                throw ExitStatus.ioError
            }
        }
        if let record { try writeRecording(result, files: files, to: record) }
        if let junit {
            do {
                try WholeFile.write(JUnitWriter.xml(result), to: junit)
            } catch {
                FileMessages.cannotWrite(error)
                throw ExitStatus.ioError
            }
        }
        var report = TestReport.render(result, verbose: verbose)
        let closing = TestReport.summary(result)
        report.removeLast(closing.utf8.count)
        var belowMinimum = false
        if wantsCoverage {
            for c in result.coverage { report += c.rendered() }
            if let minCoverage {
                let items = result.coverage.flatMap(\.items)
                let percent = items.isEmpty ? 100 : Double(items.filter(\.reached).count) * 100 / Double(items.count)
                if percent + 1e-9 < minCoverage {
                    belowMinimum = true
                    report += "coverage \(CoverageReport.format(percent)) is below the minimum of \(CoverageReport.format(minCoverage))\n"
                }
            }
        }
        if timing { report += TestReport.timing(result) }
        if result.tests.isEmpty && !result.hasErrors {
            report += filter == nil ? "no tests found in \(given.joined(separator: ", "))\n" : "no test matches --filter \(filter ?? "")\n"
        }
        FileIO.write(report + closing, to: 1)
        if result.hasErrors { throw ExitStatus.dataError }
        if result.failed > 0 || belowMinimum || explorationFailed || result.tests.isEmpty { throw ExitStatus.failure }
    }

    /// `--record`: the tests that ran, as golden tests of their one bundle.
    private func writeRecording(_ result: SuiteResult, files: [TestFile], to path: String) throws {
        let bundles = uniqueBundles(result)
        guard bundles.count == 1, let folder = bundles.first, result.failed == 0 else {
            FileIO.write(
                "intake: --record writes the tests of one bundle, all passing; "
                    + (result.failed > 0 ? "fix the failures first" : "these test \(bundles.count) bundles") + "\n", to: 2)
            throw ExitStatus.failure
        }
        let inTests = TestFiles.bundleFolder(for: path, header: nil).map(TestFiles.normalize) == TestFiles.normalize(folder)
        let header = inTests ? nil : RecordPaths.relativeBundle(folder, from: TestFiles.parent(path))
        do {
            try WholeFile.write(Recording.goldenTests(result, files: files, bundle: header), to: path)
        } catch {
            FileMessages.cannotWrite(error)
            throw ExitStatus.ioError
        }
        FileIO.write("wrote \(result.tests.count) golden tests to \(path)\n", to: 1)
    }

    private func uniqueBundles(_ result: SuiteResult) -> [String] {
        var out: [String] = []
        for file in result.files { if let b = file.bundle, !out.contains(b) { out.append(b) } }
        return out
    }

    /// `--update`: writes the new texts into the files, says which, and reads them again.
    private func applyRewrites(_ result: SuiteResult, files: inout [TestFile]) throws {
        var byPath: [String: [Rewrite]] = [:]
        for r in result.rewrites { byPath[r.path, default: []].append(r) }
        for (i, file) in files.enumerated() {
            guard let rewrites = byPath[file.path] else { continue }
            let bytes = Rewriting.apply(rewrites, to: file.source.bytes)
            do {
                try WholeFile.write(bytes, to: file.path, keepingMode: true)
            } catch {
                FileMessages.cannotWrite(error)
                throw ExitStatus.ioError
            }
            FileIO.write(Rewriting.diff(rewrites, to: file.source.bytes, path: file.path), to: 1)
            let n = rewrites.count
            FileIO.write("updated \(n) expectation\(n == 1 ? "" : "s") in \(file.path); review the change before committing it\n", to: 1)
            files[i] = TestParser.parse(bytes, path: file.path)
        }
    }
}

/// The options of walking a bundle's paths, shared by `intake check --paths` and
/// `intake test --explore`.
struct PathWalkOptions: ParsableArguments {
    @Flag(name: .customLong("paths"), help: "Walk every path from the start node and report dead ends, loops with no way out, and crisis intents not reachable.")
    var enabled = false

    @Option(name: .customLong("max-depth"), help: "The most answers on one walked path.")
    var maxDepth = 40

    @Option(name: .customLong("max-states"), help: "The most distinct session states to walk.")
    var maxStates = 5000

    @Option(name: .customLong("visits-per-question"), help: "How many times to walk on from one question with different variables.")
    var visitsPerQuestion = 2

    @Option(help: "The region to walk the paths in.")
    var region = "US"

    @Option(help: "Write a golden test per walked path to FILE (a test file that replays each path); implies --paths.")
    var golden: String?

    /// Whether `intake check` should walk the paths.
    var requested: Bool { enabled || golden != nil }

    /// Walks a bundle: prints its problems (standard error) and a summary line; writes
    /// the golden tests when asked. False when there are problems.
    func walk(_ bundle: LoadedBundle, folder: String) throws -> Bool {
        let report: ExplorationReport
        do {
            report = try PathExplorer.explore(bundle, options: PathOptions(maxDepth: maxDepth, maxStates: maxStates, visitsPerQuestion: visitsPerQuestion, region: region))
        } catch {
            FileIO.write("intake: \(error)\n", to: 2)
            throw ExitCode(64)
        }
        if !report.findings.isEmpty { FileIO.write(report.renderedFindings(), to: 2) }
        let n = report.findings.count
        var line = "\(folder): walked \(report.paths.count) paths through \(report.states) states, \(n) problem\(n == 1 ? "" : "s")"
        if report.truncated { line += " (stopped at the bound somewhere: --max-depth \(maxDepth), --max-states \(maxStates))" }
        FileIO.write(line + "\n", to: 1)
        if let golden {
            let inTests = TestFiles.bundleFolder(for: golden, header: nil).map(TestFiles.normalize) == TestFiles.normalize(folder)
            let header = inTests ? nil : RecordPaths.relativeBundle(folder, from: TestFiles.parent(golden))
            do {
                try WholeFile.write(report.goldenTests(bundle: header), to: golden)
            } catch {
                FileMessages.cannotWrite(error)
                throw ExitStatus.ioError
            }
            let far = header != nil && !TestFiles.isInside(folder, TestFiles.bundleRoot(for: golden))
            FileIO.write(
                "wrote \(report.paths.count) golden tests to \(golden)"
                    + (far ? "; run them with intake test \(golden) --bundle \(folder)" : "") + "\n", to: 1)
        }
        return report.findings.isEmpty
    }
}

/// Paths as test files write them.
enum RecordPaths {
    /// The bundle folder relative to the folder a test file is written in, through the
    /// real paths of both (so `..` and symbolic links read right).
    static func relativeBundle(_ bundle: String, from folder: String) -> String {
        guard let b = real(bundle), let f = real(folder) else { return bundle }
        return TestFiles.relative(b, from: f)
    }

    static func real(_ path: String) -> String? {
        TestFiles.realFolder(path)
    }
}

/// What `intake test` runs without a path.
enum DefaultTests {
    /// The dialogs' `tests/` folder, and the `tests/` folder of every training module that
    /// has one (the transcripts its rubric is calibrated against).
    static func folders(_ dialogs: String) -> [String] {
        let training = FileReading.join(dialogs, "training")
        return [TestFiles.join(dialogs, "tests")] + calibrationFolders(of: TrainCommand.modules(in: training), in: training)
    }

    /// The `tests/` folders of those training modules that have one.
    static func calibrationFolders(of modules: [String], in training: String) -> [String] {
        modules.map { FileReading.join(FileReading.join(training, $0), "tests") }.filter { FileReading.kind(of: $0) == .folder }
    }
}
