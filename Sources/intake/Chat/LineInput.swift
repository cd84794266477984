import CReadline
import DialogEngine
import DialogFiles
import DialogMatching

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the chat's lines come from.
protocol LineInput {
    /// The next line without its line break; nil at the end of input. `.interrupted`
    /// when a signal asks the session to end.
    mutating func readLine(prompt: String) -> LineEvent
    /// Whether a file it writes (the line history) could not be written.
    var writeFailed: Bool { get }
}

extension LineInput {
    var writeFailed: Bool { false }
}

enum LineEvent: Equatable {
    case line(String)
    case end
    case signal(Int32)
}

/// Signals from outside that end a session after what was asked to be written is
/// flushed: SIGTERM, and SIGINT when not on a terminal (the C handlers are in the shim).
enum EndSignals {
    static func install(includingInterrupt: Bool) {
        intake_install_end_handlers(includingInterrupt ? 1 : 0)
    }

    /// The signal received, or 0.
    static var received: Int32 { intake_take_end_signal() }
}

/// Lines from a pipe or a file: plain `read(2)`, no prompt, no echo; LF, CRLF and CR
/// line ends. Bytes that are not UTF-8 become U+FFFD; a line longer than `maxLine` keeps
/// its first `maxLine` bytes and the rest is dropped as it arrives, so a line of any
/// length costs little memory.
struct PipeInput: LineInput {
    /// Enough bytes for the `Session.maxInputLength` characters the session reads (at most
    /// four bytes each), and not many more.
    static let maxLine = 4 * Session.maxInputLength
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    mutating func readLine(prompt: String) -> LineEvent {
        var skipping = false
        var kept: [UInt8] = []
        while true {
            // A line ends at LF, CRLF or a CR alone (old Mac files); a CR at the end of
            // what has arrived waits for the next byte, which may be its LF.
            if let brk = buffer[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }),
                buffer[brk] == 0x0A || brk + 1 < buffer.count || eof
            {
                let piece = buffer[start..<brk]
                start = brk + 1
                if buffer[brk] == 0x0D && start < buffer.count && buffer[start] == 0x0A { start += 1 }
                if start > (1 << 16) { buffer.removeFirst(start); start = 0 }
                if skipping {
                    return .line(String(decoding: kept, as: UTF8.self))
                }
                var line = Array(piece)
                if line.count > PipeInput.maxLine { line.removeSubrange(PipeInput.maxLine...) }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if eof {
                guard start < buffer.count || skipping else {
                    // A signal that came with the end of input still decides the status.
                    return EndSignals.received != 0 ? .signal(EndSignals.received) : .end
                }
                let rest = skipping ? kept : Array(buffer[start...].prefix(PipeInput.maxLine))
                buffer.removeAll()
                start = 0
                return .line(String(decoding: rest, as: UTF8.self))
            }
            // A very long line: keep its beginning, drop the rest as it arrives.
            if !skipping && buffer.count - start > PipeInput.maxLine {
                kept = Array(buffer[start..<(start + PipeInput.maxLine)])
                skipping = true
                buffer.removeAll()
                start = 0
            } else if skipping {
                buffer.removeAll()
                start = 0
            }
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR {
                    if EndSignals.received != 0 { return .signal(EndSignals.received) }
                    continue
                }
                eof = true
            } else if n == 0 {
                eof = true
            } else {
                buffer.append(contentsOf: chunk[0..<n])
            }
        }
    }
}

/// Lines from a person at a terminal, through readline: line editing, history, Tab
/// completion of the choices and commands, Ctrl-C to abandon a line.
struct TerminalInput: LineInput {
    /// `--history FILE`, opened (and locked) by the caller; each line is appended to it.
    private var history: AppendFile?
    private(set) var writeFailed = false

    init(history: AppendFile?) {
        self.history = history
        intake_readline_setup()
        intake_set_completion(completionGenerator)
        using_history()
        if let history { _ = read_history(history.path) }
    }

    /// The current choices, which Tab completes.
    nonisolated(unsafe) static var candidates: [String] = []

    /// The commands Tab completes when no choice fits: not `reload`, which is for authors.
    static let commands = Session.commands.filter { $0 != Session.Command.reload.rawValue }

    mutating func readLine(prompt: String) -> LineEvent {
        while true {
            if EndSignals.received != 0 { return .signal(EndSignals.received) }
            guard let raw = readline(prompt) else {
                // Ctrl-D leaves the cursor on the prompt line: the summary starts below it.
                FileIO.write("\n", to: 1)
                return EndSignals.received != 0 ? .signal(EndSignals.received) : .end
            }
            defer { free(raw) }
            if intake_take_interrupt() != 0 {
                // Ctrl-C: the line is abandoned; the session goes on, on a new line. At an
                // empty prompt the person may be trying to leave: say how.
                let hadText = intake_take_interrupted_text() != 0
                FileIO.write(hadText ? "^C\n" : "^C (to leave, type quit or press Ctrl-D)\n", to: 1)
                continue
            }
            let line = String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)).bindMemory(to: UInt8.self), as: UTF8.self)
            if !line.allSatisfy(\.isWhitespace) {
                add_history(raw)
                appendToHistory(line)
            }
            return .line(line)
        }
    }

    /// One line added to the history file, as readline reads it back: a line of text.
    private mutating func appendToHistory(_ line: String) {
        guard let file = history else { return }
        do {
            try file.append(line + "\n")
        } catch {
            FileIO.write("intake: cannot write \(error.path): \(error.reason); the session goes on without its history\n", to: 2)
            history = nil
            writeFailed = true
        }
    }
}

/// Where readline's completion left off between calls for one word.
private enum CompletionCursor {
    nonisolated(unsafe) static var index = 0
}

/// readline's completion callback: a C function that captures nothing. The choices that
/// start with what was typed; the commands only when no choice does, so that "Ba" offers
/// "Baclofen…" and not `back` beside it.
private let completionGenerator: intake_generator = { text, state in
    if state == 0 { CompletionCursor.index = 0 }
    let prefix = text.map { String(cString: $0).lowercased() } ?? ""
    let choices = TerminalInput.candidates.filter { $0.lowercased().hasPrefix(prefix) }
    let candidates = choices.isEmpty ? TerminalInput.commands : choices
    while CompletionCursor.index < candidates.count {
        let candidate = candidates[CompletionCursor.index]
        CompletionCursor.index += 1
        if candidate.lowercased().hasPrefix(prefix) { return strdup(candidate) }
    }
    return nil
}
