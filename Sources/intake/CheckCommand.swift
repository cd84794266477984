import ArgumentParser
import DialogFiles
import DialogModel
import DialogSyntax
import DialogTesting

/// `intake check [DIR]`: every problem of a bundle at once.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a dialogs folder and report every problem at once.",
        discussion: """
            Prints each problem as `file:line:col: error: message [code]` with the source \
            line, a caret and a hint. Exits 65 when there are errors; with --strict, exits \
            1 when there are warnings only. With --readability, also warns of texts above \
            the bundle's reading grade (IC036) and screens above its words per screen \
            (IC037), and lists the nodes exempt from them.
            """
    )

    @Argument(help: "The bundle folder (default: $INTAKE_DIALOGS, ./Dialogs, or the installed dialogs).")
    var folder: String?

    @Flag(help: "Treat warnings as failures (exit status 1).")
    var strict = false

    @Flag(help: "Also hold each text to the bundle's reading grade and words per screen (`readability:`).")
    var readability = false

    @OptionGroup var paths: PathWalkOptions

    func run() throws {
        let folder = DialogsLocation.resolve(folder)
        try FileMessages.checkCreatable([paths.golden])
        var result = try BundleReading.load(folder)
        if readability { result = result.adding(ReadabilityCheck.diagnostics(of: result)) }
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
        if readability && result.bundle != nil { FileIO.write(Self.exemptionList(result), to: 1) }
        if errors > 0 { throw ExitStatus.dataError }
        if paths.requested, let bundle = LoadedBundle(result), try !paths.walk(bundle, folder: folder) { throw ExitStatus.dataError }
        if strict && warnings > 0 { throw ExitStatus.failure }
    }

    /// The nodes exempt from the readability limits, with their reasons, so that an
    /// exemption is seen at every check and not forgotten.
    static func exemptionList(_ result: LoadResult) -> String {
        let exemptions = ReadabilityCheck.exemptions(of: result)
        guard !exemptions.isEmpty else { return "readability: no node is exempt\n" }
        var out = "readability: \(exemptions.count) node\(exemptions.count == 1 ? " is" : "s are") exempt:\n"
        for e in exemptions {
            out += "  \(e.path):\(e.exemption.range.start.line): \(e.node.name): \(VisibleText.stripping(e.exemption.reason, keepingLineBreaks: false))\n"
        }
        return out
    }
}
