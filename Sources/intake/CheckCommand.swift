import ArgumentParser
import DialogFiles
import DialogModel
import DialogTesting

/// `intake check [DIR]`: every problem of a bundle at once.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a dialogs folder and report every problem at once.",
        discussion: """
            Prints each problem as `file:line:col: error: message [code]` with the source \
            line, a caret and a hint. Exits 65 when there are errors; with --strict, exits \
            1 when there are warnings only.
            """
    )

    @Argument(help: "The bundle folder (default: $INTAKE_DIALOGS, ./Dialogs, or the installed dialogs).")
    var folder: String?

    @Flag(help: "Treat warnings as failures (exit status 1).")
    var strict = false

    @OptionGroup var paths: PathWalkOptions

    func run() throws {
        let folder = DialogsLocation.resolve(folder)
        try FileMessages.checkCreatable([paths.golden])
        let result = try BundleReading.load(folder)
        if !result.diagnostics.isEmpty {
            FileIO.write(result.renderedDiagnostics(), to: 2)
        }
        let errors = result.errorCount, warnings = result.warningCount
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if let bundle = result.bundle {
            FileIO.write("\(folder): \(plural(bundle.nodes.count, "node")), \(plural(bundle.intents.count, "intent")), \(plural(errors, "error")), \(plural(warnings, "warning"))\n", to: 1)
        } else {
            FileIO.write("\(folder): \(plural(errors, "error")), \(plural(warnings, "warning"))\n", to: 2)
        }
        if errors > 0 { throw ExitStatus.dataError }
        if paths.requested, let bundle = LoadedBundle(result), try !paths.walk(bundle, folder: folder) { throw ExitStatus.dataError }
        if strict && warnings > 0 { throw ExitStatus.failure }
    }
}
