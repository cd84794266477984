import ArgumentParser
import DialogFiles
import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `intake train [NAME]`: staff training. With no name, lists the modules of
/// `Dialogs/training/`; with one, runs it — a knowledge check or a caller role-play —
/// through the same engine and REPL as the chat, and ends with a scored debrief.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Staff training: knowledge checks and caller role-plays with a scored debrief.",
        discussion: """
            With no NAME, lists the training modules (the folders of DIALOGS/training/) with \
            a line each. With a NAME, runs it: in a role-play the program speaks as a caller \
            and you type what you would say; each line is read against the module's rubric. \
            The debrief lists each rubric item met or missed, with the line that met it. \
            Nothing is written to disk unless you ask for --report or --transcript (mode 0600).
            """
    )

    @Argument(help: "The module to run (omit to list them).")
    var name: String?

    @Option(help: "The dialogs folder whose training/ holds the modules (default: $INTAKE_DIALOGS, ./Dialogs, or the installed dialogs).")
    var dialogs: String?

    @Option(help: "Seed for the caller's details and other texts that vary, to reproduce a session.")
    var seed: UInt64 = 0

    @Option(help: "Write the debrief to FILE when the session ends (.json for JSON, else Markdown; mode 0600).")
    var report: String?

    @Option(help: "Write every turn to FILE as JSON lines (mode 0600).")
    var transcript: String?

    @Flag(help: "Write one JSON object per turn on standard output, for programs.")
    var jsonl = false

    @Flag(help: "Run the calibration transcripts (tests/*.test) of every module, or of NAME, and report each verdict that differs; exit 1 on any.")
    var calibrate = false

    @Option(help: "On a terminal, wrap text at N columns at most (0 for the window's width).")
    var width = TurnPrinter.comfortableWidth

    func validate() throws {
        if width < 0 { throw ValidationError("--width takes a number of columns, or 0 for the window's width") }
    }

    func run() throws {
        let trainingFolder = FileReading.join(DialogsLocation.resolve(dialogs), "training")
        let modules = Self.modules(in: trainingFolder)
        if let name { try Self.checkModule(name, among: modules) }
        if calibrate {
            try runCalibration(modules, in: trainingFolder)
            return
        }
        guard let name else {
            try list(modules, in: trainingFolder)
            return
        }
        let folder = FileReading.join(trainingFolder, name)
        let bundle = try BundleReading.loadValid(folder)
        guard bundle.kind == .training else {
            FileIO.write("intake: \(folder) is not a training module (`kind: training`)\n", to: 2)
            throw ExitStatus.dataError
        }
        var session: Session
        do {
            session = try Session(bundle: bundle, seed: seed)
        } catch {
            FileIO.write("intake: \(error)\n", to: 2)
            throw ExitCode(64)
        }
        // History stays in memory: a trainee's lines are not written anywhere.
        var runner = SessionRunner(jsonl: jsonl, staff: false, history: nil, transcript: transcript)
        runner.filesAtEnd = [report]
        runner.maxWidth = width
        // The report's transcript: kept in memory, written only with --report.
        var turns: [Turn] = []
        let exitSignal = try runner.run(
            &session, onTurn: { if report != nil { turns.append($0) } },
            onReload: { _, asked in
                var turn = asked
                turn.say.append("Reload is for the chat; a training session keeps its module.")
                return turn
            })
        var failed = runner.writeFailed
        if let report {
            do {
                let facts = ReportFile.Facts(
                    module: name, title: bundle.title, hash: bundle.hash, seed: seed,
                    persona: session.variantsChosen.first, date: ReportFile.now())
                try ReportFile.write(session.debrief(), facts, transcript: turns, to: report)
            } catch {
                FileMessages.cannotWrite(error)
                failed = true
            }
        }
        if exitSignal != 0 { throw ExitCode(128 + exitSignal) }
        if failed { throw ExitStatus.ioError }
    }

    /// `intake train --calibrate [NAME]`: the transcripts each module ships with the
    /// verdict they must get, run as scripted tests (`passed:`, `item ID:`).
    private func runCalibration(_ modules: [String], in folder: String) throws {
        let chosen = name.map { [$0] } ?? modules
        let folders = DefaultTests.calibrationFolders(of: chosen, in: folder)
        guard !folders.isEmpty else {
            FileIO.write("intake: no calibration transcripts (tests/*.test) in \(chosen.joined(separator: ", "))\n", to: 2)
            throw ExitStatus.noInput
        }
        let tests = try TestCommand.parse(folders)
        try tests.run()
    }

    /// Exits 64, listing the modules, when `name` is not one of them.
    private static func checkModule(_ name: String, among modules: [String]) throws {
        guard modules.contains(name), !name.contains("/") else {
            FileIO.write("intake: no training module `\(name)`; the modules are: \(modules.joined(separator: ", "))\n", to: 2)
            throw ExitCode(64)
        }
    }

    /// `intake train`: each module with its `description`.
    private func list(_ modules: [String], in folder: String) throws {
        guard !modules.isEmpty else {
            FileIO.write("intake: no training modules in \(folder)\n", to: 2)
            throw ExitStatus.noInput
        }
        let width = modules.map(\.count).max() ?? 0
        var out = "Training modules (run one with intake train NAME):\n"
        for module in modules {
            let description: String
            if let result = try? BundleLoader.load(folder: FileReading.join(folder, module)), let bundle = result.bundle {
                description = bundle.description ?? bundle.title
            } else {
                description = "(has errors: run intake check \(FileReading.join(folder, module)))"
            }
            // A module's name and description come from files: nothing in them reaches the
            // terminal raw.
            let name = VisibleText.stripping(module, keepingLineBreaks: false)
            out +=
                "  " + name + String(repeating: " ", count: max(0, width - name.count)) + "  "
                + VisibleText.stripping(description, keepingLineBreaks: false) + "\n"
        }
        FileIO.write(out, to: 1)
    }

    /// The folders of `folder`, sorted: one module each.
    static func modules(in folder: String) -> [String] {
        let names = (try? FileReading.names(in: folder)) ?? []
        return names.filter { FileReading.kind(of: FileReading.join(folder, $0)) == .folder }
    }

}

/// `--report FILE`: the debrief for a supervisor, as JSON (`.json`) or Markdown, written
/// atomically, mode 0600: when and on what it was taken, the debrief, and the transcript.
enum ReportFile {
    /// What the report says the debrief was taken on.
    struct Facts {
        var module: String
        var title: String
        /// The module's bundle hash: which version of it the trainee was scored on.
        var hash: String
        var seed: UInt64
        /// The caller's persona, as the seed chose it; nil for a module without one.
        var persona: String?
        /// When the session ended, ISO 8601 in UTC.
        var date: String
    }

    static func write(_ debrief: Debrief, _ facts: Facts, transcript: [Turn], to path: String) throws(FileProblem) {
        let text: String
        if path.hasSuffix(".json") {
            let value = TypedValue.mapping([
                ("module", .string(facts.module)), ("title", .string(facts.title)), ("date", .string(facts.date)),
                ("bundle", .string(facts.hash)), ("hash", .string(facts.hash)), ("seed", facts.seed <= UInt64(Int.max) ? .int(Int(facts.seed)) : .string(String(facts.seed))),
                ("persona", facts.persona.map { .string($0) } ?? .null),
                ("debrief", debrief.jsonValue),
                (
                    "transcript",
                    .sequence(
                        transcript.map { turn in
                            .mapping([
                                ("turn", .int(turn.number)), ("input", turn.input.map { .string($0) } ?? .null),
                                ("say", .sequence(turn.say.map { .string($0) })), ("ask", turn.ask.map { .string($0) } ?? .null),
                            ])
                        })
                ),
            ])
            text = JSONWriter.string(value) + "\n"
        } else {
            text = debrief.markdown(facts, transcript: transcript)
        }
        try WholeFile.write(text, to: path)
    }

    /// Now, as ISO 8601 in UTC ("2026-12-06T04:05:06Z").
    static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "" }
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
