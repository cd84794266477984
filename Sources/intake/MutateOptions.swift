import ArgumentParser
import DialogModel
import DialogTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `intake test --mutate`: mutation testing of the tested bundles against their tests and
/// the labelled lines beside them.
struct MutateOptions: ParsableArguments {
    @Flag(
        name: .customLong("mutate"),
        help: "Change each tested bundle in small ways (a text, a goto, a phrase, a condition, a phone number) and report the changes no test and no labelled line notices.")
    var enabled = false

    @Option(name: .customLong("mutate-seed"), help: "The seed that chooses the mutants and their details.")
    var seed: UInt64 = 1

    @Option(help: "Run at most N mutants, spread evenly over every operator of every bundle (default: every mutant).")
    var budget: Int?

    @Option(help: "Only these operators, separated by commas: \(MutationOperator.allCases.map(\.rawValue).joined(separator: ", ")).")
    var operators: String?

    @Option(name: .customLong("min-kill"), help: "Fail (exit 1) when fewer than P percent of the mutants the tests can see are killed.")
    var minKill: Double?

    @Option(name: .customLong("time-limit"), help: "Start no mutant after this many seconds; the rest are reported as not run.")
    var timeLimit: Int?

    func validate() throws {
        if let p = minKill, !(0...100).contains(p) { throw ValidationError("--min-kill takes a percentage from 0 to 100") }
        if let b = budget, b < 1 { throw ValidationError("--budget takes a positive number of mutants") }
        if let t = timeLimit, t < 1 { throw ValidationError("--time-limit takes a positive number of seconds") }
        _ = try chosenOperators()
    }

    /// The operators `--operators` names; nil for all.
    func chosenOperators() throws -> Set<MutationOperator>? {
        guard let operators else { return nil }
        var chosen = Set<MutationOperator>()
        for name in operators.split(separator: ",").map({ String($0.filter { $0 != " " }) }) {
            guard let op = MutationOperator(rawValue: name) else {
                throw ValidationError(
                    "no mutation operator `\(name)`; the operators are: "
                        + MutationOperator.allCases.map(\.rawValue).joined(separator: ", "))
            }
            chosen.insert(op)
        }
        return chosen
    }

    /// Runs the mutants of every bundle the test files test, with the `*.eval` files
    /// found in `given`; prints the report, and throws the exit status.
    func run(_ files: [TestFile], given: [String], allowedBundles: [String]) throws {
        var targets: [MutationTarget] = []
        for file in files {
            guard let folder = TestFiles.bundleFolder(for: file.path, header: file.bundle?.value) else { continue }
            if let i = targets.firstIndex(where: { $0.folder == folder }) {
                targets[i].tests.append(file)
            } else {
                targets.append(MutationTarget(folder: folder, tests: [file], evals: []))
            }
        }
        for file in try InputFiles.parsed(given, as: EvalParser.self) {
            guard let folder = TestFiles.bundleFolder(for: file.path, header: file.bundle),
                let i = targets.firstIndex(where: { $0.folder == folder })
            else { continue }
            targets[i].evals.append(file)
        }
        guard !targets.isEmpty else {
            FileIO.write("intake: no tests found in \(given.joined(separator: ", ")) to mutate their bundles against\n", to: 2)
            throw ExitStatus.failure
        }
        var options = MutationOptions()
        options.seed = seed
        options.budget = budget
        options.operators = try chosenOperators()
        options.timeLimit = timeLimit.map { .seconds($0) }
        options.workers = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        options.allowedBundles = allowedBundles
        let report: MutationReport
        do {
            report = try MutationRunner(options: options).run(targets)
        } catch {
            FileIO.write("intake: \(error.description)\n", to: 2)
            throw ExitStatus.failure
        }
        FileIO.write(report.rendered(), to: 1)
        if let minKill, report.total.rate < minKill {
            FileIO.write("kill rate \(MutationReport.decimal(report.total.rate))% is below the minimum of \(MutationReport.decimal(minKill))%\n", to: 1)
            throw ExitStatus.failure
        }
    }
}
