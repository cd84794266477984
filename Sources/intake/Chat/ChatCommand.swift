import ArgumentParser
import DialogEngine
import DialogFiles
import DialogMatching
import DialogModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `intake [chat]`: a session over the bundled dialogs, for a person at a terminal, a
/// program on a pipe (`--jsonl`), or a phone-line worker (`--staff`).
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk with the intake assistant (the default command).",
        discussion: """
            On a terminal: line editing, Tab completes choices and commands, Ctrl-C abandons \
            the line, Ctrl-D ends the session with a summary. With piped input: plain lines \
            in, plain text out. Commands, typed as the whole line: back, repeat, restart, \
            help, summary, quit, reload. Nothing you type is written to disk unless you ask \
            for a file with --history, --summary or --transcript (created mode 0600).
            """
    )

    @Option(help: "The dialogs folder (default: $INTAKE_DIALOGS, ./Dialogs, or the installed dialogs).")
    var dialogs: String?

    @Option(help: "Start at this node (file.node).")
    var start: String?

    @Option(help: "The region whose resources and emergency numbers are shown (US, UK, CA…; default US).")
    var region: String?

    @Flag(help: "Show node ids, staff notes, why each route matched, and live scores.")
    var staff = false

    @Flag(help: "Write one JSON object per turn on standard output, for programs.")
    var jsonl = false

    @Option(help: "On a terminal, wrap text at N columns at most (0 for the window's width).")
    var width = TurnPrinter.comfortableWidth

    @Option(help: "Write the session summary to FILE when it ends (.json for JSON, else Markdown).")
    var summary: String?

    @Option(help: "Write every turn to FILE as JSON lines.")
    var transcript: String?

    @Option(help: "Keep line history in FILE (on a terminal; off by default).")
    var history: String?

    @Option(help: "Seed for texts that vary, to reproduce a session.")
    var seed: UInt64?

    @Option(help: "Save the session's state to FILE after every turn (mode 0600), to continue it later with --resume.")
    var state: String?

    @Option(help: "Continue the session saved in FILE (and keep saving to it, unless --state names another file).")
    var resume: String?

    @Option(help: "Save the session as a scripted test that replays it (for intake test; mode 0600).")
    var record: String?

    func validate() throws {
        if width < 0 { throw ValidationError("--width takes a number of columns, or 0 for the window's width") }
        // Region codes are checked against the bundle in run(); an empty one is a usage error.
        if region?.isEmpty == true { throw ValidationError("--region needs a code such as US or UK") }
        if resume != nil {
            let fixed = [(start != nil, "--start"), (region != nil, "--region"), (seed != nil, "--seed")].filter(\.0).map(\.1)
            if let first = fixed.first {
                throw ValidationError("\(first) cannot be given with --resume: a resumed session keeps its own")
            }
        }
    }

    func run() throws {
        let folder = DialogsLocation.resolve(dialogs)
        let bundle = try BundleReading.loadValid(folder)
        if bundle.kind == .training {
            FileIO.write("intake: \(folder) is a training module; run it with intake train\n", to: 2)
            throw ExitStatus.dataError
        }
        var session: Session
        if let resume {
            session = try resumed(from: resume, bundle: bundle)
        } else {
            do {
                session = try Session(
                    bundle: bundle, region: region ?? "US",
                    start: start.map { NodeID($0, in: bundle.start.file) }, seed: seed ?? 0)
            } catch {
                // An unknown region or start node: a usage error that lists what exists.
                FileIO.write("intake: \(error)\n", to: 2)
                throw ExitCode(64)
            }
        }
        var recorder = record.map { RecordWriter(path: $0, folder: folder, region: region ?? "US", seed: seed ?? 0, start: start) }
        var runner = SessionRunner(jsonl: jsonl, staff: staff, history: history, transcript: transcript)
        runner.stateFile = state ?? resume
        runner.resuming = resume != nil
        runner.maxWidth = width
        runner.filesAtEnd = [record, summary]
        let exitSignal = try runner.run(
            &session, onTurn: { recorder?.add($0) },
            onReload: { session, asked in reload(&session, folder: folder, asked: asked) })
        // Each file asked for is written, even when another could not be.
        var failed = runner.writeFailed
        do {
            try recorder?.write()
        } catch {
            FileMessages.cannotWrite(error)
            failed = true
        }
        if let summary {
            do {
                try SummaryFile.write(session.summary(), to: summary)
            } catch {
                FileMessages.cannotWrite(error)
                failed = true
            }
        }
        if exitSignal != 0 { throw ExitCode(128 + exitSignal) }
        if failed { throw ExitStatus.ioError }
    }

    /// The session saved in `path`: a missing file is 66; a file that is not a saved
    /// session, an ended one, or one the dialogs no longer fit is 65, with the reason.
    private func resumed(from path: String, bundle: DialogBundle) throws -> Session {
        let bytes = try InputFiles.bytes(path)
        do {
            return try Session(CompiledBundle(bundle), resuming: SessionState(json: bytes))
        } catch {
            FileIO.write("intake: cannot resume \(path): \(error.reason)\n", to: 2)
            throw ExitStatus.dataError
        }
    }

    /// `reload`: reads the bundle again; on errors, prints them and keeps the old one.
    private func reload(_ session: inout Session, folder: String, asked: Turn) -> Turn {
        guard let result = try? BundleLoader.load(folder: folder, comparingExamples: false) else {
            FileIO.write("intake: cannot read \(folder); keeping the dialogs already loaded\n", to: 2)
            return asked
        }
        guard let bundle = result.bundle, bundle.kind == .intake else {
            FileIO.write(result.renderedDiagnostics() + "intake: the dialogs have errors; keeping the ones already loaded\n", to: 2)
            return asked
        }
        return session.reload(bundle, amending: asked)
    }
}
