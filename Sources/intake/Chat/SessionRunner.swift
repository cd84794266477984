import DialogEngine
import DialogFiles
import DialogMatching

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The read–respond–show loop that `intake chat` and `intake train` share: readline on a
/// terminal, plain lines on a pipe, `--jsonl`, the transcript, and the end of input or a
/// signal ending the session with its summary.
struct SessionRunner {
    var jsonl: Bool
    var staff: Bool
    /// `--history FILE` (terminal only); nil keeps history in memory.
    var history: String?
    /// `--transcript FILE`.
    var transcript: String?
    /// `--state FILE` (or the `--resume` file): the session's state, saved after every turn.
    var stateFile: String?
    /// Whether the session was resumed: its first turn asks the pending question again.
    var resuming = false
    /// The files the command writes whole when the session ends (`--summary`, `--record`,
    /// `--report`): checked, with the others, before the first turn.
    var filesAtEnd: [String?] = []
    /// The widest a line of text may be on a terminal (`--width`; 0 for the window's).
    var maxWidth = TurnPrinter.comfortableWidth
    /// Set by ``run(_:onTurn:onReload:)`` when a write failed during the session (the
    /// state, the transcript, standard output): the command ends with 74 once it has
    /// written what else was asked.
    private(set) var writeFailed = false

    /// Colour by the conventions: off when `NO_COLOR` is set and not empty
    /// (no-color.org), and on a terminal that says it cannot show it (`TERM=dumb` or none).
    static func wantsColour() -> Bool {
        if let noColour = getenv("NO_COLOR"), noColour.pointee != 0 { return false }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty, term != "dumb" else { return false }
        return true
    }

    /// Runs the session to its end and returns the signal that ended it, or 0.
    /// `onTurn` sees every turn as the session made it; `onReload` answers `reload`.
    mutating func run(_ session: inout Session, onTurn: (Turn) -> Void, onReload: (inout Session, Turn) -> Turn) throws -> Int32 {
        // Before the first turn: the input is something lines can be read from, and every
        // file asked for can be written.
        if FileReading.kind(ofDescriptor: 0) == .folder {
            FileIO.write("intake: standard input is a folder, not lines of text\n", to: 2)
            throw ExitStatus.noInput
        }
        try FileMessages.checkCreatable(filesAtEnd + [stateFile])
        var transcriptWriter: TranscriptWriter?
        var historyFile: AppendFile?
        do {
            if let transcript { transcriptWriter = try TranscriptWriter(path: transcript) }
            if let history { historyFile = try AppendFile(path: history) }
        } catch {
            FileMessages.cannotCreate(error)
            throw ExitStatus.cannotCreate
        }
        let terminal = isatty(0) != 0 && isatty(1) != 0 && !jsonl
        EndSignals.install(includingInterrupt: !terminal)
        var input: any LineInput = terminal ? TerminalInput(history: historyFile) : PipeInput()
        let colour = terminal && SessionRunner.wantsColour()
        let printer = TurnPrinter(terminal: terminal, colour: colour, staff: staff, maxWidth: maxWidth)
        var failed = false

        func show(_ turn: Turn) {
            onTurn(turn)
            // The author's notes are for staff; programs get the rest of the turn.
            do {
                try transcriptWriter?.write(turn, staff: staff)
            } catch {
                // Said once; the session goes on, without the transcript.
                FileIO.write("intake: cannot write \(error.path): \(error.reason); the session goes on without its transcript\n", to: 2)
                transcriptWriter = nil
                failed = true
            }
            if !FileIO.write(jsonl ? turn.jsonLine(staff: staff) + "\n" : printer.render(turn) + "\n", to: 1) { failed = true }
            TerminalInput.candidates = turn.choiceLabels
        }

        // The state is saved after each turn a person answers; after the closing turn of
        // an end of input or a signal it is not, so that a hang-up can be resumed.
        var stateFailed = false
        func save(_ session: Session) {
            guard let stateFile, !stateFailed else { return }
            do {
                try WholeFile.write(session.savedState.jsonLine + "\n", to: stateFile)
            } catch {
                stateFailed = true
                failed = true
                FileIO.write("intake: cannot save the session to \(error.path): \(error.reason); the session goes on unsaved\n", to: 2)
            }
        }

        let first = resuming ? session.resume() : session.open()
        save(session)
        // A state file that cannot be written is found before the first turn.
        if stateFailed { throw ExitStatus.cannotCreate }
        show(first)
        var exitSignal: Int32 = 0
        // Nobody reads a session whose output is closed: it ends, and what was asked to be
        // written is written.
        while !session.isEnded && FileIO.outputFailure == 0 {
            // \u{1} and \u{2} tell readline that the codes between them take no columns:
            // without them it misplaces the cursor when it redraws an edited line.
            switch input.readLine(prompt: colour ? "\u{1}\u{1B}[1m\u{2}> \u{1}\u{1B}[0m\u{2}" : "> ") {
            case .line(let line):
                if line.utf8.count > Session.maxInputLength && line.unicodeScalars.count > Session.maxInputLength {
                    FileIO.write(
                        "intake: that line is longer than \(Session.maxInputLength) characters; only its first \(Session.maxInputLength) characters are read (\(Session.maxCrisisInputLength) for emergencies)\n",
                        to: 2)
                }
                var turn = session.respond(to: line)
                if turn.trace.contains(.request(.reload)) {
                    turn = onReload(&session, turn)
                }
                save(session)
                show(turn)
            case .end:
                exitSignal = EndSignals.received
                show(session.end())
            case .signal(let signo):
                exitSignal = signo
                show(session.end())
            }
        }
        // Standard output closed: the session ends as at the end of input.
        if !session.isEnded { show(session.end()) }
        if input.writeFailed { failed = true }
        transcriptWriter?.close()
        historyFile?.close()
        writeFailed = failed
        return exitSignal
    }
}
