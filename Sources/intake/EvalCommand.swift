import ArgumentParser
import DialogTesting

/// `intake eval [PATH…]`: measures how lines people type are understood.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure understanding on labelled lines (*.eval files).",
        discussion: """
            Types every labelled line at each of its places, each on a fresh session, and \
            reports the lines read wrongly, the measures of each group against its \
            thresholds, and `eval: N passed, N failed`. A bundle folder means its \
            tests/understanding/ folder; another folder, every *.eval file below it. Measures \
            listed in known-failures.tsv (beside the files) may miss their thresholds; one \
            that meets its threshold must be removed from the list. Exits 1 when a measure \
            is outside its threshold, 65 for a malformed file or a held-apart line copied \
            from a phrase, 66 when a path cannot be read.
            """
    )

    @Argument(help: "Folders or *.eval files (default: the tests/understanding/ folder of $INTAKE_DIALOGS, ./Dialogs, or the installed dialogs).")
    var paths: [String] = []

    @Option(name: .customLong("known-failures"), help: "The list of measures known not to meet their thresholds yet (default: known-failures.tsv in the folder given).")
    var knownFailures: String?

    func run() throws {
        var given = paths.isEmpty ? [DialogsLocation.resolve(nil)] : paths
        // A bundle folder (one with tests/understanding/) means that folder.
        given = given.map { path in
            let understanding = TestFiles.join(TestFiles.join(path, "tests"), "understanding")
            return TestFiles.isDirectory(understanding) ? understanding : path
        }
        let files = try InputFiles.parsed(given, as: EvalParser.self)
        var known: [EvalKnownFailure] = []
        let listPath = knownFailures ?? given.first.map { TestFiles.join($0, "known-failures.tsv") }
        if let listPath, knownFailures != nil || TestFiles.exists(listPath) {
            known = EvalKnownFailure.parse(String(decoding: try InputFiles.bytes(listPath), as: UTF8.self))
        }
        let result = EvalRunner(knownFailures: known).run(files)
        let diagnostics = EvalReport.diagnostics(result)
        if !diagnostics.isEmpty { FileIO.write(diagnostics, to: 2) }
        if result.hasErrors { throw ExitStatus.dataError }
        FileIO.write(EvalReport.render(result), to: 1)
        if files.isEmpty {
            FileIO.write("no *.eval files found in \(given.joined(separator: ", "))\n", to: 2)
            throw ExitStatus.failure
        }
        if !result.unmet.isEmpty || !result.staleKnownFailures.isEmpty { throw ExitStatus.failure }
    }
}
